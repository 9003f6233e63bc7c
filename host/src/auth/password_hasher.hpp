#pragma once

#include <cstddef>
#include <string>

namespace cadre::auth {

/// PBKDF2-HMAC-SHA256 (OpenSSL) with a random 16-byte salt, encoded as
/// `pbkdf2-sha256$ITERATIONS$SALT_B64$HASH_B64` (standard base64, unpadded). 600,000
/// iterations: OWASP's figure for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet, 2023 on).
/// The whole password is hashed, however long: nothing is truncated. Thread-safe.
class PasswordHasher {
 public:
  static constexpr int kIterations = 600000;
  /// Fewest characters (Unicode code points) of a new password.
  static constexpr std::size_t kMinLength = 12;
  /// Most bytes of a new password (UTF-8).
  static constexpr std::size_t kMaxLength = 1024;

  /// `iterations` below kIterations are for tests only. Throws std::invalid_argument when < 1.
  explicit PasswordHasher(int iterations = kIterations);
  /// A new salted hash. Throws std::runtime_error when OpenSSL fails.
  std::string hash(const std::string& password) const;
  /// Constant-time comparison of the derived key; false for malformed encodings. Uses the
  /// iteration count stored in `encoded`.
  bool verify(const std::string& password, const std::string& encoded) const;
  /// Spends the time of one verify() at this hasher's count and returns false: what a login
  /// of an unknown user costs, so that timing does not tell which usernames exist.
  bool verifyAgainstNobody(const std::string& password) const;
  /// Why a new password is refused ("" when acceptable): not UTF-8, over kMaxLength bytes,
  /// under kMinLength characters.
  static std::string weakness(const std::string& password);
  /// The count new hashes get.
  int iterations() const { return iterations_; }

 private:
  int iterations_;
  std::string nobodyHash_;
};

}  // namespace cadre::auth
