// Letter: the digest as a mail message. render_letter() turns a Week into the subject and the
// two bodies once for everyone (kainjow templates in <paths.templates>/digest: html.mustache,
// text.mustache); compose() then makes one reader's whole RFC 5322 message from it, putting
// that reader's unsubscribe link where the letter holds its marker. Pure over its inputs; the
// caller supplies the date and the per-reader values. Throws site::TemplateError from
// rendering; compose() never throws (but std::bad_alloc).
//
// Everything the week holds came from scraped pages and editors' files: the HTML body is
// escaped by the templates ({{x}}), the text body takes values as they are ({{{x}}}: it is
// text/plain, nothing interprets it), and every header value goes through digest/mime.
#pragma once
#include <string>
#include <vector>

#include "stages/digest/content.hpp"
#include "stages/site/templates.hpp"

namespace tv::digest {

struct Settings {
  std::string site_title;          // site.title
  std::string base_url;            // site.base_url, no trailing slash
  std::string list_name;           // "Weekly AI Tool Verdicts"
  std::string list_id;             // "weekly.tool-verdicts.example" (List-Id, RFC 2919)
  std::string from_name;           // display name in From
  std::string from_email;          // smtp.from
  std::string unsubscribe_mailto;  // the address of the mailto: unsubscribe
};

// The page templates the digest needs, in <paths.templates>/digest.
inline const std::vector<std::string> kTemplates{"html", "text"};

struct Letter {
  std::string subject;
  std::string text;    // wrapped at 76 columns where words allow; LF line ends
  std::string html;
  std::string marker;  // stands for the reader's unsubscribe link in both bodies

  // Each body quoted-printable encoded once, cut around the lines that hold the marker (kept
  // raw, encoded per reader): compose() encodes only those lines again. Quoted-printable
  // encodes each line on its own, so this is byte for byte the encoding of the whole body.
  struct Encoded {
    std::vector<std::string> pieces;  // encoded runs of lines, or one raw line with the marker
    std::vector<bool> has_marker;     // per piece
  };
  Encoded text_qp, html_qp;
};

Letter render_letter(const site::Templates& templates, const Week& week, const Settings& settings);

// "Weekly AI Tool Verdicts, 2026-W47: SmolLM3 vs SmolVLM2 and 5 more".
std::string subject(const Week& week, const Settings& settings);

// One line per kind of change, for `digest --dry-run` and the log: "6 new comparisons", ...
std::vector<std::string> summary(const Week& week);

struct Addressee {
  std::string email;            // valid by digest/subscribers' policy
  std::string name;             // may be empty
  std::string unsubscribe_url;  // https link (token.hpp)
  std::string message_id;       // "<...@...>"
  std::string date;             // RFC 5322 date, "Mon, 23 Nov 2026 06:00:00 +0000"
  std::string reader_token;     // the reader's bounce token (token.hpp), put in the mailto:
                                // link's subject so a mailed unsubscribe names them; "" none
};

// The whole message, CRLF line ends: Date, Message-ID, From, To, Subject, List-Id,
// List-Unsubscribe (https and mailto), List-Unsubscribe-Post, then multipart/alternative.
std::string compose(const Letter& letter, const Settings& settings, const Addressee& to);

// Lines longer than `width` broken at spaces; a continuation keeps the line's indentation
// (and lines under a "- " bullet are indented past it). Words longer than `width` (links)
// stay whole; trailing spaces are dropped; a line indented to `width` or more is left as it
// is. Never adds or removes a line break of its own except to wrap.
std::string wrap_text(const std::string& text, std::size_t width = 76);

}  // namespace tv::digest
