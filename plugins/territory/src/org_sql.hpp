#pragma once

namespace cadre::territory {

/// A common table expression `sub(id, depth)`: an org unit and every unit below it on a date.
/// Parameters: the unit, the date, the date. Put it first in a statement and join `sub`. The
/// depth guard stops damaged data from recursing forever; real trees are far shallower.
inline constexpr const char* kSubtreeUnits =
    "WITH RECURSIVE sub(id, depth) AS (SELECT CAST(? AS BIGINT), 0 UNION ALL "
    "SELECT p.org_unit_id, sub.depth + 1 FROM territory_org_unit_periods p "
    "JOIN sub ON p.parent_id = sub.id WHERE p.valid_from <= ? AND p.valid_to > ? "
    "AND sub.depth < 64) ";

}  // namespace cadre::territory
