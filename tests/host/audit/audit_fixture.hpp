#pragma once

#include <gtest/gtest.h>

#include "audit/audit_store.hpp"
#include "host/auth/test_database.hpp"

namespace cadre::test {

/// An audit store over a fresh database, with a clock the test moves one minute per entry.
class AuditFixture : public ::testing::TestWithParam<std::string> {
 protected:
  AuditEntry entry(const std::string& action, const std::string& type, const std::string& id) {
    AuditEntry e;
    e.action = action;
    e.objectType = type;
    e.objectId = id;
    return e;
  }
  void recordSystem(const std::string& actor, const AuditEntry& e) {
    host_.db().inTransaction([&](Transaction& tx) { store_.recordSystem(tx, actor, e); });
    now_ += std::chrono::minutes(1);
  }

  std::chrono::system_clock::time_point now_ =
      std::chrono::system_clock::time_point(std::chrono::seconds(1767225600));  // 2026-01-01
  HostDatabase host_{GetParam()};
  audit::AuditStore store_{host_.db(), [this] { return now_; }};
};

}  // namespace cadre::test
