#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include <Poco/Net/HTTPServer.h>
#include <Poco/ThreadPool.h>

#include "http/metrics.hpp"
#include "http/request_pipeline.hpp"

namespace cadre::http {

/// Where and how the server listens.
struct ServerOptions {
  std::string address = "127.0.0.1";
  /// 0 picks a free port; port() tells which.
  std::uint16_t port = 8080;
  int threads = 16;
  std::size_t maxBodyBytes = 1024 * 1024;
};

/// The Poco HTTPServer in front of the pipeline: reads each request (refusing bodies over the
/// limit with 413 before reading them), runs the pipeline, adds security headers, writes one
/// access-log line (method, path, status, duration, user, request id — never a query string,
/// header or body) and records metrics. The pipeline and metrics must outlive it.
class HttpServer {
 public:
  HttpServer(const RequestPipeline& pipeline, RequestMetrics& metrics,
             const ServerOptions& options);
  ~HttpServer();
  /// Binds and starts accepting; throws Poco::Exception when the address cannot be bound.
  void start();
  /// Stops accepting and waits for requests in flight.
  void stop();
  std::uint16_t port() const;

 private:
  const RequestPipeline& pipeline_;
  RequestMetrics& metrics_;
  ServerOptions options_;
  std::unique_ptr<Poco::ThreadPool> threads_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
};

}  // namespace cadre::http
