#include "support/slapd_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "support/local_server.hpp"

namespace cadre::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

const char* const kSlapd = "/usr/sbin/slapd";
const char* const kSchemaDir = "/etc/ldap/schema";
const char* const kSlapdInstallHint =
    "scripts/setup.sh installs the Debian packages slapd and ldap-utils";
constexpr auto kSlapdStepTimeout = 30s;

std::string readFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The matching rules of a syntax, as Active Directory has them; msuser.schema declares none,
/// so without them (sAMAccountName=x) or (uSNChanged>=n) match nothing.
std::string matchingRulesFor(const std::string& syntax) {
  if (syntax == "1.3.6.1.4.1.1466.115.121.1.15")
    return "EQUALITY caseIgnoreMatch SUBSTR caseIgnoreSubstringsMatch ";
  if (syntax == "1.3.6.1.4.1.1466.115.121.1.27" || syntax == "MSADlargeInteger")
    return "EQUALITY integerMatch ORDERING integerOrderingMatch ";
  if (syntax == "1.3.6.1.4.1.1466.115.121.1.40" || syntax == "MSADdnWithOctetString" ||
      syntax == "MSADdnWithString")
    return "EQUALITY octetStringMatch ";
  if (syntax == "1.3.6.1.4.1.1466.115.121.1.12") return "EQUALITY distinguishedNameMatch ";
  if (syntax == "1.3.6.1.4.1.1466.115.121.1.24")
    return "EQUALITY generalizedTimeMatch ORDERING generalizedTimeOrderingMatch ";
  return "";
}

/// Debian's msuser.schema with matching rules added to every attribute type that has none.
std::string patchedMsuserSchema() {
  const std::string path = std::string(kSchemaDir) + "/msuser.schema";
  std::ifstream in(path);
  if (!in) throw std::runtime_error(std::string("no ") + path + " (" + kSlapdInstallHint + ")");
  static const std::regex kSyntax("SYNTAX '([^']+)'");
  std::string out;
  std::string line;
  while (std::getline(in, line)) {
    std::smatch match;
    if (!line.empty() && line[0] != '#' && std::regex_search(line, match, kSyntax) &&
        line.find("EQUALITY") == std::string::npos) {
      line.insert(static_cast<std::size_t>(match.position(0)), matchingRulesFor(match[1]));
    }
    out += line + "\n";
  }
  return out;
}

void runOpenssl(const std::vector<std::string>& args, const std::string& folder) {
  std::vector<std::string> argv = {"/usr/bin/openssl"};
  argv.insert(argv.end(), args.begin(), args.end());
  const std::string log = folder + "/openssl.log";
  if (runProgram(argv, folder, log, kSlapdStepTimeout) != 0)
    throw std::runtime_error("openssl " + args.front() + " failed: " + fileTail(log));
}

/// A self-signed CA (EC P-256: fast to make) in `name`.pem / `name`.key.
void makeCa(const std::string& folder, const std::string& name, const std::string& subject) {
  runOpenssl({"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
              "-keyout", name + ".key", "-out", name + ".pem", "-days", "3", "-subj", subject},
             folder);
}

/// Whether something accepts connections on 127.0.0.1:port.
bool answers(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

SlapdServer::SlapdServer(const std::string& ldif, Options options) : options_(std::move(options)) {
  if (::access(kSlapd, X_OK) != 0)
    throw std::runtime_error(std::string("slapd is not installed: no ") + kSlapd + " (" +
                             kSlapdInstallHint + ")");
  // Their slapd died with them (startProgram's dieWithParent); only the folders are left.
  removeOrphanFolders("cadre-slapd-");
  std::string pattern = (scratchRoot() / "cadre-slapd-XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("cannot create a folder for slapd");
  folder_ = pattern;
  markOwner(folder_);
  try {
    fs::create_directory(folder_ + "/db");
    if (options_.tls != Tls::None) makeCertificates();
    writeConfig();
    load(ldif);
    port_ = startOnFreePort("slapd", [this](int port) {
      port_ = port;
      if (options_.tls != Tls::None) ldapsPort_ = freeLoopbackPort("slapd (ldaps)");
      start();
    });
  } catch (...) {
    std::error_code ec;
    fs::remove_all(folder_, ec);
    throw;
  }
}

SlapdServer::~SlapdServer() {
  try {
    stop();
  } catch (...) {
    // The folder goes anyway.
  }
  std::error_code ec;
  fs::remove_all(folder_, ec);
}

std::string SlapdServer::uri() const {
  return "ldap://127.0.0.1:" + std::to_string(port_);
}

std::string SlapdServer::ldapsUri() const {
  return ldapsPort_ ? "ldaps://127.0.0.1:" + std::to_string(ldapsPort_) : "";
}

std::string SlapdServer::caFile() const {
  return options_.tls == Tls::None ? "" : folder_ + "/tls/ca.pem";
}

void SlapdServer::makeCertificates() {
  const std::string tls = folder_ + "/tls";
  fs::create_directory(tls);
  makeCa(tls, "ca", "/CN=Cadre Test CA");
  std::string signer = "ca";
  if (options_.tls == Tls::UntrustedCa) {
    makeCa(tls, "other-ca", "/CN=Someone Else's CA");
    signer = "other-ca";
  }
  runOpenssl({"req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
              "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"},
             tls);
  std::ofstream(tls + "/server.ext") << "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                                     << "basicConstraints=CA:FALSE\n"
                                     << "extendedKeyUsage=serverAuth\n";
  runOpenssl(
      {"x509", "-req", "-in", "server.csr", "-CA", signer + ".pem", "-CAkey", signer + ".key",
       "-CAcreateserial", "-out", "server.pem", "-days", "3", "-extfile", "server.ext"},
      tls);
}

void SlapdServer::writeConfig() {
  std::ofstream(folder_ + "/msuser.schema") << patchedMsuserSchema();
  std::ofstream conf(folder_ + "/slapd.conf");
  for (const char* schema : {"core", "cosine", "inetorgperson", "nis"})
    conf << "include " << kSchemaDir << "/" << schema << ".schema\n";
  conf << "include " << folder_ << "/msuser.schema\n"
       << "pidfile " << folder_ << "/slapd.pid\n"
       << "argsfile " << folder_ << "/slapd.args\n"
       << "modulepath /usr/lib/ldap\nmoduleload back_mdb\n";
  if (options_.allowUnauthenticatedBind) conf << "allow bind_anon_dn\n";
  if (options_.tls != Tls::None) {
    conf << "TLSCACertificateFile " << folder_ << "/tls/ca.pem\n"
         << "TLSCertificateFile " << folder_ << "/tls/server.pem\n"
         << "TLSCertificateKeyFile " << folder_ << "/tls/server.key\n";
  }
  if (options_.sizeLimit > 0) {
    const std::string n = std::to_string(options_.sizeLimit);
    conf << "sizelimit size.soft=" << n << " size.hard=" << n << " size.prtotal=unlimited\n";
  }
  conf << "database mdb\nsuffix \"" << options_.baseDN << "\"\nrootdn \"" << rootDN()
       << "\"\nrootpw " << rootPassword() << "\ndirectory " << folder_
       << "/db\nmaxsize 1073741824\n"
       << "index objectClass,entryUUID eq\nindex uid,cn,sAMAccountName eq,sub\n"
       << "index modifyTimestamp,uSNChanged eq\n"
       << "access to attrs=userPassword by anonymous auth by * none\n"
       << "access to * by users read by * none\n";
}

void SlapdServer::load(const std::string& ldif) {
  const std::string data = folder_ + "/data.ldif";
  std::ofstream out(data);
  out << ldif;
  if (!ldif.empty() && ldif.back() != '\n') out << "\n";
  out << "\ndn: " << serviceDN() << "\nobjectClass: organizationalRole\n"
      << "objectClass: simpleSecurityObject\ncn: cadre-sync\nuserPassword: " << servicePassword()
      << "\n";
  out.close();
  const std::string log = folder_ + "/slapadd.log";
  int status = runProgram({"/usr/sbin/slapadd", "-q", "-f", folder_ + "/slapd.conf", "-l", data},
                          folder_, log, kSlapdStepTimeout * 4);
  if (status != 0) throw std::runtime_error("slapadd failed: " + fileTail(log));
}

void SlapdServer::start() {
  if (pid_ > 0) return;
  std::string listeners = uri() + "/";
  if (ldapsPort_) listeners += " " + ldapsUri() + "/";
  pid_ = startProgram({kSlapd, "-d", "stats", "-f", folder_ + "/slapd.conf", "-h", listeners},
                      folder_, folder_ + "/slapd.log", true);
  const auto deadline = std::chrono::steady_clock::now() + kSlapdStepTimeout;
  while (!answers(port_) || (ldapsPort_ && !answers(ldapsPort_))) {
    int status = 0;
    bool exited = ::waitpid(pid_, &status, WNOHANG) == pid_;
    if (exited || std::chrono::steady_clock::now() > deadline) {
      if (!exited) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, &status, 0);
      }
      pid_ = -1;
      throw std::runtime_error("slapd did not start on " + uri() + ": " +
                               fileTail(folder_ + "/slapd.log"));
    }
    std::this_thread::sleep_for(10ms);
  }
}

void SlapdServer::kill() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

void SlapdServer::stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGCONT);  // a frozen server could not act on SIGTERM
  ::kill(pid_, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  int status = 0;
  while (::waitpid(pid_, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
      break;
    }
    std::this_thread::sleep_for(10ms);
  }
  pid_ = -1;
}

namespace {

/// Whether every thread of `pid` is stopped: kill(SIGSTOP) returns before each thread has
/// stopped, and a thread still running may answer one more request.
bool allThreadsStopped(pid_t pid) {
  const std::filesystem::path tasks = "/proc/" + std::to_string(pid) + "/task";
  std::error_code error;
  for (const auto& task : std::filesystem::directory_iterator(tasks, error)) {
    std::ifstream stat(task.path() / "stat");
    std::string line;
    std::getline(stat, line);
    // "tid (comm) S ...": the state follows the last ')'.
    auto close = line.rfind(')');
    if (close == std::string::npos || close + 2 >= line.size()) return false;
    char state = line[close + 2];
    if (state != 'T' && state != 't') return false;
  }
  return !error;
}

}  // namespace

void SlapdServer::freeze() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGSTOP);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!allThreadsStopped(pid_)) {
    if (std::chrono::steady_clock::now() > deadline)
      throw std::runtime_error("slapd did not stop within 10 s of SIGSTOP");
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

void SlapdServer::thaw() {
  if (pid_ > 0) ::kill(pid_, SIGCONT);
}

void SlapdServer::restart() {
  stop();
  start();
}

void SlapdServer::runLdapTool(const std::string& ldif, bool add) const {
  static std::atomic<int> counter{0};
  const std::string name = folder_ + "/change-" + std::to_string(++counter);
  std::ofstream(name + ".ldif") << ldif;
  std::vector<std::string> argv = {
      "/usr/bin/ldapmodify", "-x", "-H",          uri(), "-D", rootDN(), "-w",
      rootPassword(),        "-f", name + ".ldif"};
  if (add) argv.push_back("-a");
  if (runProgram(argv, folder_, name + ".log", kSlapdStepTimeout) != 0)
    throw std::runtime_error("ldapmodify failed: " + fileTail(name + ".log") + "\n" + ldif);
}

void SlapdServer::ldapmodify(const std::string& ldif) const {
  runLdapTool(ldif, false);
}

void SlapdServer::ldapadd(const std::string& ldif) const {
  runLdapTool(ldif, true);
}

std::string SlapdServer::log() const {
  return readFile(folder_ + "/slapd.log");
}

}  // namespace cadre::test
