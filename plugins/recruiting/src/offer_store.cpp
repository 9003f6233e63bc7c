#include "offer_store.hpp"

#include "cadre/sql_values.hpp"

namespace cadre::recruiting {

namespace {

const char* const kOfferColumns =
    "SELECT o.id, o.application_id, o.salary, o.currency, o.start_date, o.terms, o.expires_on, "
    "o.state, o.outside_band, o.approval_state, o.approved_by, o.approved_at, "
    "o.approval_comment, o.extended_at, o.decided_at, o.hired_employee_id, o.created_at, "
    "o.created_by, o.version FROM recruiting_offers o ";

Offer offerFrom(const SqlRow& row) {
  Offer o;
  o.id = row.getInt(0);
  o.applicationId = row.getInt(1);
  o.salary = row.getDouble(2);
  o.currency = row.getString(3);
  o.startDate = row.getString(4);
  o.terms = row.getString(5);
  o.expiresOn = row.getString(6);
  o.state = row.getString(7);
  o.outsideBand = row.getInt(8) != 0;
  o.approvalState = row.getOptionalString(9);
  o.approvedBy = row.getOptionalString(10);
  o.approvedAt = row.getOptionalString(11);
  o.approvalComment = row.getOptionalString(12);
  o.extendedAt = row.getOptionalString(13);
  o.decidedAt = row.getOptionalString(14);
  o.hiredEmployeeId = row.getOptionalInt(15);
  o.createdAt = row.getString(16);
  o.createdBy = row.getString(17);
  o.version = row.getInt(18);
  return o;
}

std::vector<Offer> offersFrom(const std::vector<SqlRow>& rows) {
  std::vector<Offer> offers;
  for (const auto& row : rows) offers.push_back(offerFrom(row));
  return offers;
}

}  // namespace

std::optional<Offer> OfferStore::find(std::int64_t id) {
  auto row = tx_.queryOne(std::string(kOfferColumns) + "WHERE o.id = ?", {id});
  if (!row) return std::nullopt;
  return offerFrom(*row);
}

std::vector<Offer> OfferStore::list(const OfferFilter& filter) {
  std::string sql = std::string(kOfferColumns) +
                    "JOIN recruiting_applications a ON a.id = o.application_id "
                    "JOIN recruiting_requisitions r ON r.id = a.requisition_id WHERE o.id > ?";
  SqlParams params{filter.afterId};
  if (filter.applicationId) {
    sql += " AND o.application_id = ?";
    params.push_back(*filter.applicationId);
  }
  if (filter.requisitionId) {
    sql += " AND a.requisition_id = ?";
    params.push_back(*filter.requisitionId);
  }
  if (filter.state) {
    sql += " AND o.state = ?";
    params.push_back(*filter.state);
  }
  if (filter.hiringManagerId) {
    sql += " AND r.hiring_manager_id = ?";
    params.push_back(*filter.hiringManagerId);
  }
  sql += " ORDER BY o.id LIMIT ?";
  params.push_back(filter.limit);
  return offersFrom(tx_.query(sql, params));
}

std::optional<Offer> OfferStore::liveOf(std::int64_t applicationId) {
  auto row = tx_.queryOne(std::string(kOfferColumns) +
                              "WHERE o.application_id = ? AND (o.state IN ('draft', "
                              "'pending_approval', 'extended') OR (o.state = 'accepted' AND "
                              "o.hired_employee_id IS NULL)) ORDER BY o.id DESC",
                          {applicationId});
  if (!row) return std::nullopt;
  return offerFrom(*row);
}

std::vector<Offer> OfferStore::expiredBy(const std::string& today) {
  return offersFrom(tx_.query(
      std::string(kOfferColumns) + "WHERE o.state = 'extended' AND o.expires_on < ? ORDER BY o.id",
      {today}));
}

std::int64_t OfferStore::insert(const Offer& o) {
  return tx_.insert(
      "INSERT INTO recruiting_offers (application_id, salary, currency, start_date, terms, "
      "expires_on, state, outside_band, approval_state, created_at, created_by, version) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
      {o.applicationId, o.salary, o.currency, o.startDate, o.terms, o.expiresOn, o.state,
       std::int64_t{o.outsideBand ? 1 : 0}, nullable(o.approvalState), o.createdAt, o.createdBy});
}

void OfferStore::update(const Offer& o) {
  tx_.execute(
      "UPDATE recruiting_offers SET salary = ?, currency = ?, start_date = ?, terms = ?, "
      "expires_on = ?, state = ?, outside_band = ?, approval_state = ?, approved_by = ?, "
      "approved_at = ?, approval_comment = ?, extended_at = ?, decided_at = ?, "
      "hired_employee_id = ?, version = version + 1 WHERE id = ?",
      {o.salary, o.currency, o.startDate, o.terms, o.expiresOn, o.state,
       std::int64_t{o.outsideBand ? 1 : 0}, nullable(o.approvalState), nullable(o.approvedBy),
       nullable(o.approvedAt), nullable(o.approvalComment), nullable(o.extendedAt),
       nullable(o.decidedAt), nullable(o.hiredEmployeeId), o.id});
}

void OfferStore::markHired(std::int64_t offerId, std::int64_t employeeId) {
  tx_.execute(
      "UPDATE recruiting_offers SET hired_employee_id = ?, version = version + 1 WHERE id = ?",
      {employeeId, offerId});
}

SalaryBand OfferStore::bandOf(std::int64_t applicationId) {
  auto row = tx_.queryOne(
      "SELECT r.salary_min, r.salary_max, r.currency FROM recruiting_applications a "
      "JOIN recruiting_requisitions r ON r.id = a.requisition_id WHERE a.id = ?",
      {applicationId});
  return {row->getDouble(0), row->getDouble(1), row->getString(2)};
}

}  // namespace cadre::recruiting
