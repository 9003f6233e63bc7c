#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <tuple>

namespace cadre::http {

/// Request counters and latency histograms by route, in Prometheus' text format. Recording is
/// on every request's path: a shared lock to find the series, then atomics. Thread-safe.
class RequestMetrics {
 public:
  /// Upper bounds of the latency buckets, in seconds.
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

  /// `route` is the matched pattern (never the raw path, so ids do not explode the series).
  void record(const std::string& method, const std::string& route, int status,
              std::chrono::nanoseconds duration);
  /// cadre_http_requests_total and cadre_http_request_duration_seconds.
  std::string render() const;

 private:
  struct Series {
    std::atomic<std::uint64_t> count{0};
    std::atomic<std::uint64_t> sumNanos{0};
    std::array<std::atomic<std::uint64_t>, kBuckets.size()> buckets{};
  };
  using Key = std::tuple<std::string, std::string, int>;
  Series& series(const Key& key);

  mutable std::shared_mutex mutex_;
  std::map<Key, std::unique_ptr<Series>> series_;
};

/// Escapes a Prometheus label value.
std::string prometheusLabel(const std::string& value);

}  // namespace cadre::http
