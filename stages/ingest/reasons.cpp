#include "stages/ingest/reasons.hpp"

#include "stages/normalise/fields/text.hpp"

namespace tv::ingest {
namespace {

// The first line of a text file, cleaned and cut, to show the editor what we saw.
std::string first_line(std::string_view bytes) {
  auto nl = bytes.find('\n');
  std::string line = fields::clean_decoded_text(bytes.substr(0, std::min<std::size_t>(nl, 120)));
  return line;
}

}  // namespace

Reason reason_for_kind(const Sniffed& s, std::string_view bytes) {
  switch (s.kind) {
    case Kind::empty:
      return {"the file is empty (" + s.detail + ").",
              "If a download or an export failed, run it again and drop the new file."};
    case Kind::binary:
      return {"this is a binary file (" + s.detail + "), not a web page or an editorial file.",
              "The inbox takes scraped HTML pages. Drop the page's HTML (\"Save page as... HTML only\")."};
    case Kind::other_xml:
      return {"this is an XML file with " + s.detail + ", which is no inbox format "
              "(panel reviews have the root <panel>, directives the root <directives>).",
              "Check that the right file was exported; fix its root element if it is a review or directive file."};
    case Kind::text:
      return {"this is plain text of no kind the inbox recognises: not a web page, review, vote export or "
              "directive file (its first line reads: \"" + first_line(bytes) + "\").",
              "If it is a scraped page, save the page's HTML instead; notes for the team belong elsewhere."};
    case Kind::html:           // read by normalise: reason_page
    case Kind::panel_reviews:  // reason_panel
    case Kind::directives:     // reason_directives
    case Kind::votes_csv:      // reason_votes_file
      break;
  }
  return {"the file could not be read.", "Drop it again; if it keeps failing, report it."};
}

Reason reason_directives(const std::vector<std::string>& errors, bool more) {
  std::string problem = "this editorial directives file has " + std::to_string(errors.size()) +
                        (more ? " or more problems" : errors.size() == 1 ? " problem" : " problems") +
                        ", so none of its directives was applied:";
  for (const auto& e : errors) problem += "\n  " + e;
  return {problem, "Fix the lines named and drop the whole file again; docs/directives.md shows the format."};
}

Reason reason_panel(const std::vector<std::string>& errors, bool more) {
  std::string problem = "this panel reviews file has " + std::to_string(errors.size()) +
                        (more ? " or more problems" : errors.size() == 1 ? " problem" : " problems") +
                        ", so none of its reviews was counted:";
  for (const auto& e : errors) problem += "\n  " + e;
  return {problem, "Fix the lines named and drop the whole file again; docs/reviews.md shows the format "
                   "(the reviewer ids are set in pipeline.ini, panel.reviewers)."};
}

Reason reason_votes_file(const std::string& problem) {
  return {"this community votes file could not be read, so none of its votes was counted: " + problem,
          "Export the votes again as CSV UTF-8 with the header tool,voter,vote,cast_at and drop the new file; "
          "docs/votes.md shows the format."};
}

Reason reason_not_a_file(std::string_view what) {
  return {"this is " + std::string(what) + ", not a regular file; the inbox reads plain files only and never follows links.",
          "Drop the files themselves into the inbox."};
}

Reason reason_too_large(std::uint64_t size, std::uint64_t limit) {
  return {"the file is " + std::to_string(size) + " bytes; the inbox takes files up to " + std::to_string(limit) +
              " bytes (setting inbox.max_file_bytes).",
          "Check that this is the right file; if such files are expected, raise inbox.max_file_bytes in pipeline.ini."};
}

Reason reason_page(const std::string& problem) {
  return {"the page could not be turned into a tool record: " + problem,
          "Fix the page or its site profile and drop it again; the file is kept unchanged beside this note."};
}

std::string format_reason_file(const ReasonFile& r) {
  std::string out;
  out += "This file was moved aside by the tool-verdicts pipeline and was NOT used.\n\n";
  out += "File:      " + fields::clean_decoded_text(r.name) + "\n";
  out += "Received:  " + r.at + " (run " + r.run_id + ")\n";
  out += "Kind:      " + r.kind + "\n";
  out += "Size:      " + std::to_string(r.size) + " bytes\n";
  if (!r.sha256.empty()) out += "SHA-256:   " + r.sha256 + "\n";
  out += "\nWhat is wrong:\n  " + r.reason.problem + "\n";
  out += "\nWhat to do:\n  " + r.reason.action + "\n";
  return out;
}

}  // namespace tv::ingest
