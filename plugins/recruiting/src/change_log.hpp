#pragma once

#include <cstdint>
#include <string>

#include <Poco/JSON/Object.h>

#include "cadre/audit_trail.hpp"

namespace cadre::recruiting {

/// Records one change of a recruiting object, inside the transaction that makes it: the audit
/// entry (before and after) and the event `recruiting.<type>.<what>` with the after state as
/// payload (e.g. recruiting.requisition.approved). A handler that throws rolls the change back.
class ChangeLog {
 public:
  ChangeLog(Transaction& tx, AuditTrail trail) : tx_(tx), trail_(std::move(trail)) {}

  /// `type` is the object's kind in the audit log and the event ("requisition"), `what` the
  /// change ("created"); before is null for a creation.
  void record(const std::string& type, const std::string& what, std::int64_t id,
              const Poco::JSON::Object::Ptr& before, const Poco::JSON::Object::Ptr& after);

 private:
  Transaction& tx_;
  AuditTrail trail_;
};

}  // namespace cadre::recruiting
