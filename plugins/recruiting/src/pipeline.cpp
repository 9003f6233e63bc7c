#include "pipeline.hpp"

#include <algorithm>

#include "application_json.hpp"
#include "cadre/dates.hpp"
#include "candidate_store.hpp"

namespace cadre::recruiting {

namespace {

std::string idText(std::int64_t id) {
  return std::to_string(id);
}

}  // namespace

Pipeline::Pipeline(Transaction& tx, AuditTrail trail, Caller caller)
    : tx_(tx), store_(tx), log_(tx, std::move(trail)), caller_(std::move(caller)) {}

Application Pipeline::require(std::int64_t id) {
  return requireFound(store_.find(id), "application", id);
}

Application Pipeline::requireVisible(std::int64_t id) {
  auto application = require(id);
  if (caller_.hr) return application;
  if (caller_.employeeId && store_.visibleTo(id, *caller_.employeeId)) return application;
  throw HttpError::forbidden("application " + idText(id) +
                             " is seen by HR, its requisition's hiring manager and its "
                             "interviewers only");
}

std::vector<Application> Pipeline::list(ApplicationFilter filter) {
  // Without a linked employee nothing is theirs to see: no employee has id 0.
  if (!caller_.hr) filter.visibleTo = caller_.employeeId.value_or(0);
  return store_.list(filter);
}

std::vector<StageMove> Pipeline::moves(std::int64_t applicationId) {
  return store_.moves(applicationId);
}

RequisitionSummary Pipeline::requireRequisition(std::int64_t id) {
  return requireFound(store_.requisition(id), "requisition", id);
}

bool Pipeline::worksOn(const RequisitionSummary& requisition) const {
  return caller_.hr || caller_.is(requisition.hiringManagerId);
}

RequisitionSummary Pipeline::requirePipelineOf(std::int64_t requisitionId) {
  auto requisition = requireRequisition(requisitionId);
  if (!worksOn(requisition)) {
    throw HttpError::forbidden("the pipeline of requisition " + idText(requisitionId) +
                               " is HR's and its hiring manager's");
  }
  return requisition;
}

std::vector<Stage> Pipeline::stages(std::int64_t requisitionId) {
  requirePipelineOf(requisitionId);
  return store_.stages(requisitionId);
}

std::vector<BoardColumn> Pipeline::board(std::int64_t requisitionId, std::int64_t cardsPerStage) {
  requirePipelineOf(requisitionId);
  auto counts = store_.countsByStage(requisitionId);
  std::vector<BoardColumn> columns;
  for (const auto& stage : store_.stages(requisitionId)) {
    BoardColumn column;
    column.stage = stage;
    column.count = counts.count(stage.id) ? counts[stage.id] : 0;
    if (column.count > 0) {
      ApplicationFilter filter;
      filter.requisitionId = requisitionId;
      filter.stageId = stage.id;
      // One more than shown tells whether there is a next page.
      filter.limit = cardsPerStage + 1;
      column.cards = store_.list(filter);
    }
    columns.push_back(std::move(column));
  }
  return columns;
}

Application Pipeline::apply(std::int64_t candidateId, std::int64_t requisitionId,
                            const std::optional<std::string>& note) {
  auto requisition = requireRequisition(requisitionId);
  if (!worksOn(requisition)) {
    throw HttpError::forbidden("applications to requisition " + idText(requisitionId) +
                               " are recorded by HR and its hiring manager");
  }
  if (requisition.state != "open") {
    throw HttpError::unprocessable("requisition " + idText(requisitionId) + " is " +
                                       requisition.state +
                                       "; candidates apply to open requisitions",
                                   {{"requisitionId", "is not open"}});
  }
  auto candidate = requireFound(CandidateStore(tx_).find(candidateId), "candidate", candidateId);
  if (candidate.mergedIntoId || candidate.erasedAt) {
    throw HttpError::unprocessable(
        "candidate " + idText(candidateId) +
            (candidate.mergedIntoId ? " was merged into " + idText(*candidate.mergedIntoId)
                                    : std::string(" was erased")),
        {{"candidateId", "is not a live candidate"}});
  }
  if (auto existing = store_.findId(candidateId, requisitionId)) {
    throw HttpError::conflict("candidate " + idText(candidateId) + " applied to requisition " +
                              idText(requisitionId) + " already: application " + idText(*existing));
  }
  auto stages = store_.stages(requisitionId);
  auto first =
      std::find_if(stages.begin(), stages.end(), [](const Stage& s) { return s.kind == "active"; });
  if (first == stages.end()) {
    throw HttpError::unprocessable("requisition " + idText(requisitionId) +
                                   " has no active stage to start in");
  }
  Application application;
  application.candidateId = candidateId;
  application.requisitionId = requisitionId;
  application.stage = *first;
  application.appliedAt = application.stageEnteredAt = nowTimestamp();
  application.furthestOrder = first->order;
  application.createdBy = caller_.username;
  application.id = store_.insert(application);
  store_.insertMove(
      {0, application.id, std::nullopt, *first, application.appliedAt, caller_.username, note});
  auto created = require(application.id);
  log_.record("application", "created", created.id, nullptr, applicationJson(created, today()));
  return created;
}

Stage Pipeline::targetStage(const Application& application, const MoveTarget& target) {
  for (const auto& stage : store_.stages(application.requisitionId)) {
    if ((target.stageId && stage.id == *target.stageId) ||
        (!target.stageId && target.code && stage.code == *target.code)) {
      return stage;
    }
  }
  const std::string field = target.stageId ? "stageId" : "stage";
  throw HttpError::unprocessable(
      "requisition " + idText(application.requisitionId) + " has no such stage",
      {{field, "is not a stage of requisition " + idText(application.requisitionId)}});
}

Application Pipeline::move(std::int64_t applicationId, std::int64_t version,
                           const MoveTarget& target, const std::optional<std::string>& reason) {
  auto before = require(applicationId);
  auto requisition = requireRequisition(before.requisitionId);
  if (!worksOn(requisition)) {
    throw HttpError::forbidden("applications to requisition " + idText(requisition.id) +
                               " are moved by HR and its hiring manager");
  }
  if (before.version != version) {
    throw HttpError::conflict("application " + idText(applicationId) +
                              " was changed meanwhile; read it again");
  }
  auto to = targetStage(before, target);
  const auto& from = before.stage;
  if (to.id == from.id) {
    throw HttpError::unprocessable("application " + idText(applicationId) + " is in stage " +
                                   from.code + " already");
  }
  if (from.kind == "hired") {
    throw HttpError::unprocessable("application " + idText(applicationId) +
                                   " ended in a hire; it moves no more");
  }
  if (to.kind == "hired") {
    throw HttpError::unprocessable(
        "an application is hired through its accepted offer, not moved there",
        {{target.stageId ? "stageId" : "stage", "is the hired stage"}});
  }
  bool closing = to.kind == "rejected" || to.kind == "withdrawn";
  bool reopening = from.kind != "active";
  if ((closing || reopening) && !reason) {
    throw HttpError::badRequest(std::string("a move ") +
                                    (closing ? "to " + to.code : "out of " + from.code) +
                                    " needs a reason",
                                {{"reason", "is required"}});
  }
  if (closing && reopening) {
    throw HttpError::unprocessable("application " + idText(applicationId) + " is " + from.code +
                                   " already; reopen it into an active stage first");
  }
  if (!closing && requisition.state != "open") {
    throw HttpError::unprocessable("requisition " + idText(requisition.id) + " is " +
                                   requisition.state + "; its cards move again when it is open");
  }
  return moveTo(before, to, reason, std::nullopt, closing ? to.kind : "moved");
}

Application Pipeline::hire(std::int64_t applicationId, std::int64_t employeeId,
                           const std::string& reason) {
  auto before = require(applicationId);
  if (before.stage.kind != "active") {
    throw HttpError::unprocessable("application " + idText(applicationId) + " is " +
                                   before.stage.code + "; only an open application is hired");
  }
  for (const auto& stage : store_.stages(before.requisitionId)) {
    if (stage.kind == "hired") return moveTo(before, stage, reason, employeeId, "hired");
  }
  throw HttpError::unprocessable("requisition " + idText(before.requisitionId) +
                                 " has no hired stage");
}

Application Pipeline::moveTo(const Application& before, const Stage& to,
                             const std::optional<std::string>& reason,
                             std::optional<std::int64_t> hiredEmployeeId, const std::string& what) {
  Application after = before;
  after.stage = to;
  after.stageEnteredAt = nowTimestamp();
  if (to.kind == "active" || to.kind == "hired") {
    after.furthestOrder = std::max(before.furthestOrder, to.order);
  }
  after.closedReason = to.kind == "active" || to.kind == "hired" ? std::nullopt : reason;
  after.hiredEmployeeId = hiredEmployeeId;
  store_.updateStage(after);
  store_.insertMove(
      {0, before.id, before.stage, to, after.stageEnteredAt, caller_.username, reason});
  after = require(before.id);
  auto day = today();
  log_.record("application", what, after.id, applicationJson(before, day),
              applicationJson(after, day));
  return after;
}

}  // namespace cadre::recruiting
