#include "stages/digest/token.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <string>

#include "stages/digest/mime.hpp"

namespace tv::digest {
namespace {

std::string hmac(std::string_view secret, const std::string& message) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), secret.data(), int(secret.size()), reinterpret_cast<const unsigned char*>(message.data()),
       message.size(), md, &len);
  return std::string(reinterpret_cast<const char*>(md), len);
}

// RFC 4648 §5: URL- and file-safe, unpadded.
std::string base64url(const std::string& bytes) {
  std::string out = base64(bytes);
  while (!out.empty() && out.back() == '=') out.pop_back();
  for (char& ch : out) ch = ch == '+' ? '-' : ch == '/' ? '_' : ch;
  return out;
}

std::string hex(const std::string& bytes, std::size_t n) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < bytes.size() && out.size() < n; ++i) {
    out.push_back(digits[(unsigned char)bytes[i] >> 4]);
    out.push_back(digits[(unsigned char)bytes[i] & 15]);
  }
  return out;
}

}  // namespace

std::string unsubscribe_token(std::string_view secret, std::string_view list_id, std::string_view key) {
  std::string message = "unsubscribe\n";
  message.append(list_id).append("\n").append(key);
  return base64url(hmac(secret, message)).substr(0, 32);
}

bool token_matches(std::string_view secret, std::string_view list_id, std::string_view key, std::string_view token) {
  std::string want = unsubscribe_token(secret, list_id, key);
  return token.size() == want.size() && CRYPTO_memcmp(want.data(), token.data(), want.size()) == 0;
}

std::string message_id(std::string_view secret, std::string_view week, std::string_view key,
                       std::string_view domain) {
  std::string message = "message-id\n";
  message.append(week).append("\n").append(key);
  std::string out = "<";
  out.append(week).append(".").append(hex(hmac(secret, message), 24)).append("@").append(domain).append(">");
  return out;
}

std::string unsubscribe_url(std::string_view base_url, std::string_view email, std::string_view token) {
  std::string out(base_url);
  out += "/unsubscribe?email=";
  static const char* digits = "0123456789ABCDEF";
  for (unsigned char ch : email) {
    if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' ||
        ch == '_' || ch == '~') {
      out.push_back(char(ch));
    } else {
      out.push_back('%');
      out.push_back(digits[ch >> 4]);
      out.push_back(digits[ch & 15]);
    }
  }
  out.append("&token=").append(token);
  return out;
}

}  // namespace tv::digest
