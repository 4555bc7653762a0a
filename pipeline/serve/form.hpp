// Form: decodes what a browser sends in an address's query and in a POST body of type
// application/x-www-form-urlencoded, and percent-decodes an address's path. Both are pure and
// never throw: text that breaks a rule yields nullopt and one sentence in `*problem` saying which
// rule, in lower case without a full stop, so the caller can put it into a sentence of its own.
//
// The rules hold for names and values alike, after decoding:
//   - a '%' must be followed by two hex digits ("%zz" and a trailing "%4" are refused);
//   - '+' is a space (in forms and queries, not in paths);
//   - no C0 control character (NUL, tab, CR, LF, ...) and no DEL: a line break in a field is how
//     header and log injection start, and no field the site asks for holds one;
//   - valid UTF-8 only (no overlong forms, no surrogates, nothing past U+10FFFF);
//   - every field has a name, and no name comes twice: a repeated key is either a mistake or a
//     try at smuggling a second value past a check on the first;
//   - at most `max_fields` fields and at most `max_field_bytes` bytes in any decoded name or value.
// Empty pieces ("a=1&&b=2", a trailing '&') are skipped; a piece without '=' is a name with an
// empty value. The first rule broken, reading from the left, is the one reported.
#pragma once
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace tv::serve {

using Fields = std::map<std::string, std::string>;

struct FormRules {
  std::size_t max_fields = 32;         // more pieces than this: refused
  std::size_t max_field_bytes = 2048;  // a longer decoded name or value: refused
};

// Decodes "a=1&b=x+y" into {a: "1", b: "x y"}. "" is an empty form.
std::optional<Fields> decode_form(std::string_view text, std::string* problem,
                                  const FormRules& rules = {});

// Decodes a multipart/form-data body (RFC 7578), as RFC 8058 asks one-click unsubscribes to be
// sent: each part a field named by its Content-Disposition, its bytes the value, under the same
// rules as above (a value with a line break is refused: no field the site asks for holds one).
// A part that is a file upload, a part without a name, a body that does not follow the
// boundary, or one cut short, is refused.
std::optional<Fields> decode_multipart_form(std::string_view body, std::string_view boundary, std::string* problem,
                                            const FormRules& rules = {});

// Decodes the path of an origin-form target ("/unsubscribe/ab%20c" → "/unsubscribe/ab c"). The
// path must start with '/'; after decoding it must hold no control character or DEL (so no NUL),
// be valid UTF-8 and have no ".." segment (an encoded "%2e%2e" or "..%2f" is caught too, since the
// segments are read after decoding). '+' stays a '+'.
std::optional<std::string> decode_path(std::string_view path, std::string* problem);

}  // namespace tv::serve
