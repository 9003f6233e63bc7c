#pragma once

#include <vector>

#include <Poco/JSON/Object.h>

#include "requisition.hpp"

namespace cadre::recruiting {

/// The JSON form of a requisition for the API, the audit log and event payloads.
Poco::JSON::Object::Ptr requisitionJson(const Requisition& requisition);
Poco::JSON::Object::Ptr approvalStepJson(const ApprovalStep& step);
Poco::JSON::Object::Ptr headcountOverrideJson(const HeadcountOverride& grant);
/// The CSV columns of a requisition list and one row of it.
std::vector<std::string> requisitionCsvHeader();
std::vector<std::string> requisitionCsvRow(const Requisition& requisition);

}  // namespace cadre::recruiting
