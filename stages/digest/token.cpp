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

// The number before `sep` in `token` (at most `max_digits` digits), or nullopt.
std::optional<std::int64_t> leading_number(std::string_view token, char sep, std::size_t max_digits) {
  const std::size_t at = token.find(sep);
  if (at == 0 || at == std::string_view::npos || at > max_digits) return std::nullopt;
  std::int64_t n = 0;
  for (char c : token.substr(0, at)) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

bool same(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

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
  const auto issued = leading_number(token, '.', 12);
  if (!issued || !same(token.substr(token.find('.') + 1), confirm_mac(secret, list_id, key, *issued)))
    return TokenCheck::forged;
  if (*issued > now + 300 || now - *issued > max_age_seconds) return TokenCheck::expired;
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
  const auto id = leading_number(token, '-', 15);
  if (!id || !same(token, bounce_token(secret, list_id, *id))) return std::nullopt;
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

namespace {
// base_url + path + "?email=" + the address percent-encoded byte by byte (RFC 3986 unreserved
// characters kept) + "&token=" + token.
std::string signed_link(std::string_view base_url, std::string_view path, std::string_view email,
                        std::string_view token) {
  std::string out(base_url);
  out.append(path).append("?email=");
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
}  // namespace

std::string unsubscribe_url(std::string_view base_url, std::string_view email, std::string_view token) {
  return signed_link(base_url, "/unsubscribe", email, token);
}

std::string confirm_url(std::string_view base_url, std::string_view email, std::string_view token) {
  return signed_link(base_url, "/confirm", email, token);
}

}  // namespace tv::digest
