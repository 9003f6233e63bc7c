#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <Poco/JSON/Object.h>

#include "account_store.hpp"
#include "assignment_rules.hpp"
#include "rep_seat_store.hpp"
#include "territory_metrics.hpp"
#include "territory_models.hpp"

namespace cadre::territory {

/// The JSON of the sales side's objects, as the REST API answers them (camelCase keys).
Poco::JSON::Object::Ptr modelJson(const TerritoryModel& model);
Poco::JSON::Object::Ptr territoryJson(const Territory& territory);
/// An account; `territory` is its assignment with the territory it names, or null.
Poco::JSON::Object::Ptr accountJson(const Account& account,
                                    const std::optional<AccountAssignment>& assignment,
                                    const std::optional<Territory>& territory);
Poco::JSON::Object::Ptr assignmentJson(const AccountAssignment& assignment,
                                       const std::optional<Territory>& territory);
Poco::JSON::Object::Ptr ruleJson(const AssignmentRule& rule);
Poco::JSON::Object::Ptr seatJson(const RepSeat& seat, const std::optional<Territory>& territory);
Poco::JSON::Object::Ptr moveJson(const RuleMove& move);
Poco::JSON::Object::Ptr comparisonJson(const ModelComparison& comparison);
Poco::JSON::Object::Ptr coverageJson(const Coverage& coverage);
Poco::JSON::Object::Ptr spreadJson(const Spread& spread);
/// A number for CSV: integers without a fraction, others with up to 2 decimals.
std::string csvNumber(double value);

}  // namespace cadre::territory
