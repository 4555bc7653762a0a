// Vendors: the alias table of data/vendors.tsv (vendor_table.hpp) maps handles and spellings to
// one canonical organisation name. Policy (see docs/field-parsers.md): labs are folded into the
// company a reader knows (Google DeepMind / DeepMind / Google Research -> "Google"; FAIR / Meta
// AI -> "Meta"; Qwen / Alibaba Cloud -> "Alibaba"); independent organisations keep their own
// names. Re-uploads are read from the model name's family. Prose is in vendor_prose.cpp.
#include "stages/normalise/fields/vendor.hpp"

#include <vector>

#include "stages/normalise/fields/text.hpp"
#include "stages/normalise/fields/vendor_table.hpp"

namespace tv::fields {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '"' || s.front() == '\'' || s.front() == '@')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == ';' || s.back() == '"' ||
                        s.back() == '\'' || s.back() == ':')) {
    s.remove_suffix(1);
  }
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (is_upper(x)) x = static_cast<char>(x - 'A' + 'a');
    if (is_upper(y)) y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// Removes trailing corporate suffixes: "Hugging Face, Inc." -> "Hugging Face".
std::string_view strip_corporate(std::string_view s) {
  static constexpr std::string_view kSuffixes[] = {
      "Inc.", "Inc", "Incorporated", "LLC", "L.L.C.", "Ltd.", "Ltd", "Limited", "GmbH",
      "Corp.", "Corp", "Corporation", "Co.", "PBC", "S.A.", "SAS", "S.A.S.", "AG", "B.V.",
      "BV", "plc", "LLP", "Pty", "Pte.", "Pte", "K.K.", "Oy", "S.r.l.", "SRL", "S.p.A.",
      "SpA", "SARL", "Sdn Bhd", "Co", "A/S", "ApS"};
  for (bool changed = true; changed;) {
    changed = false;
    s = trim(s);
    for (auto suf : kSuffixes) {
      if (s.size() > suf.size() + 1 && iequals(s.substr(s.size() - suf.size()), suf)) {
        const char before = s[s.size() - suf.size() - 1];
        if (before == ' ' || before == ',') {
          s = trim(s.substr(0, s.size() - suf.size()));
          changed = true;
          break;
        }
      }
    }
  }
  return s;
}

// --- re-uploads --------------------------------------------------------------------------

std::string_view hub_org(std::string_view org) {
  org = trim(org);
  if (const auto slash = org.find('/'); slash != std::string_view::npos) org = org.substr(0, slash);
  return org;
}

bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }

char lower_ascii(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// Whether `name` starts with the family whose key is `key`, the name's punctuation skipped
// ("Code-Llama-7b" has "codellama") and followed by a boundary: the end, a non-letter
// ("Qwen2.5", "Llama-3") or a capital after a small letter ("HunyuanVideo"); so "Phind" is not
// "Phi" and "GPT-NeoX" is not "GPT-Neo".
bool starts_with_family(std::string_view name, std::string_view key) {
  std::size_t i = 0;
  for (std::size_t k = 0; k < key.size(); ++i) {
    if (i == name.size()) return false;
    if (!is_alnum(name[i])) {
      if (k == 0) return false;
      continue;
    }
    if (lower_ascii(name[i]) != key[k]) return false;
    ++k;
  }
  if (i == name.size() || !is_alpha(name[i])) return true;
  return is_upper(name[i]) && !is_upper(name[i - 1]);
}

}  // namespace

std::string canonical_vendor(std::string_view raw) {
  const std::string t = clean_text(raw);
  std::string_view s = trim(t);
  if (s.empty()) return {};
  // A model id "meta-llama/Llama-3.2-1B": the organisation is the first path segment.
  if (const auto slash = s.find('/'); slash != std::string_view::npos && slash > 0 &&
                                      s.find(' ') == std::string_view::npos &&
                                      s.find('/', slash + 1) == std::string_view::npos) {
    s = s.substr(0, slash);
  }
  const std::string_view stripped = strip_corporate(s);
  if (auto v = known_vendor(stripped)) return std::string(*v);
  // "Z.ai (Zhipu AI)", "Google DeepMind (UK)": the part outside, then inside, the brackets.
  if (const auto open = stripped.find('('); open != std::string_view::npos) {
    const auto close = stripped.find(')', open);
    if (close != std::string_view::npos) {
      if (auto v = known_vendor(stripped.substr(0, open))) return std::string(*v);
      if (auto v = known_vendor(stripped.substr(open + 1, close - open - 1))) return std::string(*v);
    }
  }
  // "Google DeepMind, Google Research": a list of organisations, the first known one.
  if (const auto comma = stripped.find(','); comma != std::string_view::npos) {
    if (auto v = known_vendor(strip_corporate(stripped.substr(0, comma)))) return std::string(*v);
  }
  if (stripped.empty()) return std::string(s);
  return std::string(stripped);
}

bool is_reuploader(std::string_view org) {
  return vendor_table().reuploaders.contains(vendor_key(hub_org(org)));
}

std::optional<std::string> maker_of_reupload(std::string_view org, std::string_view model_name) {
  if (!is_reuploader(org)) return std::nullopt;
  std::string_view name = trim(model_name);
  if (const auto slash = name.rfind('/'); slash != std::string_view::npos) name.remove_prefix(slash + 1);
  // bartowski's "Qwen_QwQ-32B-GGUF", "mistralai_Mistral-Small-24B-Instruct-2501-GGUF".
  if (const auto under = name.find('_'); under != std::string_view::npos && under > 0) {
    if (auto v = known_vendor(name.substr(0, under))) return std::string(*v);
  }
  for (const auto& f : vendor_table().families) {  // longest first
    if (starts_with_family(name, f.key)) return f.maker;
  }
  return std::nullopt;
}

}  // namespace tv::fields
