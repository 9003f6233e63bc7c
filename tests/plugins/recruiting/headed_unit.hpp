#pragma once

#include <cstdint>

namespace cadre::recruiting::test {

/// An org unit and the employee who heads it (the hiring manager of requisitions in it).
struct HeadedUnit {
  std::int64_t unitId = 0;
  std::int64_t headEmployeeId = 0;
};

}  // namespace cadre::recruiting::test
