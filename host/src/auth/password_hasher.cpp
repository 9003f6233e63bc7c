#include "auth/password_hasher.hpp"

#include <array>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <vector>

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/NumberParser.h>
#include <Poco/StringTokenizer.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "cadre/json_fields.hpp"

namespace cadre::auth {
namespace {

constexpr const char* kScheme = "pbkdf2-sha256";
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kKeyBytes = 32;
// Bounds a stored count so that a corrupted row cannot stall a login for minutes.
constexpr int kMostIterations = 10000000;

using Bytes = std::vector<unsigned char>;

std::string toBase64(const Bytes& bytes) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out, Poco::BASE64_NO_PADDING);
  encoder.rdbuf()->setLineLength(0);
  encoder.write(reinterpret_cast<const char*>(bytes.data()),
                static_cast<std::streamsize>(bytes.size()));
  encoder.close();
  return out.str();
}

std::optional<Bytes> fromBase64(const std::string& text) {
  try {
    std::istringstream in(text);
    Poco::Base64Decoder decoder(in, Poco::BASE64_NO_PADDING);
    std::string raw((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
    return Bytes(raw.begin(), raw.end());
  } catch (const Poco::Exception&) {
    return std::nullopt;
  }
}

Bytes derive(const std::string& password, const Bytes& salt, int iterations) {
  Bytes key(kKeyBytes);
  if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(),
                        static_cast<int>(salt.size()), iterations, EVP_sha256(),
                        static_cast<int>(key.size()), key.data()) != 1) {
    throw std::runtime_error("PBKDF2 failed");
  }
  return key;
}

Bytes randomSalt() {
  Bytes salt(kSaltBytes);
  if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1) {
    throw std::runtime_error("the random generator failed");
  }
  return salt;
}

std::string encode(int iterations, const Bytes& salt, const Bytes& key) {
  return std::string(kScheme) + "$" + std::to_string(iterations) + "$" + toBase64(salt) + "$" +
         toBase64(key);
}

struct Encoded {
  int iterations = 0;
  Bytes salt;
  Bytes key;
};

std::optional<Encoded> decode(const std::string& encoded) {
  Poco::StringTokenizer parts(encoded, "$");
  if (parts.count() != 4 || parts[0] != kScheme) return std::nullopt;
  Encoded result;
  if (!Poco::NumberParser::tryParse(parts[1], result.iterations) || result.iterations < 1 ||
      result.iterations > kMostIterations) {
    return std::nullopt;
  }
  auto salt = fromBase64(parts[2]);
  auto key = fromBase64(parts[3]);
  if (!salt || !key || salt->empty() || key->size() != kKeyBytes) return std::nullopt;
  result.salt = std::move(*salt);
  result.key = std::move(*key);
  return result;
}

}  // namespace

PasswordHasher::PasswordHasher(int iterations) : iterations_(iterations) {
  if (iterations < 1 || iterations > kMostIterations) {
    throw std::invalid_argument("PBKDF2 iterations must be from 1 to " +
                                std::to_string(kMostIterations));
  }
  // A hash nobody's password produces: its key is all zeros, which PBKDF2 does not output.
  nobodyHash_ = encode(iterations_, randomSalt(), Bytes(kKeyBytes, 0));
}

std::string PasswordHasher::hash(const std::string& password) const {
  Bytes salt = randomSalt();
  return encode(iterations_, salt, derive(password, salt, iterations_));
}

bool PasswordHasher::verify(const std::string& password, const std::string& encoded) const {
  auto parsed = decode(encoded);
  if (!parsed) return false;
  Bytes key = derive(password, parsed->salt, parsed->iterations);
  bool same = CRYPTO_memcmp(key.data(), parsed->key.data(), kKeyBytes) == 0;
  OPENSSL_cleanse(key.data(), key.size());
  return same;
}

bool PasswordHasher::verifyAgainstNobody(const std::string& password) const {
  verify(password, nobodyHash_);
  return false;
}

std::string PasswordHasher::weakness(const std::string& password) {
  if (!isValidUtf8(password)) return "the password is not valid UTF-8";
  if (password.size() > kMaxLength) {
    return "the password must be at most " + std::to_string(kMaxLength) + " bytes";
  }
  if (utf8Length(password) < kMinLength) {
    return "the password must be at least " + std::to_string(kMinLength) + " characters";
  }
  return "";
}

}  // namespace cadre::auth
