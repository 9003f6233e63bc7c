#pragma once

#include <string>

namespace cadre::auth {

/// PBKDF2-HMAC-SHA256 (OpenSSL) with a random 16-byte salt, encoded as
/// `pbkdf2-sha256$ITERATIONS$SALT_B64$HASH_B64`. 600,000 iterations: OWASP's figure for
/// PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet, 2023 on).
class PasswordHasher {
 public:
  static constexpr int kIterations = 600000;
  static constexpr std::size_t kMinLength = 12;
  static constexpr std::size_t kMaxLength = 1024;

  explicit PasswordHasher(int iterations = kIterations);
  std::string hash(const std::string& password) const;
  /// Constant-time comparison of the derived key; false for malformed encodings.
  bool verify(const std::string& password, const std::string& encoded) const;
  /// Why a new password is refused ("" when acceptable): too short, too long, not UTF-8.
  static std::string weakness(const std::string& password);

 private:
  int iterations_;
};

}  // namespace cadre::auth
