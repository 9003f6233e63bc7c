# cadre_add_test_suites(TARGET [TIMEOUT seconds])
#
# Registers a GoogleTest executable with CTest as one entry per test SUITE, named <target>.<Suite>,
# which runs `<target> --gtest_filter=<Suite>.*`; a value-parameterised suite has an entry per
# parameter, <target>.Engines/<Fixture>/sqlite running `--gtest_filter=Engines/<Fixture>.*/sqlite`. Every entry is labelled with the target, so
# `ctest -L host_auth_tests` selects an executable and `ctest -R OrgApiTest` a suite; one test is
# run with the executable itself: `build/tests/<target> --gtest_filter=Suite.Name`.
#
# Why per suite and not per test (gtest_discover_tests): each entry is a process of its own, and
# what a process starts (the test PostgreSQL cluster, a `cadre serve` shared through
# SetUpTestSuite, ASan's start-up) is then paid once per suite instead of once per test.
#
# The suites are listed with `<target> --gtest_list_tests` when CTest starts, and again only after
# the executable changed (so the build never runs a test executable). An executable that cannot
# list its tests shows as the failing entry <target>.LIST_FAILED, never as no tests at all.
function(cadre_add_test_suites target)
  cmake_parse_arguments(S "" "TIMEOUT" "" ${ARGN})
  if(NOT S_TIMEOUT)
    set(S_TIMEOUT 900)
  endif()
  set(_base ${CMAKE_CURRENT_BINARY_DIR}/${target})
  file(GENERATE OUTPUT ${_base}_suites_include.cmake CONTENT
"set(CADRE_SUITES_EXECUTABLE [==[$<TARGET_FILE:${target}>]==])
set(CADRE_SUITES_TARGET [==[${target}]==])
set(CADRE_SUITES_TIMEOUT ${S_TIMEOUT})
set(CADRE_SUITES_FILE [==[${_base}_suites.cmake]==])
set(CADRE_SUITES_CMAKE [==[${CMAKE_COMMAND}]==])
include([==[${CADRE_TEST_SUITES_LISTER}]==])
")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${_base}_suites_include.cmake)
endfunction()

set(CADRE_TEST_SUITES_LISTER ${CMAKE_CURRENT_LIST_DIR}/CadreTestSuitesList.cmake)
