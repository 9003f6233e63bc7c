// The job that erases candidates whose retention date has passed.
#include "cadre/audit_trail.hpp"
#include "cadre/dates.hpp"
#include "candidates.hpp"
#include "routes.hpp"

namespace cadre::recruiting {

void addCandidateRetentionJob(const RouteContext& context) {
  context.plugin.addJob(
      {"recruiting.erase-expired-candidates", std::chrono::hours(24), [context] {
         auto erased = context.plugin.database().inTransaction([&](Transaction& tx) {
           return purgeExpiredCandidates(
               tx, *context.org, systemTrail(context.plugin.audit(), "recruiting"), today());
         });
         if (erased > 0) {
           context.plugin.logger().information(
               "erased the personal data of %d candidates past their retention date", erased);
         }
       }});
}

}  // namespace cadre::recruiting
