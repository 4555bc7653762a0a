// Vendors named in running prose: which organisation a page says made the thing. Only vendors
// of the table (vendor_table.hpp) count, in a few positions ("by X", "from X", "X has
// released", "X's ..."), with the phrases that name someone other than the maker ruled out.
// The rules are in docs/field-parsers.md#vendor.
#include <algorithm>
#include <vector>

#include "stages/normalise/fields/text.hpp"
#include "stages/normalise/fields/vendor.hpp"
#include "stages/normalise/fields/vendor_table.hpp"

namespace tv::fields {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

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

}  // namespace

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

}  // namespace tv::fields
