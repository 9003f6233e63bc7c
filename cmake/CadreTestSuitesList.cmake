# Run by CTest (through TEST_INCLUDE_FILES, see CadreTestSuites.cmake) with CADRE_SUITES_EXECUTABLE,
# CADRE_SUITES_TARGET, CADRE_SUITES_TIMEOUT, CADRE_SUITES_FILE and CADRE_SUITES_CMAKE set: lists
# the executable's GoogleTest suites into CADRE_SUITES_FILE when that is missing or older than the
# executable, then adds one CTest entry per suite from it.

# An entry that fails and shows why, for an executable whose suites could not be listed. Not
# written to CADRE_SUITES_FILE, so that the next CTest run lists again.
function(cadre_suites_failed name why)
  add_test("${CADRE_SUITES_TARGET}.${name}" "${CADRE_SUITES_CMAKE}" -E echo "${why}")
  set_tests_properties("${CADRE_SUITES_TARGET}.${name}" PROPERTIES WILL_FAIL TRUE)
endfunction()

if(NOT EXISTS "${CADRE_SUITES_EXECUTABLE}")
  cadre_suites_failed(NOT_BUILT "${CADRE_SUITES_EXECUTABLE} is not built")
  return()
endif()

if(NOT EXISTS "${CADRE_SUITES_FILE}" OR
   NOT "${CADRE_SUITES_FILE}" IS_NEWER_THAN "${CADRE_SUITES_EXECUTABLE}" OR
   NOT "${CADRE_SUITES_FILE}" IS_NEWER_THAN "${CMAKE_CURRENT_LIST_FILE}")
  execute_process(COMMAND "${CADRE_SUITES_EXECUTABLE}" --gtest_list_tests
                  OUTPUT_VARIABLE _listing ERROR_VARIABLE _listing
                  RESULT_VARIABLE _result TIMEOUT 120)
  if(NOT _result EQUAL 0)
    cadre_suites_failed(LIST_FAILED
                        "${CADRE_SUITES_EXECUTABLE} --gtest_list_tests failed (${_result}):\n${_listing}")
    return()
  endif()
  # Suite lines start in column 0 and end in "." (then maybe "  # TypeParam = …"); test lines are
  # indented. A value-parameterised suite ("Engines/Fixture", tests "Name/sqlite") gets an entry
  # per parameter, "Engines/Fixture/sqlite", so that its engines run side by side.
  string(REPLACE ";" "\\;" _listing "${_listing}")
  string(REPLACE "\n" ";" _lines "${_listing}")
  set(_groups "")
  foreach(_line IN LISTS _lines)
    if(_line MATCHES "^([A-Za-z0-9_/]+)\\.( |$)")
      set(_suite "${CMAKE_MATCH_1}")
    elseif(_suite MATCHES "/" AND _line MATCHES "^  [A-Za-z0-9_]+/([A-Za-z0-9_]+)( |$)")
      list(APPEND _groups "${_suite}|${_suite}.*/${CMAKE_MATCH_1}|/${CMAKE_MATCH_1}")
    elseif(_line MATCHES "^  [A-Za-z0-9_]+( |$)")
      list(APPEND _groups "${_suite}|${_suite}.*|-")
    endif()
  endforeach()
  list(REMOVE_DUPLICATES _groups)
  set(_tests "")
  foreach(_group IN LISTS _groups)
    string(REPLACE "|" ";" _parts "${_group}")
    list(GET _parts 0 _suite)
    list(GET _parts 1 _filter)
    list(GET _parts 2 _param)
    set(_name "${CADRE_SUITES_TARGET}.${_suite}")
    if(NOT _param STREQUAL "-")
      string(APPEND _name "${_param}")
    endif()
    string(APPEND _tests
      "add_test([==[${_name}]==] [==[${CADRE_SUITES_EXECUTABLE}]==] [==[--gtest_filter=${_filter}]==])\n"
      "set_tests_properties([==[${_name}]==] PROPERTIES TIMEOUT ${CADRE_SUITES_TIMEOUT}"
      " LABELS [==[${CADRE_SUITES_TARGET}]==])\n")
  endforeach()
  if(_tests STREQUAL "")
    cadre_suites_failed(NO_SUITES "${CADRE_SUITES_EXECUTABLE} lists no test suites:\n${_listing}")
    return()
  endif()
  file(WRITE "${CADRE_SUITES_FILE}" "${_tests}")
endif()
include("${CADRE_SUITES_FILE}")
