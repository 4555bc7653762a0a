#include "stages/digest/token.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <string>

#include "stages/digest/mime.hpp"
#include "stages/digest/subscribers.hpp"

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

bool unsubscribe_token_matches(std::string_view secret, std::string_view list_id, std::string_view email,
                               std::string_view token) {
  if (token_matches(secret, list_id, reader_key(email), token)) return true;
  // Before readers were keyed by the whole address folded to lower case, the key kept the local
  // part as written: links in digests sent then must keep working.
  const std::size_t at = email.rfind('@');
  if (at == std::string_view::npos) return false;
  const std::string legacy = std::string(email.substr(0, at + 1)) + reader_key(email.substr(at + 1));
  return token_matches(secret, list_id, legacy, token);
}

namespace {
std::string confirm_mac(std::string_view secret, std::string_view list_id, std::string_view key,
                        std::int64_t issued) {
  std::string message = "confirm\n";
  message.append(list_id).append("\n").append(key).append("\n").append(std::to_string(issued));
  return base64url(hmac(secret, message)).substr(0, 32);
}
}  // namespace

std::string confirm_token(std::string_view secret, std::string_view list_id, std::string_view key,
                          std::int64_t issued) {
  return std::to_string(issued) + "." + confirm_mac(secret, list_id, key, issued);
}

TokenCheck check_confirm_token(std::string_view secret, std::string_view list_id, std::string_view key,
                               std::string_view token, std::int64_t now, std::int64_t max_age_seconds) {
  const std::size_t dot = token.find('.');
  if (dot == 0 || dot == std::string_view::npos || dot > 12) return TokenCheck::forged;
  std::int64_t issued = 0;
  for (char c : token.substr(0, dot)) {
    if (c < '0' || c > '9') return TokenCheck::forged;
    issued = issued * 10 + (c - '0');
  }
  const std::string want = confirm_mac(secret, list_id, key, issued);
  const std::string_view mac = token.substr(dot + 1);
  if (mac.size() != want.size() || CRYPTO_memcmp(want.data(), mac.data(), want.size()) != 0) return TokenCheck::forged;
  if (issued > now + 300 || now - issued > max_age_seconds) return TokenCheck::expired;
  return TokenCheck::valid;
}

std::string bounce_token(std::string_view secret, std::string_view list_id, std::int64_t reader_id) {
  std::string message = "bounce\n";
  message.append(list_id).append("\n").append(std::to_string(reader_id));
  std::string mac = hex(hmac(secret, message), 10);
  return std::to_string(reader_id) + "-" + mac;
}

std::optional<std::int64_t> bounce_token_reader(std::string_view secret, std::string_view list_id,
                                                std::string_view token) {
  const std::size_t dash = token.find('-');
  if (dash == 0 || dash == std::string_view::npos || dash > 15) return std::nullopt;
  std::int64_t id = 0;
  for (char c : token.substr(0, dash)) {
    if (c < '0' || c > '9') return std::nullopt;
    id = id * 10 + (c - '0');
  }
  const std::string want = bounce_token(secret, list_id, id);
  if (token.size() != want.size() || CRYPTO_memcmp(want.data(), token.data(), want.size()) != 0) return std::nullopt;
  return id;
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
