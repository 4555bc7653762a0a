// URLs: cleaned for storage and comparison. Never throws.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace tv::fields {

// Returns the URL with the scheme and host lower-cased, default ports dropped, the fragment
// dropped, and tracking parameters removed (utm_*, fbclid, gclid, dclid, msclkid, mc_cid,
// mc_eid, ref, ref_src, _hsenc, _hsmi, igshid, yclid, si and a few more). Credentials are
// dropped, dot segments removed and percent-encoding normalised; IDN hosts are kept as written.
// nullopt for anything that is not an absolute http(s) URL (javascript:, data:, "//host",
// relative paths, garbage, more than 8 KB).
std::optional<std::string> clean_url(std::string_view url);

// The lower-cased host of an absolute http(s) URL without a leading "www."; "" otherwise.
std::string url_host(std::string_view url);

// Resolves `ref` against `base` (both may be messy) per RFC 3986 §5.2 and returns the result
// cleaned as by clean_url (no fragment, no tracking parameters); nullopt when the result is not
// http(s) ("javascript:", "data:") or `base` is needed and is not absolute http(s).
std::optional<std::string> resolve_url(std::string_view base, std::string_view ref);

}  // namespace tv::fields
