// The baseline of bench/http_bench.sh: a bare Poco HTTPServer that answers every request with
// the same small JSON body, configured as host/src/http/http_server.cpp configures the host's
// server (listen backlog, thread pool, queue, keep-alive), so the difference the benchmark shows
// is what the host does per request and not how Poco is set up.
//
// Usage: cadre_bench_bare_server PORT [THREADS]   (listens on 127.0.0.1; stops on SIGINT/SIGTERM)

#include <signal.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>

namespace {

constexpr const char* kBody = "{\"status\":\"ok\"}";

class ConstantHandler : public Poco::Net::HTTPRequestHandler {
 public:
  void handleRequest(Poco::Net::HTTPServerRequest&, Poco::Net::HTTPServerResponse& out) override {
    static const std::string body = kBody;
    out.setStatus(Poco::Net::HTTPResponse::HTTP_OK);
    out.setContentType("application/json");
    out.setContentLength64(static_cast<Poco::Int64>(body.size()));
    out.send().write(body.data(), static_cast<std::streamsize>(body.size()));
  }
};

class ConstantHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    return new ConstantHandler;
  }
};

/// Reads a whole decimal number in [low, high]; exits with 64 (usage) otherwise.
int parseNumber(const char* text, int low, int high, const char* what) {
  char* end = nullptr;
  long value = std::strtol(text, &end, 10);
  if (end == text || *end != '\0' || value < low || value > high) {
    std::cerr << "cadre_bench_bare_server: " << what << " '" << text << "' is not a number in "
              << low << ".." << high << "\n";
    std::exit(64);
  }
  return static_cast<int>(value);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: cadre_bench_bare_server PORT [THREADS]\n";
    return 64;
  }
  auto port = static_cast<Poco::UInt16>(parseNumber(argv[1], 1, 65535, "port"));
  // The host's default http.threads.
  int threads = argc == 3 ? parseNumber(argv[2], 1, 1024, "thread count") : 16;

  // Block the stop signals before Poco starts any thread, so only sigwait below sees them.
  sigset_t stopSignals;
  sigemptyset(&stopSignals);
  sigaddset(&stopSignals, SIGINT);
  sigaddset(&stopSignals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

  try {
    // The same settings as cadre::http::HttpServer::start().
    Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", port), 256);
    Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(threads);
    params->setMaxQueued(1024);
    params->setKeepAlive(true);
    params->setMaxKeepAliveRequests(10000);
    params->setKeepAliveTimeout(Poco::Timespan(15, 0));
    Poco::ThreadPool pool(2, threads);
    Poco::Net::HTTPServer server(new ConstantHandlerFactory, pool, socket, params);
    server.start();
    std::cout << "bare server on 127.0.0.1:" << server.port() << " with " << threads << " threads"
              << std::endl;
    int received = 0;
    sigwait(&stopSignals, &received);
    server.stopAll(true);
    pool.joinAll();
  } catch (const Poco::Exception& e) {
    std::cerr << "cadre_bench_bare_server: " << e.displayText() << "\n";
    return 1;
  }
  return 0;
}
