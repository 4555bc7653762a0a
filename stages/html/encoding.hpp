// Encoding: turns the bytes of a scraped page into UTF-8 before anything parses them.
// gumbo reads UTF-8 only (other bytes silently become U+FFFD), so this runs first.
//
// Order of evidence, as the HTML standard's sniffing algorithm has it, less the network:
//   1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE);
//   2. the prescan of the first 1024 bytes for <meta charset=...> or
//      <meta http-equiv="Content-Type" content="...; charset=...">;
//   3. the bytes are valid UTF-8 -> UTF-8 (a character cut off at the very end is tolerated,
//      and so are a few stray bytes among at least four times as many UTF-8 characters);
//   4. otherwise Windows-1252 (which is what "ISO-8859-1" and "US-ASCII" mean on the web).
// The prescan is the standard's: a <meta> that does not end within the first 1024 bytes counts
// for nothing, a declared UTF-16 means UTF-8 and x-user-defined means windows-1252.
// A declared label is resolved through the WHATWG label table ("latin1", "iso-8859-1",
// "cp1252", "utf8", "x-user-defined"...). A declared encoding we cannot transcode (e.g.
// Shift_JIS) is reported, not guessed at. Never throws.
#pragma once
#include <string>
#include <string_view>

namespace tv::html {

struct Decoded {
  bool ok = false;        // false: `error` says why (unsupported declared encoding, ...)
  std::string utf8;       // the page as UTF-8, BOM removed
  std::string encoding;   // canonical WHATWG name of the source: "UTF-8", "windows-1252", ...
  std::string rule;       // which evidence decided: "bom", "meta charset", "http-equiv",
                          // "xml declaration" (UTF-16 without a BOM), "valid utf-8",
                          // "mostly valid utf-8", "fallback windows-1252"
  std::string error;
};

// Sniffs and transcodes. Supported sources: UTF-8, UTF-16LE/BE, windows-1252 (and its aliases
// ISO-8859-1, US-ASCII), ISO-8859-15. Invalid sequences in a UTF-8 source become U+FFFD (one
// per maximal subpart, as the Encoding Standard's decoder does); so do unpaired surrogates and
// an odd final byte in UTF-16. Any other declared encoding gives ok=false, `encoding` set to its
// name and `error` like "the page declares its encoding as Shift_JIS, which this pipeline cannot
// read yet".
Decoded decode_to_utf8(std::string_view bytes);

// Only the prescan step (2): the WHATWG encoding name declared in the first 1024 bytes, or ""
// when none is declared. Names encodings we cannot decode too ("Shift_JIS"). Exposed for the
// html5lib encoding tests.
std::string prescan_meta_charset(std::string_view bytes);

}  // namespace tv::html
