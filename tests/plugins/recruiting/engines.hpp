#pragma once

#include <gtest/gtest.h>

/// The engines every recruiting test that touches a database runs on.
#define RECRUITING_ON_EVERY_ENGINE(Fixture)                                           \
  INSTANTIATE_TEST_SUITE_P(Engines, Fixture, ::testing::Values("sqlite", "postgres"), \
                           [](const auto& info) { return info.param; })
