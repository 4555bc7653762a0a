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
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tv::digest {

std::string unsubscribe_token(std::string_view secret, std::string_view list_id, std::string_view key);

// Constant-time check of a token from an unsubscribe request.
bool token_matches(std::string_view secret, std::string_view list_id, std::string_view key, std::string_view token);

// The unsubscribe link's check as `pipeline serve` makes it: the token of the reader's key, or of
// the key digests were addressed by before readers were keyed by the folded address (the local
// part as written), so links in digests already sent keep working.
bool unsubscribe_token_matches(std::string_view secret, std::string_view list_id, std::string_view email,
                               std::string_view token);

// The confirmation link's token (double opt-in): "<issued>.<mac>", issued in Unix seconds,
//   mac = base64url(HMAC-SHA256(secret, "confirm\n" + list_id + "\n" + key + "\n" + issued))[0:32].
// It expires `max_age_seconds` after it was issued (serve.confirm_days).
std::string confirm_token(std::string_view secret, std::string_view list_id, std::string_view key,
                          std::int64_t issued);
enum class TokenCheck { valid, forged, expired };
TokenCheck check_confirm_token(std::string_view secret, std::string_view list_id, std::string_view key,
                               std::string_view token, std::int64_t now, std::int64_t max_age_seconds);

// The VERP token naming a reader in the envelope sender (bounces+TOKEN@domain):
// "<reader id>-<hex(HMAC-SHA256(secret, "bounce\n" + list_id + "\n" + id))[0:10]>", so a forged
// bounce cannot suppress somebody else. bounce_token_reader() gives the id back, or nullopt.
std::string bounce_token(std::string_view secret, std::string_view list_id, std::int64_t reader_id);
std::optional<std::int64_t> bounce_token_reader(std::string_view secret, std::string_view list_id,
                                                std::string_view token);

// "<2026-W47.3f9c...@domain>": stable for one digest (week) and recipient (key), so a message
// sent again after an uncertain attempt is recognisably the same message.
std::string message_id(std::string_view secret, std::string_view week, std::string_view key,
                       std::string_view domain);

// The unsubscribe link: base_url + "/unsubscribe?email=" + percent-encoded email + "&token=" +
// token. `email` is percent-encoded byte by byte (RFC 3986 unreserved characters kept).
std::string unsubscribe_url(std::string_view base_url, std::string_view email, std::string_view token);
// The confirmation link, encoded the same way: base_url + "/confirm?email=...&token=...".
std::string confirm_url(std::string_view base_url, std::string_view email, std::string_view token);

}  // namespace tv::digest
