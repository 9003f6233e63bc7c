#include "http/http_server.hpp"

#include <chrono>

#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include "http/problem.hpp"

namespace cadre::http {
namespace {

/// Reads at most `limit` bytes of the body; false when there is more. An oversized body of up to
/// kDrainFactor times the limit is read and dropped, so that the client gets its 413 answer
/// instead of a reset connection; beyond that the connection is closed after the answer.
constexpr std::size_t kDrainFactor = 16;

bool readBody(Poco::Net::HTTPServerRequest& in, std::size_t limit, std::string& body) {
  std::istream& stream = in.stream();
  char buffer[16384];
  if (in.hasContentLength() && in.getContentLength64() > static_cast<Poco::Int64>(limit)) {
    if (in.getContentLength64() <= static_cast<Poco::Int64>(limit * kDrainFactor)) {
      while (stream.read(buffer, sizeof buffer) || stream.gcount() > 0) {
      }
    }
    return false;
  }
  while (stream) {
    stream.read(buffer, sizeof buffer);
    body.append(buffer, static_cast<std::size_t>(stream.gcount()));
    if (body.size() > limit) return false;
  }
  return true;
}

/// Fills the routing fields of a request; false when the target is not a valid URI.
bool readTarget(Poco::Net::HTTPServerRequest& in, Request& request) {
  try {
    Poco::URI uri(in.getURI());
    request.path = uri.getPath();
    for (auto& [name, value] : uri.getQueryParameters()) request.query[name] = value;
    return true;
  } catch (const Poco::Exception&) {
    request.path = "?";
    return false;
  }
}

void addSecurityHeaders(Response& response) {
  response.headers.emplace("X-Content-Type-Options", "nosniff");
  response.headers.emplace("X-Frame-Options", "DENY");
  response.headers.emplace("Referrer-Policy", "no-referrer");
  if (response.contentType.rfind("text/html", 0) == 0) {
    response.headers.emplace("Content-Security-Policy",
                             "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
  }
}

class PipelineHandler : public Poco::Net::HTTPRequestHandler {
 public:
  PipelineHandler(const RequestPipeline& pipeline, RequestMetrics& metrics, std::size_t maxBody)
      : pipeline_(pipeline), metrics_(metrics), maxBody_(maxBody) {}

  void handleRequest(Poco::Net::HTTPServerRequest& in,
                     Poco::Net::HTTPServerResponse& out) override {
    auto started = std::chrono::steady_clock::now();
    Request request;
    Response response;
    request.requestId = newRequestId();
    request.method = in.getMethod();
    request.clientAddress = in.clientAddress().host().toString();
    for (const auto& [name, value] : in) request.headers[Poco::toLower(name)] = value;
    RequestPipeline::Outcome outcome;
    if (!readTarget(in, request)) {
      writeProblem(response, 400, "Bad Request", "the request target is not a valid URI");
    } else {
      // Matched before the body is read: a route may accept larger bodies than the host.
      RouteMatch match = pipeline_.route(request);
      std::size_t limit = match.route && match.route->route.maxBodyBytes > 0
                              ? match.route->route.maxBodyBytes
                              : maxBody_;
      if (!readBody(in, limit, request.body)) {
        writeProblem(response, 413, "Content Too Large",
                     "the body is larger than the " + std::to_string(limit) + " bytes accepted");
        out.setKeepAlive(false);
      } else {
        outcome = pipeline_.handle(request, response, std::move(match));
      }
    }
    addSecurityHeaders(response);
    send(response, out);
    auto elapsed = std::chrono::steady_clock::now() - started;
    metrics_.record(request.method, outcome.routeLabel, response.status, elapsed);
    // Looked up once: Logger::get takes a process-wide lock. Logging set-up reconfigures
    // existing loggers in place, so the reference stays right.
    static Poco::Logger& log = Poco::Logger::get("cadre.access");
    if (log.information()) {
      log.information("%s %s %d %.2fms %s %s", request.method, request.path, response.status,
                      std::chrono::duration<double, std::milli>(elapsed).count(), outcome.actor,
                      request.requestId);
    }
  }

 private:
  static void send(const Response& response, Poco::Net::HTTPServerResponse& out) {
    out.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(response.status));
    for (const auto& [name, value] : response.headers) out.set(name, value);
    if (response.status == 204 || response.status == 304) {
      out.setContentLength(0);
      out.send();
      return;
    }
    out.setContentType(response.contentType);
    out.setContentLength64(static_cast<Poco::Int64>(response.body.size()));
    out.send().write(response.body.data(), static_cast<std::streamsize>(response.body.size()));
  }

  const RequestPipeline& pipeline_;
  RequestMetrics& metrics_;
  std::size_t maxBody_;
};

class PipelineHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  PipelineHandlerFactory(const RequestPipeline& pipeline, RequestMetrics& metrics,
                         std::size_t maxBody)
      : pipeline_(pipeline), metrics_(metrics), maxBody_(maxBody) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    return new PipelineHandler(pipeline_, metrics_, maxBody_);
  }

 private:
  const RequestPipeline& pipeline_;
  RequestMetrics& metrics_;
  std::size_t maxBody_;
};

}  // namespace

HttpServer::HttpServer(const RequestPipeline& pipeline, RequestMetrics& metrics,
                       const ServerOptions& options)
    : pipeline_(pipeline), metrics_(metrics), options_(options) {}

HttpServer::~HttpServer() {
  stop();
}

void HttpServer::start() {
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress(options_.address, options_.port), 256);
  Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(options_.threads);
  params->setMaxQueued(1024);
  params->setKeepAlive(true);
  params->setMaxKeepAliveRequests(10000);
  params->setKeepAliveTimeout(Poco::Timespan(15, 0));
  // Poco 1.11's dispatcher can miss the stop signal when it arrives between a worker's check
  // and its next wait; the worker then sleeps its whole idle time before it sees the stop, and
  // stop() waits for it. A short idle time bounds that (the default of 10 s made the host miss
  // the tests' 10 s shutdown limit under load).
  params->setThreadIdleTime(Poco::Timespan(1, 0));
  threads_ = std::make_unique<Poco::ThreadPool>(2, options_.threads);
  server_ = std::make_unique<Poco::Net::HTTPServer>(
      new PipelineHandlerFactory(pipeline_, metrics_, options_.maxBodyBytes), *threads_, socket,
      params);
  server_->start();
}

void HttpServer::stop() {
  if (server_) {
    server_->stopAll(true);
    server_.reset();
    threads_->joinAll();
    threads_.reset();
  }
}

std::uint16_t HttpServer::port() const {
  return server_ ? server_->port() : 0;
}

}  // namespace cadre::http
