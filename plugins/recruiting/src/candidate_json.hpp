#pragma once

#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "candidate.hpp"

namespace cadre::recruiting {

/// The JSON form of a candidate for the API, the audit log and event payloads. Without
/// `withCost` (callers other than HR) the source cost is left out.
Poco::JSON::Object::Ptr candidateJson(const Candidate& candidate, bool withCost = true);
Poco::JSON::Object::Ptr duplicateJson(const DuplicateCandidate& duplicate);
/// A CV's metadata (never its content).
Poco::JSON::Object::Ptr cvJson(const CvFile& cv);
/// The CSV columns of a candidate list and one row of it.
std::vector<std::string> candidateCsvHeader();
std::vector<std::string> candidateCsvRow(const Candidate& candidate, bool withCost);

}  // namespace cadre::recruiting
