#include "http/metrics.hpp"

#include <iomanip>
#include <sstream>

namespace cadre::http {

std::string prometheusLabel(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

RequestMetrics::Series& RequestMetrics::series(const Key& key) {
  {
    std::shared_lock lock(mutex_);
    auto it = series_.find(key);
    if (it != series_.end()) return *it->second;
  }
  std::unique_lock lock(mutex_);
  auto& slot = series_[key];
  if (!slot) slot = std::make_unique<Series>();
  return *slot;
}

void RequestMetrics::record(const std::string& method, const std::string& route, int status,
                            std::chrono::nanoseconds duration) {
  Series& s = series({method, route, status});
  s.count.fetch_add(1, std::memory_order_relaxed);
  s.sumNanos.fetch_add(static_cast<std::uint64_t>(duration.count()), std::memory_order_relaxed);
  double seconds = std::chrono::duration<double>(duration).count();
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      s.buckets[i].fetch_add(1, std::memory_order_relaxed);
      break;
    }
  }
}

std::string RequestMetrics::render() const {
  std::ostringstream out;
  out << "# HELP cadre_http_requests_total HTTP requests by method, route and status.\n"
      << "# TYPE cadre_http_requests_total counter\n";
  std::shared_lock lock(mutex_);
  for (const auto& [key, s] : series_) {
    const auto& [method, route, status] = key;
    out << "cadre_http_requests_total{method=\"" << method << "\",route=\""
        << prometheusLabel(route) << "\",status=\"" << status << "\"} " << s->count.load() << "\n";
  }
  out << "# HELP cadre_http_request_duration_seconds Time to answer, by method, route and status.\n"
      << "# TYPE cadre_http_request_duration_seconds histogram\n";
  for (const auto& [key, s] : series_) {
    const auto& [method, route, status] = key;
    std::string labels = "method=\"" + method + "\",route=\"" + prometheusLabel(route) +
                         "\",status=\"" + std::to_string(status) + "\"";
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += s->buckets[i].load();
      out << "cadre_http_request_duration_seconds_bucket{" << labels << ",le=\"" << kBuckets[i]
          << "\"} " << cumulative << "\n";
    }
    out << "cadre_http_request_duration_seconds_bucket{" << labels << ",le=\"+Inf\"} "
        << s->count.load() << "\n";
    out << "cadre_http_request_duration_seconds_sum{" << labels << "} " << std::setprecision(9)
        << static_cast<double>(s->sumNanos.load()) / 1e9 << "\n";
    out << "cadre_http_request_duration_seconds_count{" << labels << "} " << s->count.load()
        << "\n";
  }
  return out.str();
}

}  // namespace cadre::http
