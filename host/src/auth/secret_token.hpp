#pragma once

#include <cstddef>
#include <string>

namespace cadre::auth {

/// A new secret from OpenSSL's RAND_bytes: `bytes` random bytes as unpadded base64url (43
/// characters for 32 bytes). Throws std::runtime_error when the generator fails.
std::string newSecretToken(std::size_t bytes = 32);

/// The lower-case hex SHA-256 of a text (64 characters): how tokens are stored.
std::string sha256Hex(const std::string& text);

/// Whether two texts are equal, in time that depends only on their lengths (CRYPTO_memcmp).
bool constantTimeEquals(const std::string& a, const std::string& b);

}  // namespace cadre::auth
