#include "schema.hpp"

namespace cadre::territory {

namespace {

Migration orgSchema() {
  return {1,
          "org units, positions, employees, assignments, headcount plans",
          {
              "CREATE TABLE territory_org_unit_types (code TEXT PRIMARY KEY, name TEXT NOT NULL, "
              "rank ${bigint} NOT NULL)",
              "INSERT INTO territory_org_unit_types (code, name, rank) VALUES "
              "('company', 'Company', 1), ('region', 'Region', 2), ('branch', 'Branch', 3), "
              "('team', 'Team', 4)",
              "CREATE TABLE territory_org_units (id ${id}, code TEXT NOT NULL UNIQUE, "
              "type TEXT NOT NULL REFERENCES territory_org_unit_types(code), "
              "opened_on TEXT NOT NULL, closed_on TEXT, version ${bigint} NOT NULL)",
              // Name, parent and head are effective-dated: one row per period.
              "CREATE TABLE territory_org_unit_periods (id ${id}, "
              "org_unit_id ${bigint} NOT NULL REFERENCES territory_org_units(id), "
              "name TEXT NOT NULL, parent_id ${bigint} REFERENCES territory_org_units(id), "
              "head_employee_id ${bigint}, valid_from TEXT NOT NULL, valid_to TEXT NOT NULL, "
              "reason TEXT NOT NULL)",
              "CREATE INDEX territory_org_unit_periods_unit ON territory_org_unit_periods "
              "(org_unit_id, valid_from)",
              "CREATE INDEX territory_org_unit_periods_parent ON territory_org_unit_periods "
              "(parent_id, valid_from)",
              "CREATE TABLE territory_employees (id ${id}, employee_number TEXT NOT NULL UNIQUE, "
              "given_name TEXT NOT NULL, family_name TEXT NOT NULL, email TEXT NOT NULL, "
              "phone TEXT NOT NULL, hire_date TEXT NOT NULL, termination_date TEXT, "
              "directory_id TEXT UNIQUE, directory_dn TEXT NOT NULL, user_id ${bigint} UNIQUE, "
              "version ${bigint} NOT NULL)",
              "CREATE INDEX territory_employees_name ON territory_employees (family_name, "
              "given_name)",
              // Status is effective-dated: the row with the latest effective_on <= D holds on D.
              "CREATE TABLE territory_status_changes (id ${id}, "
              "employee_id ${bigint} NOT NULL REFERENCES territory_employees(id), "
              "status TEXT NOT NULL, effective_on TEXT NOT NULL, reason TEXT NOT NULL, "
              "recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL)",
              "CREATE INDEX territory_status_changes_employee ON territory_status_changes "
              "(employee_id, effective_on)",
              "CREATE TABLE territory_positions (id ${id}, "
              "org_unit_id ${bigint} NOT NULL REFERENCES territory_org_units(id), "
              "title TEXT NOT NULL, fte ${real} NOT NULL, budgeted_cost ${real} NOT NULL, "
              "frozen ${bigint} NOT NULL, opened_on TEXT NOT NULL, closed_on TEXT, "
              "version ${bigint} NOT NULL)",
              "CREATE INDEX territory_positions_unit ON territory_positions (org_unit_id)",
              "CREATE TABLE territory_assignments (id ${id}, "
              "employee_id ${bigint} NOT NULL REFERENCES territory_employees(id), "
              "position_id ${bigint} REFERENCES territory_positions(id), "
              "org_unit_id ${bigint} NOT NULL REFERENCES territory_org_units(id), "
              "manager_id ${bigint} REFERENCES territory_employees(id), "
              "employment_type TEXT NOT NULL, reason TEXT NOT NULL, valid_from TEXT NOT NULL, "
              "valid_to TEXT NOT NULL, recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL)",
              "CREATE INDEX territory_assignments_employee ON territory_assignments "
              "(employee_id, valid_from)",
              "CREATE INDEX territory_assignments_manager ON territory_assignments "
              "(manager_id, valid_from)",
              "CREATE INDEX territory_assignments_unit ON territory_assignments "
              "(org_unit_id, valid_from)",
              "CREATE INDEX territory_assignments_position ON territory_assignments "
              "(position_id, valid_from)",
              "CREATE TABLE territory_headcount_plans (id ${id}, "
              "org_unit_id ${bigint} NOT NULL REFERENCES territory_org_units(id), "
              "period_start TEXT NOT NULL, period_end TEXT NOT NULL, "
              "planned_positions ${bigint} NOT NULL, planned_budget ${real} NOT NULL, "
              "note TEXT NOT NULL, version ${bigint} NOT NULL, "
              "UNIQUE (org_unit_id, period_start))",
          }};
}

Migration salesSchema() {
  return {2,
          "territory models, territories, accounts, assignment rules, rep seats",
          {
              "CREATE TABLE territory_territory_types (code TEXT PRIMARY KEY, name TEXT NOT NULL)",
              "INSERT INTO territory_territory_types (code, name) VALUES ('geo', 'Geography'), "
              "('named', 'Named accounts'), ('industry', 'Industry'), ('overlay', 'Overlay')",
              "CREATE TABLE territory_models (id ${id}, name TEXT NOT NULL UNIQUE, "
              "state TEXT NOT NULL, based_on_id ${bigint} REFERENCES territory_models(id), "
              "activated_on TEXT, archived_on TEXT, version ${bigint} NOT NULL)",
              "CREATE TABLE territory_territories (id ${id}, "
              "model_id ${bigint} NOT NULL REFERENCES territory_models(id), "
              "parent_id ${bigint} REFERENCES territory_territories(id), code TEXT NOT NULL, "
              "name TEXT NOT NULL, type TEXT NOT NULL REFERENCES territory_territory_types(code), "
              "version ${bigint} NOT NULL, UNIQUE (model_id, code))",
              "CREATE INDEX territory_territories_parent ON territory_territories (parent_id)",
              "CREATE TABLE territory_accounts (id ${id}, name TEXT NOT NULL, "
              "region TEXT NOT NULL, postal_code TEXT NOT NULL, industry TEXT NOT NULL, "
              "size TEXT NOT NULL, status TEXT NOT NULL, external_id TEXT UNIQUE, "
              "potential ${real} NOT NULL, version ${bigint} NOT NULL)",
              "CREATE INDEX territory_accounts_name ON territory_accounts (name)",
              "CREATE TABLE territory_assignment_rules (id ${id}, "
              "model_id ${bigint} NOT NULL REFERENCES territory_models(id), "
              "territory_id ${bigint} NOT NULL REFERENCES territory_territories(id), "
              "priority ${bigint} NOT NULL, region TEXT, postal_prefix TEXT, industry TEXT, "
              "size TEXT, version ${bigint} NOT NULL)",
              "CREATE TABLE territory_account_assignments (id ${id}, "
              "territory_id ${bigint} NOT NULL REFERENCES territory_territories(id), "
              "account_id ${bigint} NOT NULL REFERENCES territory_accounts(id), "
              "cause TEXT NOT NULL, rule_id ${bigint} REFERENCES territory_assignment_rules(id), "
              "valid_from TEXT NOT NULL, valid_to TEXT NOT NULL, recorded_at TEXT NOT NULL, "
              "recorded_by TEXT NOT NULL)",
              "CREATE INDEX territory_account_assignments_account ON "
              "territory_account_assignments (account_id, valid_from)",
              "CREATE INDEX territory_account_assignments_territory ON "
              "territory_account_assignments (territory_id, valid_from)",
              "CREATE TABLE territory_rep_assignments (id ${id}, "
              "territory_id ${bigint} NOT NULL REFERENCES territory_territories(id), "
              "employee_id ${bigint} NOT NULL REFERENCES territory_employees(id), "
              "role TEXT NOT NULL, split_percent ${real} NOT NULL, valid_from TEXT NOT NULL, "
              "valid_to TEXT NOT NULL, recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL)",
              "CREATE INDEX territory_rep_assignments_employee ON territory_rep_assignments "
              "(employee_id, valid_from)",
              "CREATE INDEX territory_rep_assignments_territory ON territory_rep_assignments "
              "(territory_id, valid_from)",
          }};
}

/// Most people hold no position (a directory sync's or an import's hires): the position index
/// keeps only the assignments with one, which is all that its queries (position_id = ?) ask
/// for, and a hire without a position writes one index entry fewer.
Migration partialPositionIndex() {
  return {3,
          "the position index covers only assignments with a position",
          {
              "DROP INDEX territory_assignments_position",
              "CREATE INDEX territory_assignments_position ON territory_assignments "
              "(position_id, valid_from) WHERE position_id IS NOT NULL",
          }};
}

}  // namespace

std::vector<Migration> territoryMigrations() {
  return {orgSchema(), salesSchema(), partialPositionIndex()};
}

}  // namespace cadre::territory
