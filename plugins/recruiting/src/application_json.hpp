#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "application.hpp"

namespace cadre::recruiting {

/// The JSON form of a stage: id, code, name, order, kind.
Poco::JSON::Object::Ptr stageJson(const Stage& stage);
/// A requisition's stages: {"requisitionId", "stages": [...]}.
Poco::JSON::Object::Ptr requisitionStagesJson(std::int64_t requisitionId,
                                              const std::vector<Stage>& stages);
/// The JSON form of an application for the API, the audit log and event payloads, with the
/// whole days it has spent in its current stage up to `today` (YYYY-MM-DD).
Poco::JSON::Object::Ptr applicationJson(const Application& application, const std::string& today);
/// The moves of an application (oldest first), each with the whole days spent in the stage it
/// entered: up to the next move, or up to `today` for the current stage.
Poco::JSON::Array::Ptr movesJson(const std::vector<StageMove>& moves, const std::string& today);
/// The pipeline board: each column's stage, count, cards and the cursor of its next cards.
Poco::JSON::Array::Ptr boardJson(const std::vector<BoardColumn>& columns, std::size_t cardsPerStage,
                                 const std::string& today);
/// A stage template with its stages.
Poco::JSON::Object::Ptr stageTemplateJson(const StageTemplate& stageTemplate);
/// The CSV columns of an application list and one row of it.
std::vector<std::string> applicationCsvHeader();
std::vector<std::string> applicationCsvRow(const Application& application,
                                           const std::string& today);

}  // namespace cadre::recruiting
