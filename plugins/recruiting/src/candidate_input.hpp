#pragma once

#include <set>
#include <string>

#include <Poco/JSON/Object.h>

#include "cadre/json_fields.hpp"
#include "candidates.hpp"

namespace cadre::recruiting {

/// The sources a candidate may come from: agency, campus, direct, event, job_board, referral.
const std::set<std::string>& candidateSources();

/// Reads a new candidate from a request body; problems (types, lengths, enums, the shape of an
/// email address, a phone number or a currency) go to `in`. retentionUntil stays empty when the
/// body has none.
NewCandidate readNewCandidate(JsonFields& in);
/// Reads the fields of a PATCH; absent ones stay unset, null clears the nullable ones.
CandidateEdit readCandidateEdit(JsonFields& in, const Poco::JSON::Object::Ptr& body);

}  // namespace cadre::recruiting
