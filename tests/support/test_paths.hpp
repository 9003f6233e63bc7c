#pragma once

#include <string>

namespace cadre::test {

/// The build tree the tests were built in (bin/, lib/cadre/plugins/, tests/fixtures/…).
inline std::string binaryDir() {
  return CADRE_BINARY_DIR;
}
/// The source tree, for test data files.
inline std::string sourceDir() {
  return CADRE_SOURCE_DIR;
}

}  // namespace cadre::test
