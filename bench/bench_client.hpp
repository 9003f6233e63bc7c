// What the benchmarks that time the host against raw SQL share: a keep-alive HTTP client with a
// bearer token, repeated timing and medians.
#pragma once

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace cadre::bench {

using Clock = std::chrono::steady_clock;

inline double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

inline double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  auto n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/// Repeats `once` for at least 0.3 s (and 2 times); returns the mean seconds of one.
inline double timeRepeated(const std::function<void()>& once) {
  auto start = Clock::now();
  int count = 0;
  do {
    once();
    ++count;
  } while (count < 2 || secondsSince(start) < 0.3);
  return secondsSince(start) / count;
}

/// The header of a table of timings: the operation, what was counted, then cadre, store and raw
/// SQL milliseconds and the two ratios.
inline void printHeader(const char* operation, const char* counted) {
  std::printf("\n%-58s %7s %10s %10s %10s %7s %7s\n", operation, counted, "cadre ms", "store ms",
              "raw ms", "ratio", "store");
}

/// One row of that table: cadre ÷ raw SQL and store ÷ raw SQL. The floor row (a label starting
/// with "floor") shows what one round trip costs; a ratio to SELECT 1 would mean nothing.
inline void printRow(const std::string& label, std::size_t counted, double cadre, double store,
                     double raw) {
  if (label.rfind("floor", 0) == 0) {
    std::printf("%-58s %7zu %10.2f %10.3f %10.4f %7s %7s\n", label.c_str(), counted, cadre * 1000,
                store * 1000, raw * 1000, "-", "-");
    return;
  }
  std::printf("%-58s %7zu %10.2f %10.2f %10.2f %7.1f %7.1f\n", label.c_str(), counted, cadre * 1000,
              store * 1000, raw * 1000, cadre / raw, store / raw);
}

/// A keep-alive connection to the host on 127.0.0.1 with a bearer token.
class Host {
 public:
  Host(int port, std::string token)
      : session_("127.0.0.1", static_cast<Poco::UInt16>(port)), token_(std::move(token)) {
    session_.setKeepAlive(true);
    session_.setTimeout(Poco::Timespan(900, 0));
  }

  /// Sends a request and returns the status; the body goes to `body`.
  int send(const std::string& method, const std::string& path, const std::string& accept,
           std::string& body, const std::string& payload = "", const std::string& type = "") {
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    request.set("Authorization", "Bearer " + token_);
    request.set("Accept", accept);
    if (!type.empty()) {
      request.setContentType(type);
      request.setContentLength(static_cast<std::streamsize>(payload.size()));
    }
    session_.sendRequest(request) << payload;
    Poco::Net::HTTPResponse response;
    auto& in = session_.receiveResponse(response);
    body.clear();
    Poco::StreamCopier::copyToString(in, body);
    return response.getStatus();
  }

 private:
  Poco::Net::HTTPClientSession session_;
  std::string token_;
};

}  // namespace cadre::bench
