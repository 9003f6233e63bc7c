#include "core/host_schema.hpp"

namespace cadre {

std::vector<Migration> hostMigrations() {
  return {
      {1,
       "users, sessions, login attempts",
       {"CREATE TABLE users ("
        " id ${id},"
        " username TEXT NOT NULL UNIQUE,"
        " display_name TEXT NOT NULL,"
        " role TEXT NOT NULL CHECK (role IN ('admin','hr','manager','employee')),"
        " source TEXT NOT NULL DEFAULT 'local',"
        " password_hash TEXT,"
        " disabled INTEGER NOT NULL DEFAULT 0,"
        " created_at TEXT NOT NULL,"
        " updated_at TEXT NOT NULL)",
        "CREATE TABLE sessions ("
        " id ${id},"
        " token_hash TEXT NOT NULL UNIQUE,"
        " csrf_hash TEXT NOT NULL,"
        " user_id ${bigint} NOT NULL REFERENCES users(id),"
        " created_at TEXT NOT NULL,"
        " expires_at TEXT NOT NULL,"
        " revoked_at TEXT)",
        "CREATE INDEX sessions_user ON sessions(user_id)",
        "CREATE TABLE login_attempts ("
        " id ${id},"
        " username TEXT NOT NULL,"
        " client_address TEXT NOT NULL,"
        " succeeded INTEGER NOT NULL,"
        " at TEXT NOT NULL)",
        "CREATE INDEX login_attempts_username_at ON login_attempts(username, at)",
        "CREATE INDEX login_attempts_address_at ON login_attempts(client_address, at)"}},
      {2,
       "audit log",
       {"CREATE TABLE audit_log ("
        " id ${id},"
        " at TEXT NOT NULL,"
        " actor TEXT NOT NULL,"
        " actor_role TEXT,"
        " action TEXT NOT NULL,"
        " object_type TEXT NOT NULL,"
        " object_id TEXT NOT NULL,"
        " before_json TEXT,"
        " after_json TEXT,"
        " outcome TEXT NOT NULL,"
        " client_address TEXT,"
        " request_id TEXT)",
        "CREATE INDEX audit_log_at ON audit_log(at)",
        "CREATE INDEX audit_log_object ON audit_log(object_type, object_id)",
        "CREATE INDEX audit_log_actor ON audit_log(actor)"}},
      {3,
       "job runs",
       {"CREATE TABLE job_runs ("
        " id ${id},"
        " job TEXT NOT NULL,"
        " started_at TEXT NOT NULL,"
        " finished_at TEXT,"
        " outcome TEXT NOT NULL,"
        " message TEXT)",
        "CREATE INDEX job_runs_job ON job_runs(job, started_at)"}},
  };
}

}  // namespace cadre
