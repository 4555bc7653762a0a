// Mime: the pieces of an RFC 5322 / MIME message that the weekly digest is made of, as pure
// functions over text. No I/O, no clock; never throws (but std::bad_alloc).
//
// Header safety: every value that reaches a header goes through header_text() or address(),
// which turn CR, LF, NUL and every other control character (C0, DEL, C1, and U+2028/U+2029)
// into a space, so no value from a scraped page or a subscriber row can start a new header.
// Non-ASCII text becomes RFC 2047 encoded words (UTF-8, base64), each at most 75 characters,
// on lines folded to at most 78 characters. So does a value with a word over 900 characters,
// which no fold could split: no header line ever passes the 998-octet limit.
//
// Bodies are UTF-8 in quoted-printable (RFC 2045): lines of at most 76 characters with soft
// breaks, CRLF line ends, trailing spaces and tabs encoded, '.' at a line start encoded (so no
// line is a lone "." to an SMTP server), ill-formed UTF-8 replaced by U+FFFD.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tv::digest {

// Control characters (and U+2028/9) as spaces, runs of spaces folded, trimmed; ill-formed
// UTF-8 as U+FFFD. The raw text every header value starts from.
std::string header_safe(std::string_view text);

// "Name: value" with `value` made safe and, when it is not plain ASCII, encoded; folded.
std::string header(std::string_view name, std::string_view value);

// A mailbox for From/To: `Name <local@domain>` (the name quoted or encoded as needed), or the
// bare address when the name is empty. The address must already be valid (digest/subscribers
// checks it); characters that could break the header are still neutralised.
std::string address(std::string_view display_name, std::string_view email);

// RFC 4648 base64 with padding (for encoded words; digest/token makes its URL-safe form).
std::string base64(std::string_view bytes);

// RFC 2045 quoted-printable of UTF-8 text; "\n" or "\r\n" line ends become CRLF.
std::string quoted_printable(std::string_view text);

// A whole multipart/alternative message: `headers` (already formatted with header() or
// address(), without the MIME ones), then MIME-Version and the two parts: text/plain first,
// text/html last, both UTF-8 in quoted-printable. `boundary` must not occur in either body's
// encoding (quoted-printable never produces "=_" followed by our prefix; make it unique per
// message anyway). CRLF line ends throughout.
std::string multipart_alternative(const std::vector<std::string>& headers, std::string_view text,
                                  std::string_view html, std::string_view boundary);

// The same, with both bodies already quoted-printable (as quoted_printable() returns them).
std::string multipart_alternative_encoded(const std::vector<std::string>& headers, std::string_view text_qp,
                                          std::string_view html_qp, std::string_view boundary);

}  // namespace tv::digest
