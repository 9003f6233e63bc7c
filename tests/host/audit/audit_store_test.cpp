#include "audit/audit_store.hpp"

#include <gtest/gtest.h>

#include "host/audit/audit_fixture.hpp"

namespace cadre::audit {
namespace {

class AuditStoreTest : public test::AuditFixture {
 protected:
  std::vector<std::int64_t> ids(const AuditPage& page) {
    std::vector<std::int64_t> result;
    for (const auto& item : page.items) result.push_back(item.id);
    return result;
  }
};

TEST_P(AuditStoreTest, RecordsWhoWhenWhatBeforeAndAfter) {
  User hr{7, "anna", "Anna Berg", Role::Hr, "local"};
  Request request;
  request.user = &hr;
  request.clientAddress = "10.0.0.7";
  request.requestId = "req-42";
  AuditEntry change = entry("user.update", "user", "12");
  change.beforeJson = R"({"role":"employee"})";
  change.afterJson = R"({"role":"manager"})";
  host_.db().inTransaction([&](Transaction& tx) { store_.record(tx, request, change); });
  AuditPage page = store_.query({});
  ASSERT_EQ(page.items.size(), 1u);
  const AuditRecord& r = page.items[0];
  EXPECT_EQ(r.at, "2026-01-01T00:00:00.000Z");
  EXPECT_EQ(r.actor, "anna");
  EXPECT_EQ(r.actorRole, "hr");
  EXPECT_EQ(r.action, "user.update");
  EXPECT_EQ(r.objectType, "user");
  EXPECT_EQ(r.objectId, "12");
  EXPECT_EQ(r.beforeJson, R"({"role":"employee"})");
  EXPECT_EQ(r.afterJson, R"({"role":"manager"})");
  EXPECT_EQ(r.outcome, "ok");
  EXPECT_EQ(r.clientAddress, "10.0.0.7");
  EXPECT_EQ(r.requestId, "req-42");
  EXPECT_EQ(page.nextBeforeId, std::nullopt);
}

TEST_P(AuditStoreTest, ARequestWithoutAUserIsAnonymous) {
  Request request;
  host_.db().inTransaction(
      [&](Transaction& tx) { store_.record(tx, request, entry("auth.login", "user", "x")); });
  auto tx = host_.db().begin(TxMode::Read);
  auto row = tx->queryOne("SELECT actor, actor_role, before_json, client_address FROM audit_log");
  EXPECT_EQ(row->getString(0), "anonymous");
  EXPECT_TRUE(row->isNull(1));
  EXPECT_TRUE(row->isNull(2));
  EXPECT_TRUE(row->isNull(3));
}

TEST_P(AuditStoreTest, SystemEntriesNameTheirActor) {
  recordSystem("job:ldap-sync", entry("user.upsert", "user", "bo"));
  AuditRecord r = store_.query({}).items.at(0);
  EXPECT_EQ(r.actor, "job:ldap-sync");
  EXPECT_EQ(r.actorRole, "");
  EXPECT_EQ(r.requestId, "");
}

TEST_P(AuditStoreTest, AnEntryRollsBackWithItsTransaction) {
  {
    auto tx = host_.db().begin();
    store_.recordSystem(*tx, "cli", entry("user.create", "user", "1"));
  }
  EXPECT_TRUE(store_.query({}).items.empty());
}

TEST_P(AuditStoreTest, DeniedAccessIsRecordedInItsOwnTransaction) {
  User employee{3, "carl", "Carl", Role::Employee, "local"};
  Request request;
  request.method = "GET";
  request.path = "/api/v1/audit";
  request.user = &employee;
  request.clientAddress = "10.0.0.8";
  request.requestId = "req-9";
  store_.recordDenied(request, "role employee may not GET /api/v1/audit");
  AuditRecord r = store_.query({}).items.at(0);
  EXPECT_EQ(r.actor, "carl");
  EXPECT_EQ(r.actorRole, "employee");
  EXPECT_EQ(r.action, "access.denied");
  EXPECT_EQ(r.objectType, "route");
  EXPECT_EQ(r.objectId, "GET /api/v1/audit");
  EXPECT_EQ(r.afterJson, R"({"reason":"role employee may not GET /api/v1/audit"})");
  EXPECT_EQ(r.outcome, "denied");
  EXPECT_EQ(r.requestId, "req-9");
}

TEST_P(AuditStoreTest, FiltersByActorActionAndObject) {
  recordSystem("anna", entry("user.create", "user", "1"));
  recordSystem("bo", entry("user.create", "user", "2"));
  recordSystem("anna", entry("user.update", "user", "2"));
  recordSystem("anna", entry("plugin.enable", "plugin", "2"));
  AuditQuery byActor;
  byActor.actor = "anna";
  EXPECT_EQ(ids(store_.query(byActor)), (std::vector<std::int64_t>{4, 3, 1}));
  AuditQuery byAction;
  byAction.action = "user.create";
  EXPECT_EQ(ids(store_.query(byAction)), (std::vector<std::int64_t>{2, 1}));
  AuditQuery byObject;
  byObject.objectType = "user";
  byObject.objectId = "2";
  EXPECT_EQ(ids(store_.query(byObject)), (std::vector<std::int64_t>{3, 2}));
  AuditQuery combined;
  combined.actor = "anna";
  combined.objectId = "2";
  combined.action = "user.update";
  EXPECT_EQ(ids(store_.query(combined)), (std::vector<std::int64_t>{3}));
  AuditQuery none;
  none.actor = "anna' OR '1'='1";
  EXPECT_TRUE(store_.query(none).items.empty());
}

TEST_P(AuditStoreTest, FiltersByTimeInclusively) {
  for (int i = 0; i < 5; ++i) recordSystem("anna", entry("x", "y", std::to_string(i)));
  AuditQuery window;
  window.from = "2026-01-01T00:01:00.000Z";
  window.to = "2026-01-01T00:03:00.000Z";
  EXPECT_EQ(ids(store_.query(window)), (std::vector<std::int64_t>{4, 3, 2}));
}

TEST_P(AuditStoreTest, PagesNewestFirst) {
  for (int i = 0; i < 5; ++i) recordSystem("anna", entry("x", "y", std::to_string(i)));
  AuditQuery query;
  query.limit = 2;
  AuditPage first = store_.query(query);
  EXPECT_EQ(ids(first), (std::vector<std::int64_t>{5, 4}));
  ASSERT_EQ(first.nextBeforeId, 4);
  query.beforeId = first.nextBeforeId;
  AuditPage second = store_.query(query);
  EXPECT_EQ(ids(second), (std::vector<std::int64_t>{3, 2}));
  ASSERT_EQ(second.nextBeforeId, 2);
  query.beforeId = second.nextBeforeId;
  AuditPage last = store_.query(query);
  EXPECT_EQ(ids(last), (std::vector<std::int64_t>{1}));
  EXPECT_EQ(last.nextBeforeId, std::nullopt);
  // A page that ends exactly at the last entry has no next page either.
  query.beforeId = 3;
  EXPECT_EQ(store_.query(query).nextBeforeId, std::nullopt);
}

// Entries of a batch, some with before and after, one denied, enough for three statements.
std::vector<AuditEntry> batchOfEntries(std::size_t count) {
  std::vector<AuditEntry> entries;
  for (std::size_t i = 0; i < count; ++i) {
    AuditEntry e{"territory.employee.hire", "employee", std::to_string(i + 1), "", ""};
    if (i % 3 == 1) e.afterJson = R"({"n":)" + std::to_string(i) + "}";
    if (i % 7 == 2) e.beforeJson = R"({"was":"x"})";
    if (i == 5) e.outcome = "denied";
    entries.push_back(e);
  }
  return entries;
}

// Every column but the id, in id order.
std::vector<std::vector<SqlValue>> auditRows(Transaction& tx) {
  std::vector<std::vector<SqlValue>> rows;
  for (const auto& row :
       tx.query("SELECT at, actor, actor_role, action, object_type, object_id, before_json, "
                "after_json, outcome, client_address, request_id FROM audit_log ORDER BY id")) {
    std::vector<SqlValue> values;
    for (std::size_t c = 0; c < row.size(); ++c) values.push_back(row.value(c));
    rows.push_back(values);
  }
  return rows;
}

TEST_P(AuditStoreTest, ManySystemEntriesAreTheRowsRecordSystemWritesOneByOne) {
  const auto entries = batchOfEntries(2 * AuditStore::kRowsPerInsert + 7);
  // A clock that moves a second each time it is read: each row must be stamped as it is added.
  const auto start = now_;
  AuditStore ticking{host_.db(), [this] {
                       auto at = now_;
                       now_ += std::chrono::seconds(1);
                       return at;
                     }};
  std::vector<std::vector<SqlValue>> oneByOne;
  std::vector<std::vector<SqlValue>> together;
  {
    auto tx = host_.db().begin();
    for (const auto& e : entries) ticking.recordSystem(*tx, "ldap-sync", e);
    oneByOne = auditRows(*tx);
  }  // rolled back
  now_ = start;
  host_.db().inTransaction(
      [&](Transaction& tx) { ticking.recordSystemMany(tx, "ldap-sync", entries); });
  {
    auto tx = host_.db().begin(TxMode::Read);
    together = auditRows(*tx);
  }
  ASSERT_EQ(together.size(), entries.size());
  EXPECT_EQ(together, oneByOne);
  EXPECT_EQ(std::get<std::string>(together.back()[0]), "2026-01-01T00:16:46.000Z");
  AuditQuery sixth;
  sixth.objectId = "6";
  AuditRecord denied = store_.query(sixth).items.at(0);
  EXPECT_EQ(denied.outcome, "denied");
  EXPECT_EQ(denied.actorRole, "");
}

TEST_P(AuditStoreTest, ManySystemEntriesRollBackWithTheirTransaction) {
  {
    auto tx = host_.db().begin();
    store_.recordSystemMany(*tx, "cli", batchOfEntries(3));
    store_.recordSystemMany(*tx, "cli", {});
  }
  EXPECT_TRUE(store_.query({}).items.empty());
}

CADRE_ON_EVERY_ENGINE(AuditStoreTest);

}  // namespace
}  // namespace cadre::audit
