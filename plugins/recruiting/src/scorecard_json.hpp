#pragma once

#include <Poco/JSON/Object.h>

#include "scorecard.hpp"

namespace cadre::recruiting {

/// A scorecard for the API, the audit log and events.
Poco::JSON::Object::Ptr scorecardJson(const Scorecard& scorecard);

/// An application's scores for the API.
Poco::JSON::Object::Ptr scoreSummaryJson(const ScoreSummary& summary);

}  // namespace cadre::recruiting
