#include "analytics_figures.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cadre::recruiting {

namespace {

double rounded(double value, double scale) {
  return std::round(value * scale) / scale;
}

bool onTheWayToHire(const FunnelStage& stage) {
  return stage.kind == "active" || stage.kind == "hired";
}

}  // namespace

const std::vector<std::string>& sourcesInReportOrder() {
  static const std::vector<std::string> sources{"job_board", "referral", "agency",
                                                "campus",    "direct",   "event"};
  return sources;
}

std::optional<double> ratio(std::int64_t part, std::int64_t of) {
  if (of == 0) return std::nullopt;
  return rounded(static_cast<double>(part) / static_cast<double>(of), 1e4);
}

void computeConversions(std::vector<FunnelStage>& stages) {
  const FunnelStage* first = nullptr;
  const FunnelStage* previous = nullptr;
  for (auto& stage : stages) {
    stage.conversion.reset();
    stage.ofFirst.reset();
    if (!onTheWayToHire(stage)) continue;
    if (previous) {
      stage.conversion = ratio(stage.reached, previous->reached);
      stage.ofFirst = ratio(stage.reached, first->reached);
    } else {
      first = &stage;
    }
    previous = &stage;
  }
}

DayStats dayStats(std::vector<long> days) {
  DayStats stats;
  stats.count = static_cast<std::int64_t>(days.size());
  if (days.empty()) return stats;
  std::sort(days.begin(), days.end());
  const auto n = days.size();
  double sum = std::accumulate(days.begin(), days.end(), 0.0);
  stats.mean = rounded(sum / static_cast<double>(n), 100);
  stats.median = n % 2 == 1 ? static_cast<double>(days[n / 2])
                            : (static_cast<double>(days[n / 2 - 1]) + days[n / 2]) / 2.0;
  // Nearest rank: the ceil(0.9 n)-th value (1-based), in whole numbers to stay exact.
  auto rank = (9 * n + 9) / 10;
  stats.p90 = static_cast<double>(days[rank - 1]);
  return stats;
}

void countOffer(OfferFigures& figures, const std::string& state, std::int64_t count) {
  figures.made += count;
  if (state == "accepted") figures.accepted += count;
  if (state == "declined") figures.declined += count;
  if (state == "expired") figures.expired += count;
  if (state == "withdrawn") figures.withdrawn += count;
  if (state == "extended") figures.open += count;
  figures.acceptanceRate =
      ratio(figures.accepted, figures.accepted + figures.declined + figures.expired);
}

void computeSourceRates(SourceFigures& figures) {
  figures.hireRate = ratio(figures.hires, figures.applications);
  for (auto& cost : figures.costs) {
    cost.perHire.reset();
    if (figures.hires > 0) cost.perHire = rounded(cost.total / figures.hires, 100);
  }
}

}  // namespace cadre::recruiting
