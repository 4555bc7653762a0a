// Subscribers: whole-file checks, then the shared CSV reader (stages/common/csv) cuts the bytes
// into records, then each record is checked on its own, the way stages/votes/votes.cpp does.
#include "stages/digest/subscribers.hpp"

#include <algorithm>
#include <cstdio>
#include <unordered_set>

#include "stages/common/csv.hpp"
#include "stages/common/inbox_text.hpp"
#include "stages/normalise/fields/text.hpp"

namespace tv::digest {
namespace {

using inbox_text::is_control;
using inbox_text::next_code_point;
using inbox_text::shown;
using csv::Reader;
using csv::Record;
using csv::trim;
using fields::ascii_lower;

constexpr const char* kColumns[3] = {"email", "name", "status"};
constexpr const char* kHeaderSentence = "a subscribers file starts with the header line email,name,status";

// ---- addresses ------------------------------------------------------------------------------

bool is_atext(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

bool is_ldh(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'; }

// The length of a quoted-string local part at the start of `a` (quotes included), or 0 with
// `why` set. Only printable ASCII inside; a backslash quotes the one printable character after it.
std::size_t quoted_local(std::string_view a, std::string& why) {
  for (std::size_t i = 1; i < a.size(); ++i) {
    if (a[i] == '\\') {
      if (++i == a.size()) break;
      continue;
    }
    if (a[i] == '"') {
      if (i == 1) why = "its quoted local part \"\" is empty";
      return i == 1 ? 0 : i + 1;
    }
  }
  why = "its quoted local part is never closed";
  return 0;
}

std::string local_problem(std::string_view local) {
  if (local.empty()) return "it has nothing before the @ sign";
  if (local.size() > 64) return "its part before the @ is " + std::to_string(local.size()) + " characters; at most 64";
  if (local.front() == '"') return {};  // checked by quoted_local
  if (local.front() == '.' || local.back() == '.') return "its part before the @ starts or ends with a dot";
  if (local.find("..") != std::string_view::npos) return "its part before the @ has two dots in a row";
  for (char c : local) {
    if (c == ' ') return "it holds a space";
    if (c == '(' || c == ')') return "it holds a comment in parentheses";
    if (c == '"') return "it has a double quote inside its part before the @";
    if (c != '.' && !is_atext(c)) return std::string("its part before the @ holds '") + c + "'";
  }
  return {};
}

std::string domain_problem(std::string_view domain) {
  if (domain.empty()) return "it has nothing after the @ sign";
  if (domain.front() == '[') return "its domain is an IP address in brackets; we mail domain names only";
  if (domain.size() > 253) return "its domain is " + std::to_string(domain.size()) + " characters; at most 253";
  std::size_t labels = 0;
  std::string_view last;
  for (std::size_t start = 0;;) {
    const std::size_t dot = domain.find('.', start);
    const std::string_view label = domain.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (label.empty()) return "its domain has an empty label (a dot at the start or end, or two in a row)";
    if (label.size() > 63) return "its domain has a label of " + std::to_string(label.size()) + " characters; at most 63";
    for (char c : label) {
      if (c == ' ') return "it holds a space";
      if (c == '(' || c == ')') return "it holds a comment in parentheses";
      if (!is_ldh(c)) return std::string("its domain holds '") + c + "'; a domain has letters, digits, hyphens and dots";
    }
    if (label.front() == '-' || label.back() == '-') return "a label of its domain starts or ends with a hyphen";
    ++labels;
    last = label;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  if (labels < 2) return "its domain \"" + std::string(domain) + "\" has no dot; write the full domain, like example.com";
  if (std::all_of(last.begin(), last.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return "its domain ends in a number; an IP address is not a mail domain";
  return {};
}

// ---- rows -----------------------------------------------------------------------------------

// Empty when `s` is valid UTF-8 without control characters; else the rest of a sentence.
std::string text_problem(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const long cp = next_code_point(s, i);
    char buf[128];
    if (cp < 0) {
      std::snprintf(buf, sizeof buf, "is not valid UTF-8 (byte 0x%02X); save the file as UTF-8.",
                    static_cast<unsigned>(static_cast<unsigned char>(s[start])));
      return buf;
    }
    if (is_control(cp)) {
      std::snprintf(buf, sizeof buf, "holds a control character (U+%04lX%s); names go into mail headers: retype it.",
                    cp, cp == '\n' || cp == '\r' ? ", a line break" : "");
      return buf;
    }
  }
  return {};
}

void add_error(Parsed& out, int line, std::string message) {
  if (out.errors.size() < kMaxErrors) out.errors.push_back({line, std::move(message)});
  else ++out.errors_left_out;
}

void check(const Record& r, Parsed& out) {
  if (r.unterminated) {
    add_error(out, r.line, "a double quote opened in this row is never closed; close it, and write \"\" for a quote "
                           "inside a field.");
    return;
  }
  if (r.bad_quote()) {
    add_error(out, r.line, "a field of this row holds a double quote outside a quoted field; put the whole field in "
                           "quotes and write \"\" for each quote inside it.");
    return;
  }
  if (r.fields.size() != 3) {
    add_error(out, r.line, "this row has " + std::to_string(r.fields.size()) +
                               (r.fields.size() == 1 ? " field" : " fields") +
                               "; a row has 3: email,name,status (a name with a comma must be in double quotes).");
    return;
  }
  bool bad = false;
  const auto fail = [&](std::string msg) {
    add_error(out, r.line, std::move(msg));
    bad = true;
  };
  Row row;
  row.line = r.line;
  const std::string_view email = trim(r.fields[0].text);
  if (email.empty()) fail("the email is empty; every row needs an address.");
  else if (auto why = address_problem(email); !why.empty())
    fail("the email \"" + shown(email) + "\" is not an address we mail: " + why + ".");
  row.email = std::string(email);

  const std::string_view name = trim(r.fields[1].text);
  if (auto why = text_problem(name); !why.empty()) fail("the name \"" + shown(name) + "\" " + why);
  else if (name.size() > kMaxNameBytes)
    fail("the name is " + std::to_string(name.size()) + " bytes long; it may be at most " +
         std::to_string(kMaxNameBytes) + " bytes.");
  row.name = std::string(name);

  const std::string status = ascii_lower(trim(r.fields[2].text));
  if (status == "subscribed") row.status = Status::subscribed;
  else if (status == "unsubscribed") row.status = Status::unsubscribed;
  else fail("the status is \"" + shown(trim(r.fields[2].text)) + "\"; write subscribed or unsubscribed.");

  if (bad) return;
  row.key = reader_key(email);
  out.rows.push_back(std::move(row));
}

// Empty when the header is exactly email,name,status (trimmed, any case).
std::string header_problem(const Record& r) {
  bool ok = r.fields.size() == 3 && !r.bad_quote();
  for (std::size_t k = 0; ok && k < 3; ++k) ok = ascii_lower(trim(r.fields[k].text)) == kColumns[k];
  if (ok) return {};
  std::string found;
  for (std::size_t k = 0; k < r.fields.size() && found.size() < 200; ++k) found += (k ? "," : "") + std::string(trim(r.fields[k].text));
  return "the header (line " + std::to_string(r.line) + ") reads \"" + shown(found) + "\"; " + kHeaderSentence +
         ", in that order and nothing more.";
}

}  // namespace

std::string_view to_string(Status s) { return s == Status::subscribed ? "subscribed" : "unsubscribed"; }

std::string address_problem(std::string_view a) {
  if (a.size() > 254) return "it is " + std::to_string(a.size()) + " characters long; at most 254";
  for (char ch : a) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) return "it holds non-ASCII characters; internationalised addresses are not mailed (no SMTPUTF8)";
    if (c == '\r' || c == '\n') return "it holds a line break";
    if (c < 0x20 || c == 0x7F) return "it holds a control character";
  }
  std::size_t local_end;
  if (!a.empty() && a.front() == '"') {
    std::string why;
    local_end = quoted_local(a, why);
    if (local_end == 0) return why;
    if (local_end == a.size() || a[local_end] != '@') return "its quoted local part is not followed by the @ sign";
  } else {
    local_end = a.find('@');
    if (local_end == std::string_view::npos) return "it has no @ sign";
  }
  if (auto why = local_problem(a.substr(0, local_end)); !why.empty()) return why;
  return domain_problem(a.substr(local_end + 1));
}

bool valid_address(std::string_view a) { return address_problem(a).empty(); }

Parsed parse_subscribers(std::string_view bytes) {
  Parsed out;
  static constexpr csv::Kind kind{"a subscribers file", "subscribers CSV", "email,name,status", kMaxBytes, "", "",
                                   "check the configured file"};
  csv::read_file(bytes, kind, out, header_problem, [&](const Record& r) { check(r, out); });
  return out;
}

std::string reader_key(std::string_view address) { return ascii_lower(address); }

std::string domain_of(std::string_view address) {
  auto at = address.rfind('@');
  return at == std::string_view::npos ? "" : std::string(address.substr(at + 1));
}

std::vector<Recipient> recipients(const Parsed& p) {
  std::unordered_set<std::string> unsubscribed, seen;
  for (const auto& r : p.rows)
    if (r.status == Status::unsubscribed) unsubscribed.insert(r.key);
  std::vector<Recipient> out;
  for (const auto& r : p.rows) {
    if (r.status != Status::subscribed || unsubscribed.count(r.key) || !seen.insert(r.key).second) continue;
    out.push_back({r.email, r.key, r.name, r.line});
  }
  return out;
}

}  // namespace tv::digest
