// Text clean-up for scraped strings. Every function takes and returns UTF-8 and never throws;
// invalid UTF-8 sequences are replaced with U+FFFD rather than passed through.
#pragma once
#include <string>
#include <string_view>

namespace tv::fields {

// Decodes HTML character references (named, decimal, hex; with or without the trailing ';'
// where HTML allows it). An unknown or broken reference is left as written.
std::string decode_entities(std::string_view s);

// The full clean-up applied to every scraped text field: decode entities, fold every Unicode
// space (NBSP, hair, thin, narrow NBSP, ideographic, tabs, newlines...) to ' ', drop zero-width
// characters and other controls, collapse runs of spaces, trim, and normalise to NFC.
std::string clean_text(std::string_view s);

// clean_text for text an HTML parser has already decoded (DOM text, attribute values): the same
// folding, dropping, trimming and NFC, but character references are left alone, so a page that
// shows "&lt;b&gt;" literally keeps showing it ("entities decoded once"). Raw strings that never
// went through an HTML parser (JSON-LD values, feeds, CSV) want clean_text.
std::string clean_decoded_text(std::string_view s);

// True when NFC leaves `cp` alone wherever it stands (a short conservative list of blocks; false
// says only "not known"). clean_text skips normalisation for text made of such code points.
bool nfc_stable(char32_t cp);

// True when `s` is well-formed UTF-8.
bool is_valid_utf8(std::string_view s);

// Lower-cases ASCII letters only (for keys and matching; not for display).
std::string ascii_lower(std::string_view s);

}  // namespace tv::fields
