#include "recruiting_schema.hpp"

#include "analytics_schema.hpp"
#include "onboarding_schema.hpp"

namespace cadre::recruiting {

namespace {

// Dates are YYYY-MM-DD, instants ISO-8601 UTC ("2026-11-26T09:30:00Z"), both as TEXT so that
// they sort and compare the same way on SQLite and PostgreSQL. Enumerations are TEXT with a
// CHECK, so a bad value never lands whichever code path writes it.

std::vector<std::string> requisitionTables() {
  return {
      "CREATE TABLE recruiting_stage_templates (id ${id}, name TEXT NOT NULL UNIQUE, "
      "is_default ${bigint} NOT NULL DEFAULT 0, version ${bigint} NOT NULL)",
      // kind: active stages are worked through in stage_order; hired, rejected and withdrawn
      // end an application (rejected and withdrawn are reachable from any stage, with a reason).
      "CREATE TABLE recruiting_stage_template_stages (id ${id}, "
      "template_id ${bigint} NOT NULL REFERENCES recruiting_stage_templates(id), "
      "code TEXT NOT NULL, name TEXT NOT NULL, stage_order ${bigint} NOT NULL, "
      "kind TEXT NOT NULL CHECK (kind IN ('active', 'hired', 'rejected', 'withdrawn')), "
      "UNIQUE (template_id, code))",
      "INSERT INTO recruiting_stage_templates (name, is_default, version) VALUES "
      "('Default', 1, 1)",
      "INSERT INTO recruiting_stage_template_stages (template_id, code, name, stage_order, kind) "
      "SELECT id, 'applied', 'Applied', 1, 'active' FROM recruiting_stage_templates "
      "UNION ALL SELECT id, 'screening', 'Screening', 2, 'active' FROM recruiting_stage_templates "
      "UNION ALL SELECT id, 'interview', 'Interview', 3, 'active' FROM recruiting_stage_templates "
      "UNION ALL SELECT id, 'offer', 'Offer', 4, 'active' FROM recruiting_stage_templates "
      "UNION ALL SELECT id, 'hired', 'Hired', 5, 'hired' FROM recruiting_stage_templates "
      "UNION ALL SELECT id, 'rejected', 'Rejected', 6, 'rejected' FROM recruiting_stage_templates "
      "UNION ALL SELECT id, 'withdrawn', 'Withdrawn', 7, 'withdrawn' "
      "FROM recruiting_stage_templates",
      // A position to fill (position_id) or a new one (new_position_title) in an org unit;
      // filled counts the hires made so far (openings - filled are still open).
      "CREATE TABLE recruiting_requisitions (id ${id}, title TEXT NOT NULL, "
      "org_unit_id ${bigint} NOT NULL, position_id ${bigint}, new_position_title TEXT, "
      "territory_id ${bigint}, hiring_manager_id ${bigint} NOT NULL, "
      "openings ${bigint} NOT NULL CHECK (openings > 0), "
      "filled ${bigint} NOT NULL DEFAULT 0 CHECK (filled >= 0 AND filled <= openings), "
      "employment_type TEXT NOT NULL, salary_min ${real} NOT NULL, salary_max ${real} NOT NULL, "
      "currency TEXT NOT NULL, wanted_start_date TEXT NOT NULL, description TEXT NOT NULL, "
      "state TEXT NOT NULL CHECK (state IN ('draft', 'pending_approval', 'open', 'on_hold', "
      "'filled', 'cancelled')), state_reason TEXT, "
      "stage_template_id ${bigint} NOT NULL REFERENCES recruiting_stage_templates(id), "
      "approval_round ${bigint} NOT NULL DEFAULT 0, created_at TEXT NOT NULL, "
      "created_by TEXT NOT NULL, submitted_at TEXT, opened_at TEXT, filled_at TEXT, "
      "cancelled_at TEXT, time_to_fill_days ${bigint}, version ${bigint} NOT NULL, "
      "CHECK (salary_min >= 0 AND salary_min <= salary_max))",
      "CREATE INDEX recruiting_requisitions_state ON recruiting_requisitions (state, id)",
      "CREATE INDEX recruiting_requisitions_manager ON recruiting_requisitions "
      "(hiring_manager_id, id)",
      "CREATE INDEX recruiting_requisitions_unit ON recruiting_requisitions (org_unit_id, state)",
      // The hiring standards: what every candidate is measured against, with weights.
      "CREATE TABLE recruiting_criteria (id ${id}, "
      "requisition_id ${bigint} NOT NULL REFERENCES recruiting_requisitions(id), "
      "name TEXT NOT NULL, description TEXT NOT NULL, weight ${real} NOT NULL CHECK (weight > 0), "
      "criterion_order ${bigint} NOT NULL, UNIQUE (requisition_id, name))",
      // An approval chain configured for one requisition; without rows the default applies
      // (hiring manager, their manager, HR). kind employee names an approver; hr is any HR user.
      "CREATE TABLE recruiting_requisition_approvers ("
      "requisition_id ${bigint} NOT NULL REFERENCES recruiting_requisitions(id), "
      "step_order ${bigint} NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('employee', 'hr')), "
      "employee_id ${bigint}, PRIMARY KEY (requisition_id, step_order))",
      // The steps of each submission (approval_round); a rejection ends a round, a new
      // submission starts the next one, so every decision ever made stays visible.
      "CREATE TABLE recruiting_approval_steps (id ${id}, "
      "requisition_id ${bigint} NOT NULL REFERENCES recruiting_requisitions(id), "
      "approval_round ${bigint} NOT NULL, step_order ${bigint} NOT NULL, "
      "approver_role TEXT NOT NULL CHECK (approver_role IN ('hiring_manager', 'manager', "
      "'employee', 'hr')), approver_employee_id ${bigint}, "
      "decision TEXT NOT NULL CHECK (decision IN ('pending', 'approved', 'rejected', "
      "'skipped')), comment TEXT, decided_at TEXT, decided_by TEXT, "
      "UNIQUE (requisition_id, approval_round, step_order))",
      "CREATE INDEX recruiting_approval_steps_approver ON recruiting_approval_steps "
      "(approver_employee_id, decision)",
      "CREATE INDEX recruiting_approval_steps_waiting ON recruiting_approval_steps "
      "(approver_role, decision)",
      // An HR decision to open a requisition beyond its org unit's headcount plan, with the
      // figures it was taken on.
      "CREATE TABLE recruiting_headcount_overrides (id ${id}, "
      "requisition_id ${bigint} NOT NULL REFERENCES recruiting_requisitions(id), "
      "org_unit_id ${bigint} NOT NULL, plan_id ${bigint}, planned_positions ${bigint}, "
      "headcount ${bigint}, committed_openings ${bigint} NOT NULL, "
      "requested_openings ${bigint} NOT NULL, reason TEXT NOT NULL, granted_by TEXT NOT NULL, "
      "granted_at TEXT NOT NULL)",
      "CREATE INDEX recruiting_headcount_overrides_requisition ON "
      "recruiting_headcount_overrides (requisition_id)",
      // The stages of one requisition, copied from its template when it is created.
      "CREATE TABLE recruiting_requisition_stages (id ${id}, "
      "requisition_id ${bigint} NOT NULL REFERENCES recruiting_requisitions(id), "
      "code TEXT NOT NULL, name TEXT NOT NULL, stage_order ${bigint} NOT NULL, "
      "kind TEXT NOT NULL CHECK (kind IN ('active', 'hired', 'rejected', 'withdrawn')), "
      "UNIQUE (requisition_id, code))",
  };
}

std::vector<std::string> candidateTables() {
  return {
      // Names are stored as given (any script); email_key (lower case) and phone_key (digits
      // only) find duplicates. A merged candidate points at the one it was merged into.
      "CREATE TABLE recruiting_candidates (id ${id}, given_name TEXT NOT NULL, "
      "family_name TEXT NOT NULL, email TEXT, email_key TEXT, phone TEXT, phone_key TEXT, "
      "source TEXT NOT NULL CHECK (source IN ('job_board', 'referral', 'agency', 'campus', "
      "'direct', 'event')), source_detail TEXT, referrer_employee_id ${bigint}, "
      "source_cost ${real}, source_currency TEXT, consent_given_at TEXT, retention_until TEXT, "
      "merged_into_id ${bigint} REFERENCES recruiting_candidates(id), erased_at TEXT, "
      "created_at TEXT NOT NULL, created_by TEXT NOT NULL, version ${bigint} NOT NULL, "
      "CHECK (source <> 'referral' OR referrer_employee_id IS NOT NULL))",
      "CREATE INDEX recruiting_candidates_email ON recruiting_candidates (email_key)",
      "CREATE INDEX recruiting_candidates_phone ON recruiting_candidates (phone_key)",
      "CREATE INDEX recruiting_candidates_name ON recruiting_candidates (family_name, given_name)",
      "CREATE INDEX recruiting_candidates_retention ON recruiting_candidates (retention_until)",
      // CVs live in the database, base64 in a TEXT column: one transaction with the candidate,
      // one store for several hosts sharing PostgreSQL, erased with the candidate's data and
      // covered by the database's backups. (The SDK binds text, not bytes, so BYTEA would need
      // a new SqlValue kind.) Content is last so that metadata reads never touch it.
      "CREATE TABLE recruiting_cv_files (id ${id}, "
      "candidate_id ${bigint} NOT NULL REFERENCES recruiting_candidates(id), "
      "file_name TEXT NOT NULL, media_type TEXT NOT NULL, "
      "size_bytes ${bigint} NOT NULL CHECK (size_bytes > 0), sha256 TEXT NOT NULL, "
      "uploaded_at TEXT NOT NULL, uploaded_by TEXT NOT NULL, content_base64 TEXT NOT NULL)",
      "CREATE INDEX recruiting_cv_files_candidate ON recruiting_cv_files (candidate_id)",
      // stage_id is the current stage; furthest_order the highest active stage ever reached,
      // so the funnel counts one indexed column instead of replaying the moves.
      "CREATE TABLE recruiting_applications (id ${id}, "
      "candidate_id ${bigint} NOT NULL REFERENCES recruiting_candidates(id), "
      "requisition_id ${bigint} NOT NULL REFERENCES recruiting_requisitions(id), "
      "stage_id ${bigint} NOT NULL REFERENCES recruiting_requisition_stages(id), "
      "stage_entered_at TEXT NOT NULL, furthest_order ${bigint} NOT NULL, "
      "closed_reason TEXT, applied_at TEXT NOT NULL, created_by TEXT NOT NULL, "
      "hired_employee_id ${bigint}, version ${bigint} NOT NULL, "
      "UNIQUE (candidate_id, requisition_id))",
      // The pipeline board (cards per stage, paged by id) and the funnel of one requisition.
      "CREATE INDEX recruiting_applications_board ON recruiting_applications "
      "(requisition_id, stage_id, id)",
      "CREATE INDEX recruiting_applications_funnel ON recruiting_applications "
      "(requisition_id, furthest_order)",
      "CREATE TABLE recruiting_stage_moves (id ${id}, "
      "application_id ${bigint} NOT NULL REFERENCES recruiting_applications(id), "
      "requisition_id ${bigint} NOT NULL REFERENCES recruiting_requisitions(id), "
      "from_stage_id ${bigint} REFERENCES recruiting_requisition_stages(id), "
      "to_stage_id ${bigint} NOT NULL REFERENCES recruiting_requisition_stages(id), "
      "moved_at TEXT NOT NULL, moved_by TEXT NOT NULL, reason TEXT)",
      "CREATE INDEX recruiting_stage_moves_application ON recruiting_stage_moves "
      "(application_id, moved_at)",
      "CREATE INDEX recruiting_stage_moves_requisition ON recruiting_stage_moves "
      "(requisition_id, to_stage_id)",
  };
}

std::vector<std::string> interviewTables() {
  return {
      "CREATE TABLE recruiting_interviews (id ${id}, "
      "application_id ${bigint} NOT NULL REFERENCES recruiting_applications(id), "
      "starts_at TEXT NOT NULL, ends_at TEXT NOT NULL, location TEXT, meeting_link TEXT, "
      "state TEXT NOT NULL CHECK (state IN ('scheduled', 'cancelled', 'done')), "
      "ics_uid TEXT NOT NULL UNIQUE, ics_sequence ${bigint} NOT NULL DEFAULT 0, "
      "created_at TEXT NOT NULL, created_by TEXT NOT NULL, version ${bigint} NOT NULL, "
      "CHECK (starts_at < ends_at))",
      "CREATE INDEX recruiting_interviews_application ON recruiting_interviews (application_id)",
      "CREATE INDEX recruiting_interviews_time ON recruiting_interviews (starts_at)",
      "CREATE TABLE recruiting_interviewers ("
      "interview_id ${bigint} NOT NULL REFERENCES recruiting_interviews(id), "
      "employee_id ${bigint} NOT NULL, PRIMARY KEY (interview_id, employee_id))",
      "CREATE INDEX recruiting_interviewers_employee ON recruiting_interviewers (employee_id)",
      // One scorecard per interviewer and interview; ratings per criterion of the
      // requisition's standards (1..5).
      "CREATE TABLE recruiting_scorecards (id ${id}, "
      "interview_id ${bigint} NOT NULL REFERENCES recruiting_interviews(id), "
      "interviewer_employee_id ${bigint} NOT NULL, "
      "recommendation TEXT CHECK (recommendation IN ('strong_no', 'no', 'yes', 'strong_yes')), "
      "notes TEXT, submitted_at TEXT, version ${bigint} NOT NULL, "
      "UNIQUE (interview_id, interviewer_employee_id))",
      "CREATE TABLE recruiting_scorecard_ratings ("
      "scorecard_id ${bigint} NOT NULL REFERENCES recruiting_scorecards(id), "
      "criterion_id ${bigint} NOT NULL REFERENCES recruiting_criteria(id), "
      "rating ${bigint} NOT NULL CHECK (rating BETWEEN 1 AND 5), comment TEXT, "
      "PRIMARY KEY (scorecard_id, criterion_id))",
      // An offer outside the requisition's band waits for approval (approval_state pending)
      // before it can be extended.
      "CREATE TABLE recruiting_offers (id ${id}, "
      "application_id ${bigint} NOT NULL REFERENCES recruiting_applications(id), "
      "salary ${real} NOT NULL CHECK (salary > 0), currency TEXT NOT NULL, "
      "start_date TEXT NOT NULL, terms TEXT NOT NULL, expires_on TEXT NOT NULL, "
      "state TEXT NOT NULL CHECK (state IN ('draft', 'pending_approval', 'extended', "
      "'accepted', 'declined', 'expired', 'withdrawn')), "
      "outside_band ${bigint} NOT NULL, approval_state TEXT CHECK (approval_state IN "
      "('pending', 'approved', 'rejected')), approved_by TEXT, approved_at TEXT, "
      "approval_comment TEXT, extended_at TEXT, decided_at TEXT, hired_employee_id ${bigint}, "
      "created_at TEXT NOT NULL, created_by TEXT NOT NULL, version ${bigint} NOT NULL)",
      "CREATE INDEX recruiting_offers_application ON recruiting_offers (application_id)",
      "CREATE INDEX recruiting_offers_expiry ON recruiting_offers (state, expires_on)",
  };
}

std::vector<std::string> onboardingTables() {
  return {
      // A template for an org unit or a position (a position's wins over its unit's).
      "CREATE TABLE recruiting_onboarding_templates (id ${id}, name TEXT NOT NULL, "
      "org_unit_id ${bigint}, position_id ${bigint}, version ${bigint} NOT NULL, "
      "CHECK (org_unit_id IS NOT NULL OR position_id IS NOT NULL))",
      "CREATE INDEX recruiting_onboarding_templates_unit ON recruiting_onboarding_templates "
      "(org_unit_id)",
      "CREATE INDEX recruiting_onboarding_templates_position ON recruiting_onboarding_templates "
      "(position_id)",
      "CREATE TABLE recruiting_onboarding_template_tasks (id ${id}, "
      "template_id ${bigint} NOT NULL REFERENCES recruiting_onboarding_templates(id), "
      "title TEXT NOT NULL, description TEXT NOT NULL, "
      "owner_role TEXT NOT NULL CHECK (owner_role IN ('hr', 'it', 'manager', 'mentor', "
      "'new_hire')), due_offset_days ${bigint} NOT NULL, task_order ${bigint} NOT NULL)",
      "CREATE INDEX recruiting_onboarding_template_tasks_template ON "
      "recruiting_onboarding_template_tasks (template_id, task_order)",
      "CREATE TABLE recruiting_onboarding_plans (id ${id}, employee_id ${bigint} NOT NULL, "
      "application_id ${bigint} REFERENCES recruiting_applications(id), "
      "template_id ${bigint} REFERENCES recruiting_onboarding_templates(id), "
      "manager_employee_id ${bigint}, mentor_employee_id ${bigint}, start_date TEXT NOT NULL, "
      "created_at TEXT NOT NULL, completed_at TEXT, version ${bigint} NOT NULL)",
      "CREATE INDEX recruiting_onboarding_plans_employee ON recruiting_onboarding_plans "
      "(employee_id)",
      "CREATE INDEX recruiting_onboarding_plans_manager ON recruiting_onboarding_plans "
      "(manager_employee_id)",
      "CREATE INDEX recruiting_onboarding_plans_mentor ON recruiting_onboarding_plans "
      "(mentor_employee_id)",
      // owner_employee_id is the person behind the role when there is one (manager, mentor,
      // new hire); HR and IT tasks belong to the role.
      "CREATE TABLE recruiting_onboarding_tasks (id ${id}, "
      "plan_id ${bigint} NOT NULL REFERENCES recruiting_onboarding_plans(id), "
      "title TEXT NOT NULL, description TEXT NOT NULL, "
      "owner_role TEXT NOT NULL CHECK (owner_role IN ('hr', 'it', 'manager', 'mentor', "
      "'new_hire')), owner_employee_id ${bigint}, due_date TEXT NOT NULL, "
      "task_order ${bigint} NOT NULL, done_at TEXT, done_by TEXT, version ${bigint} NOT NULL)",
      "CREATE INDEX recruiting_onboarding_tasks_plan ON recruiting_onboarding_tasks "
      "(plan_id, task_order)",
      "CREATE INDEX recruiting_onboarding_tasks_overdue ON recruiting_onboarding_tasks "
      "(due_date) WHERE done_at IS NULL",
      "CREATE TABLE recruiting_training_programs (id ${id}, code TEXT NOT NULL UNIQUE, "
      "name TEXT NOT NULL, description TEXT NOT NULL, duration_days ${bigint}, "
      "version ${bigint} NOT NULL)",
      "CREATE TABLE recruiting_plan_trainings ("
      "plan_id ${bigint} NOT NULL REFERENCES recruiting_onboarding_plans(id), "
      "program_id ${bigint} NOT NULL REFERENCES recruiting_training_programs(id), "
      "due_date TEXT, completed_at TEXT, PRIMARY KEY (plan_id, program_id))",
  };
}

std::vector<std::string> notificationTables() {
  return {
      // The outbox the SMTP job sends from; dedupe_key keeps a job from queuing one reminder
      // twice (e.g. "overdue-task:42").
      "CREATE TABLE recruiting_notifications (id ${id}, kind TEXT NOT NULL, "
      "recipient_email TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL, "
      "attachment_name TEXT, attachment_type TEXT, attachment TEXT, "
      "state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'failed')), "
      "attempts ${bigint} NOT NULL DEFAULT 0, next_attempt_at TEXT, last_error TEXT, "
      "dedupe_key TEXT UNIQUE, created_at TEXT NOT NULL, sent_at TEXT)",
      "CREATE INDEX recruiting_notifications_due ON recruiting_notifications "
      "(state, next_attempt_at)",
  };
}

}  // namespace

std::vector<Migration> recruitingMigrations() {
  std::vector<std::string> statements;
  for (auto part : {requisitionTables(), candidateTables(), interviewTables(), onboardingTables(),
                    notificationTables()}) {
    statements.insert(statements.end(), part.begin(), part.end());
  }
  return {{1,
           "requisitions and approvals, stages, candidates and CVs, applications, interviews and "
           "scorecards, offers, onboarding and training, the notification outbox",
           statements},
          onboardingTrainingMigration(),
          analyticsMigration()};
}

}  // namespace cadre::recruiting
