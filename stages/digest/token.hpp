// Token: the per-recipient values of a digest that must not be guessable: the unsubscribe
// token and the Message-ID. Both are HMAC-SHA256 under the digest secret (from the
// environment or a file, never the ini; pipeline/digest_step reads it), so nobody without the
// secret can unsubscribe someone else or predict another reader's Message-ID. Pure; never
// throws (but std::bad_alloc).
//
// The unsubscribe token is documented for the web endpoint that checks it (docs/digest.md):
//   base64url(HMAC-SHA256(secret, "unsubscribe\n" + list_id + "\n" + key)), unpadded, first
//   32 characters (192 bits), where key is the subscriber's dedupe key (digest/subscribers).
#pragma once
#include <string>
#include <string_view>

namespace tv::digest {

std::string unsubscribe_token(std::string_view secret, std::string_view list_id, std::string_view key);

// Constant-time check of a token from an unsubscribe request.
bool token_matches(std::string_view secret, std::string_view list_id, std::string_view key, std::string_view token);

// "<2026-W47.3f9c...@domain>": stable for one digest (week) and recipient (key), so a message
// sent again after an uncertain attempt is recognisably the same message.
std::string message_id(std::string_view secret, std::string_view week, std::string_view key,
                       std::string_view domain);

// The unsubscribe link: base_url + "/unsubscribe?email=" + percent-encoded email + "&token=" +
// token. `email` is percent-encoded byte by byte (RFC 3986 unreserved characters kept).
std::string unsubscribe_url(std::string_view base_url, std::string_view email, std::string_view token);

}  // namespace tv::digest
