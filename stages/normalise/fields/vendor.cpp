// Vendors: the alias table of data/vendors.tsv (vendor_table.hpp) maps handles and spellings to
// one canonical organisation name. Policy (see docs/field-parsers.md): labs are folded into the
// company a reader knows (Google DeepMind / DeepMind / Google Research -> "Google"; FAIR / Meta
// AI -> "Meta"; Qwen / Alibaba Cloud -> "Alibaba"); independent organisations keep their own
// names.
#include "stages/normalise/fields/vendor.hpp"

#include <vector>

#include "stages/normalise/fields/text.hpp"
#include "stages/normalise/fields/vendor_table.hpp"

namespace tv::fields {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

std::optional<std::string_view> known_vendor(std::string_view name) {
  const std::string k = vendor_key(name);
  if (k.empty()) return std::nullopt;
  const auto& t = vendor_table().vendor_of;
  if (auto it = t.find(k); it != t.end()) return it->second;
  // "Qwen Team", "Meta AI team"
  if (k.size() > 4 && k.ends_with("team")) {
    if (auto it = t.find(k.substr(0, k.size() - 4)); it != t.end()) return it->second;
  }
  return std::nullopt;
}

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

// --- prose ------------------------------------------------------------------------------------

struct Word {
  std::string text;   // as written, without surrounding punctuation and possessive
  bool possessive;    // "Meta's"
  bool clause_start;  // first word of a sentence or clause
};

std::vector<Word> words_of(std::string_view t) {
  std::vector<Word> out;
  std::size_t i = 0;
  bool boundary = true;
  while (i < t.size()) {
    const char c = t[i];
    if (c == ' ') {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < t.size() && t[j] != ' ') ++j;
    std::string_view w = t.substr(i, j - i);
    i = j;
    bool leading_punct = false;
    while (!w.empty() && !is_alpha(w.front()) && !is_digit(w.front()) &&
           static_cast<unsigned char>(w.front()) < 0x80) {
      leading_punct |= w.front() == '(' || w.front() == '"' || w.front() == '-';
      w.remove_prefix(1);
    }
    bool ends_clause = false;
    while (!w.empty() && !is_alpha(w.back()) && !is_digit(w.back())) {
      const char e = w.back();
      if (e == '.' || e == ',' || e == ';' || e == ':' || e == '!' || e == '?' || e == ')') {
        ends_clause = true;
      }
      // Stop at a multi-byte tail (e.g. the ’ of ’s) handled below.
      if (static_cast<unsigned char>(e) >= 0x80) break;
      w.remove_suffix(1);
    }
    bool poss = false;
    if (w.size() > 2 && (w.ends_with("'s") || w.ends_with("'S"))) {
      poss = true;
      w.remove_suffix(2);
    } else if (w.size() > 4 && w.ends_with("\u2019s")) {
      poss = true;
      w.remove_suffix(4);
    } else if (w.size() > 3 && w.ends_with("\u2019")) {
      w.remove_suffix(3);
    }
    if (w.empty()) {
      boundary = true;
      continue;
    }
    out.push_back(Word{std::string(w), poss, boundary || leading_punct});
    boundary = ends_clause;
  }
  return out;
}

std::string lower_of(std::string_view s) { return ascii_lower(s); }

bool in_list(std::string_view w, std::initializer_list<std::string_view> list) {
  for (auto x : list) {
    if (w == x) return true;
  }
  return false;
}

// Words that make "<word> by X" something other than authorship ("powered by OpenAI",
// "backed by Google", "outperformed by ..."). Anything else ("developed by", "Codestral by",
// "a model by") states who made it.
bool not_authorship_before_by(std::string_view w) {
  return in_list(w, {"powered", "supported", "backed", "funded", "acquired", "used", "trusted",
                     "inspired", "followed", "outperformed", "beaten", "hosted", "served",
                     "loved", "rated", "reviewed", "compared", "surpassed", "matched", "adopted",
                     "integrated", "owned", "invested", "led", "sponsored", "endorsed", "cited",
                     "featured", "mentioned", "recommended", "acquisition", "investment",
                     "replaced", "preceded", "challenged", "threatened", "banned", "blocked",
                     "sued", "licensed", "distributed", "resold", "offered", "provided",
                     "available", "accessible", "run", "operated", "enabled", "driven", "fueled",
                     "bought", "hit", "affected", "caused", "plus",
                     "step", "side", "one", "day", "page", "far", "ranked", "means"});
}

// Words that make "<word> from X" something other than authorship.
bool not_authorship_before_from(std::string_view w) {
  return in_list(w, {"available", "download", "downloaded", "downloadable", "distilled", "derived",
                     "fine-tuned", "finetuned", "based", "adapted", "ported", "converted",
                     "quantized", "quantised", "data", "api", "apis", "access", "accessible",
                     "migrate", "migrating", "switch", "switching", "moved", "weights", "import",
                     "imported", "models", "tools", "content", "apart", "away", "different",
                     "independent", "inspired", "compared", "learned", "borrowed", "forked",
                     "merged", "hosted", "served", "integrations", "integration", "funding",
                     "investment", "backing", "grant", "engineers", "researchers", "alumni",
                     "veterans", "founders", "ex", "former", "graduates", "team", "people"});
}

bool is_release_verb(std::string_view w) {
  return in_list(w, {"released", "releases", "launched", "launches", "introduced", "introduces",
                     "unveiled", "unveils", "announced", "announces", "presents", "debuted",
                     "debuts", "open-sourced", "open-sources", "developed", "develops", "built",
                     "builds", "created", "creates", "trained", "trains", "published", "publishes",
                     "shipped", "ships", "dropped"});
}

bool is_cue_before_possessive(std::string_view w) {
  return in_list(w, {"than", "vs", "versus", "outperforms", "outperform", "beats", "beat", "rivals",
                     "rival", "like", "unlike", "compared", "against", "including", "on", "of",
                     "from", "using", "uses", "use", "with", "via", "based", "powered", "atop",
                     "and", "or", "to", "over", "surpasses", "matches"});
}

struct Found {
  std::string_view vendor;
  int strength = 0;  // 4: "by X"; 3: "X has released"; 2: "from X"; 1: "X's ..."
  std::size_t word = 0;
};

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

std::optional<std::string> vendor_in_prose(std::string_view text) {
  const std::string t = clean_text(text);
  if (t.empty()) return std::nullopt;
  const auto words = words_of(t);
  std::optional<Found> best;
  auto consider = [&](std::string_view vendor, int strength, std::size_t at) {
    if (!best || strength > best->strength || (strength == best->strength && at < best->word)) {
      best = Found{vendor, strength, at};
    }
  };
  for (std::size_t i = 0; i < words.size(); ++i) {
    // The longest known vendor name starting here (up to 4 words, not crossing a clause).
    std::size_t len = 0;
    std::string_view vendor;
    for (std::size_t n = std::min<std::size_t>(4, words.size() - i); n >= 1; --n) {
      bool crosses = false;
      std::string phrase;
      for (std::size_t k = i; k < i + n; ++k) {
        if (k > i && words[k].clause_start) crosses = true;
        if (k + 1 < i + n && words[k].possessive) crosses = true;
        if (k > i) phrase.push_back(' ');
        phrase += words[k].text;
      }
      if (crosses) continue;
      const std::string k = vendor_key(phrase);
      if (vendor_table().not_in_prose.contains(k)) continue;
      // Names, not words: capitalised ("Google"), or a handle with capitals/digits/hyphens
      // in it ("xAI", "01.AI", "meta-llama").
      const char first = words[i].text[0];
      bool name_like = is_upper(first) || is_digit(first);
      if (!name_like) {
        for (char c : phrase) name_like |= is_upper(c) || c == '-';
      }
      if (!name_like) continue;
      if (auto v = known_vendor(phrase)) {
        len = n;
        vendor = *v;
        break;
      }
    }
    if (len == 0) continue;
    const Word& last = words[i + len - 1];
    const std::string prev = i > 0 && !words[i].clause_start ? lower_of(words[i - 1].text) : "";
    const std::string prev2 =
        i > 1 && !words[i].clause_start && !words[i - 1].clause_start ? lower_of(words[i - 2].text) : "";
    // (a) "developed by X", "a model by X"
    if (prev == "by" && !last.possessive && !not_authorship_before_by(prev2)) consider(vendor, 4, i);
    // (b) "from X" (not "from X's", not "available from X")
    if (prev == "from" && !last.possessive && !not_authorship_before_from(prev2)) {
      consider(vendor, 2, i);
    }
    // (c) "X has released", "X launched" at the start of a clause
    if (!last.possessive && (words[i].clause_start || prev == "today" || prev == "and")) {
      std::size_t v = i + len;
      if (v < words.size() && !words[v].clause_start) {
        std::string w = lower_of(words[v].text);
        if ((w == "has" || w == "have" || w == "just" || w == "recently" || w == "today") &&
            v + 1 < words.size() && !words[v + 1].clause_start) {
          w = lower_of(words[v + 1].text);
        }
        if (is_release_verb(w)) consider(vendor, 3, i);
      }
    }
    // (d) "Meta's open-source code models", "SmolVLM is Hugging Face's compact model"
    if (last.possessive && (words[i].clause_start || prev == "is" || prev == "are" ||
                            prev == "was" || prev == "as" || prev == "meet" ||
                            prev == "introducing") &&
        !is_cue_before_possessive(prev)) {
      consider(vendor, 1, i);
    }
    i += len - 1;
  }
  if (!best) return std::nullopt;
  return std::string(best->vendor);
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
