#pragma once

#include <deque>
#include <string>

#include "cadre/database.hpp"
#include "cadre/territory/org_directory.hpp"
#include "directory_record.hpp"
#include "sync_plan.hpp"
#include "sync_store.hpp"

namespace cadre::ldap {

/// What a full run compares the directory with: every directory employee as of `today` (YYYY-MM-DD)
/// and everyone the sync disabled. Reads in `tx`; throws what the database throws.
CadreState readWholeCadre(Transaction& tx, territory::OrgDirectory& org, SyncStore& store,
                          const std::string& today);

/// What an incremental run that read `records` needs of Cadre, read by key rather than in full,
/// so that it costs in proportion to the records: the people with their directory ids or
/// employee numbers; the people whose DN key is the manager DN key of a record and of no record
/// read (managers from earlier runs); everyone above all of those as Cadre has them (the chains
/// a manager cycle may run through, and the DN of each one's manager); which of them the sync
/// disabled. SyncPlanner plans an incremental run from it exactly as from readWholeCadre: it
/// only ever asks about these people. (SyncPlan::activeBefore, which only a full run's guard
/// uses, counts just them.) Reads in `tx`; throws what the database throws.
CadreState readCadreFor(Transaction& tx, territory::OrgDirectory& org, SyncStore& store,
                        const std::string& today, const std::deque<DirectoryRecord>& records);

}  // namespace cadre::ldap
