#include "application_json.hpp"

#include "cadre/dates.hpp"
#include "cadre/json_text.hpp"
#include "cadre/pagination.hpp"

namespace cadre::recruiting {

Poco::JSON::Object::Ptr stageJson(const Stage& stage) {
  auto out = orderedObject();
  out->set("id", stage.id);
  out->set("code", stage.code);
  out->set("name", stage.name);
  out->set("order", stage.order);
  out->set("kind", stage.kind);
  return out;
}

Poco::JSON::Object::Ptr requisitionStagesJson(std::int64_t requisitionId,
                                              const std::vector<Stage>& stages) {
  auto out = orderedObject();
  out->set("requisitionId", requisitionId);
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const auto& s : stages) items->add(stageJson(s));
  out->set("stages", items);
  return out;
}

Poco::JSON::Object::Ptr applicationJson(const Application& a, const std::string& today) {
  auto out = orderedObject();
  out->set("id", a.id);
  out->set("candidateId", a.candidateId);
  out->set("givenName", a.givenName);
  out->set("familyName", a.familyName);
  out->set("requisitionId", a.requisitionId);
  out->set("stage", stageJson(a.stage));
  out->set("stageEnteredAt", a.stageEnteredAt);
  out->set("daysInStage", static_cast<std::int64_t>(daysBetween(a.stageEnteredAt, today)));
  out->set("furthestOrder", a.furthestOrder);
  setOptional(*out, "closedReason", a.closedReason);
  out->set("appliedAt", a.appliedAt);
  out->set("createdBy", a.createdBy);
  setOptional(*out, "hiredEmployeeId", a.hiredEmployeeId);
  out->set("version", a.version);
  return out;
}

Poco::JSON::Array::Ptr movesJson(const std::vector<StageMove>& moves, const std::string& today) {
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (std::size_t i = 0; i < moves.size(); ++i) {
    const auto& m = moves[i];
    auto out = orderedObject();
    out->set("id", m.id);
    out->set("from", m.from ? Poco::Dynamic::Var(stageJson(*m.from)) : Poco::Dynamic::Var());
    out->set("to", stageJson(m.to));
    out->set("movedAt", m.movedAt);
    out->set("movedBy", m.movedBy);
    setOptional(*out, "reason", m.reason);
    auto until = i + 1 < moves.size() ? moves[i + 1].movedAt : today;
    out->set("daysInStage", static_cast<std::int64_t>(daysBetween(m.movedAt, until)));
    items->add(out);
  }
  return items;
}

Poco::JSON::Array::Ptr boardJson(const std::vector<BoardColumn>& columns, std::size_t cardsPerStage,
                                 const std::string& today) {
  Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
  for (const auto& column : columns) {
    auto out = stageJson(column.stage);
    out->set("count", column.count);
    Poco::JSON::Array::Ptr cards = new Poco::JSON::Array;
    for (std::size_t i = 0; i < column.cards.size() && i < cardsPerStage; ++i) {
      const auto& a = column.cards[i];
      auto card = orderedObject();
      card->set("applicationId", a.id);
      card->set("candidateId", a.candidateId);
      card->set("givenName", a.givenName);
      card->set("familyName", a.familyName);
      card->set("stageEnteredAt", a.stageEnteredAt);
      card->set("daysInStage", static_cast<std::int64_t>(daysBetween(a.stageEnteredAt, today)));
      card->set("version", a.version);
      cards->add(card);
    }
    out->set("cards", cards);
    if (column.cards.size() > cardsPerStage) {
      out->set("next", encodeCursor(std::to_string(column.cards[cardsPerStage - 1].id)));
    } else {
      out->set("next", Poco::Dynamic::Var());
    }
    items->add(out);
  }
  return items;
}

Poco::JSON::Object::Ptr stageTemplateJson(const StageTemplate& t) {
  auto out = orderedObject();
  out->set("id", t.id);
  out->set("name", t.name);
  out->set("isDefault", t.isDefault);
  Poco::JSON::Array::Ptr stages = new Poco::JSON::Array;
  for (const auto& s : t.stages) {
    auto stage = orderedObject();
    stage->set("code", s.code);
    stage->set("name", s.name);
    stage->set("kind", s.kind);
    stages->add(stage);
  }
  out->set("stages", stages);
  out->set("version", t.version);
  return out;
}

std::vector<std::string> applicationCsvHeader() {
  return {"id",        "candidateId",    "givenName",      "familyName",  "requisitionId",
          "stage",     "stageKind",      "stageEnteredAt", "daysInStage", "closedReason",
          "appliedAt", "hiredEmployeeId"};
}

std::vector<std::string> applicationCsvRow(const Application& a, const std::string& today) {
  return {std::to_string(a.id),
          std::to_string(a.candidateId),
          a.givenName,
          a.familyName,
          std::to_string(a.requisitionId),
          a.stage.code,
          a.stage.kind,
          a.stageEnteredAt,
          std::to_string(daysBetween(a.stageEnteredAt, today)),
          a.closedReason.value_or(""),
          a.appliedAt,
          a.hiredEmployeeId ? std::to_string(*a.hiredEmployeeId) : ""};
}

}  // namespace cadre::recruiting
