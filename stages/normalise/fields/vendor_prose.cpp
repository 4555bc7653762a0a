// Vendors named in running prose: which organisation a page says made the thing. Only vendors
// of the table (vendor_table.hpp) count, in a few positions ("by X", "from X", "X has
// released", "X's ..." and their German, French and Spanish equivalents), with the phrases that
// name someone other than the maker ruled out. The word lists are code, not data: each one is
// a rule of a language's grammar more than a fact about vendors. The rules are in
// docs/field-parsers.md#vendor.
#include <algorithm>
#include <utility>
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
    // French elision: "d'OpenAI" is "de OpenAI", "l'entreprise" is "l' entreprise".
    if (w.size() > 2 && (w[0] == 'd' || w[0] == 'D' || w[0] == 'l' || w[0] == 'L')) {
      const std::size_t mark = w[1] == '\'' ? 1 : (w.substr(1).starts_with("\u2019") ? 3 : 0);
      if (mark != 0 && w.size() > 1 + mark && std::string_view(" '-").find(w[1 + mark]) == std::string_view::npos) {
        out.push_back(Word{(w[0] == 'd' || w[0] == 'D') ? "de" : "l'", false, boundary || leading_punct});
        boundary = false;
        leading_punct = false;
        w.remove_prefix(1 + mark);
      }
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

// Lower case, also for the capitals of Latin-1 written in UTF-8 ("Développé", "Übernommen").
std::string lower_of(std::string_view s) {
  std::string out = ascii_lower(s);
  for (std::size_t i = 0; i + 1 < out.size(); ++i) {
    if (static_cast<unsigned char>(out[i]) != 0xC3) continue;
    const auto c = static_cast<unsigned char>(out[i + 1]);
    if (c >= 0x80 && c <= 0x9E && c != 0x97) out[i + 1] = static_cast<char>(c + 0x20);
    ++i;
  }
  return out;
}

bool in_list(std::string_view w, std::initializer_list<std::string_view> list) {
  for (auto x : list) {
    if (w == x) return true;
  }
  return false;
}

// French and Spanish participles agree with their noun: "développée", "conçus", "creada",
// "construite" are looked up as "développé", "conçu", "creado", "construit".
std::string masculine_of(std::string_view w) {
  auto ends = [&](std::string_view e) { return w.size() > e.size() + 1 && w.ends_with(e); };
  auto swap = [&](std::size_t n, std::string_view by) { return std::string(w.substr(0, w.size() - n)) + std::string(by); };
  if (ends("\u00e9es")) return swap(2, "");
  if (ends("\u00e9e") || ends("\u00e9s")) return swap(1, "");
  if (ends("ados") || ends("adas")) return swap(2, "o");
  if (ends("idos") || ends("idas")) return swap(2, "o");
  if (ends("ada") || ends("ida")) return swap(1, "o");
  if (ends("ues") || ends("ises") || ends("ites")) return swap(2, "");
  if (ends("ue") || ends("us") || ends("ise") || ends("ite")) return swap(1, "");
  return std::string(w);
}

bool in_either(std::string_view w, std::initializer_list<std::string_view> list) {
  return in_list(w, list) || in_list(masculine_of(w), list);
}

// Words that say who made something when a preposition naming a party follows: "developed by",
// "entwickelt von", "stammt von", "développé par", "mis au point par", "desarrollado por". They
// win over the negatives and the derivation cues below ("based on Llama 3, developed by ...").
bool is_authorship_verb(std::string_view w) {
  return in_either(w, {"developed", "created", "built", "made", "trained", "designed", "released",
                       "published", "launched", "fine-tuned", "finetuned", "engineered", "authored",
                       "maintained", "introduced", "open-sourced", "produced",
                       // German
                       "entwickelt", "erstellt", "trainiert", "veröffentlicht", "entworfen",
                       "gebaut", "programmiert", "herausgegeben", "geschaffen", "erschaffen",
                       "konzipiert", "hergestellt", "vorgestellt", "stammt", "stammen",
                       // French
                       "développé", "conçu", "créé", "entraîné", "publié", "lancé", "réalisé",
                       "fabriqué", "point", "imaginé", "construit", "élaboré", "présenté", "dévoilé",
                       // Spanish
                       "desarrollado", "creado", "entrenado", "diseñado", "publicado", "lanzado",
                       "hecho", "hecha", "construido", "fabricado", "producido", "presentado",
                       "elaborado", "ideado", "concebido"});
}

// Words that make "<word> by X" something other than authorship ("powered by OpenAI",
// "backed by Google", "outperformed by ...", "propulsé par", "impulsado por", "unterstützt
// von"). Anything else ("developed by", "Codestral by", "a model by") states who made it.
bool not_authorship_before_by(std::string_view w) {
  return in_either(w, {"powered", "supported", "backed", "funded", "acquired", "used", "trusted",
                     "inspired", "followed", "outperformed", "beaten", "hosted", "served",
                     "loved", "rated", "reviewed", "compared", "surpassed", "matched", "adopted",
                     "integrated", "owned", "invested", "led", "sponsored", "endorsed", "cited",
                     "featured", "mentioned", "recommended", "acquisition", "investment",
                     "replaced", "preceded", "challenged", "threatened", "banned", "blocked",
                     "sued", "licensed", "distributed", "resold", "offered", "provided",
                     "available", "accessible", "run", "operated", "enabled", "driven", "fueled",
                     "bought", "hit", "affected", "caused", "plus",
                     "step", "side", "one", "day", "page", "far", "ranked", "means",
                     // German ("von" is both "by" and "from": see not_authorship_before_from)
                     "unterstützt", "angetrieben", "betrieben", "finanziert", "übernommen",
                     "gekauft", "verwendet", "genutzt", "benutzt", "gehostet", "bereitgestellt",
                     "angeboten", "vertrieben", "lizenziert", "empfohlen", "inspiriert",
                     "übertroffen", "geschlagen", "ersetzt", "gefördert", "gesponsert",
                     "geleitet", "investiert", "integriert", "zitiert", "erwähnt", "bewertet",
                     // French
                     "propulsé", "alimenté", "soutenu", "financé", "racheté", "acquis", "utilisé",
                     "hébergé", "distribué", "surpassé", "dépassé", "battu", "inspiré",
                     "recommandé", "approuvé", "sponsorisé", "fourni", "remplacé", "motorisé",
                     "offert", "cité", "mentionné", "noté", "évalué", "classé", "adopté",
                     "intégré", "détenu", "dirigé", "piloté", "exploité", "rendu",
                     // Spanish
                     "impulsado", "potenciado", "respaldado", "financiado", "adquirido",
                     "comprado", "usado", "utilizado", "alojado", "distribuido", "superado",
                     "inspirado", "recomendado", "patrocinado", "ofrecido", "proporcionado",
                     "reemplazado", "apoyado", "avalado", "liderado", "citado", "mencionado",
                     "valorado", "clasificado", "adoptado", "integrado", "operado", "habilitado"});
}

// Words that make "<word> from X" (and "de X", "von X") something other than authorship:
// "available from", "models from", "la API de OpenAI", "Zugriff auf Modelle von OpenAI".
bool not_authorship_before_from(std::string_view w) {
  return in_either(w, {"available", "download", "downloaded", "downloadable", "distilled", "derived",
                     "fine-tuned", "finetuned", "based", "adapted", "ported", "converted",
                     "quantized", "quantised", "data", "api", "apis", "access", "accessible",
                     "migrate", "migrating", "switch", "switching", "moved", "weights", "import",
                     "imported", "models", "tools", "content", "apart", "away", "different",
                     "independent", "inspired", "compared", "learned", "borrowed", "forked",
                     "merged", "hosted", "served", "integrations", "integration", "funding",
                     "investment", "backing", "grant", "engineers", "researchers", "alumni",
                     "veterans", "founders", "ex", "former", "graduates", "team", "people",
                     "ceo", "cto", "cofounder", "co-founder",
                     // German
                     "modelle", "modellen", "tools", "werkzeuge", "apis", "zugriff", "download",
                     "herunterladen", "daten", "gewichte", "version", "versionen", "quantisiert",
                     "quantisierte", "destilliert", "portiert", "konvertiert", "abgeleitet",
                     "feinabgestimmt", "feinabgestimmte", "nachfolger", "konkurrent", "konkurrenz",
                     "alternative", "gründer", "mitgründer", "mitarbeiter", "ehemalige",
                     "ehemaliger", "investition", "übernahme", "produkte", "dienste", "basis",
                     "unabhängig", "abseits", "weg", "wechsel", "umstieg", "migration", "chef",
                     "chefin", "sprecher", "sprecherin", "forscher", "team",
                     // French
                     "disponible", "disponibles", "téléchargé", "télécharger", "téléchargez",
                     "téléchargement", "dérivé", "distillé", "adapté", "porté", "converti",
                     "quantifié", "quantisé", "affiné", "modèles", "outils", "accès", "données",
                     "poids", "inspiré", "migrer", "passer", "concurrent", "rival", "anciens",
                     "ancien", "fondateur", "fondateurs", "ingénieurs", "chercheurs",
                     "investissement", "financement", "rachat", "produits", "services",
                     "versions", "ceux", "celui", "celle", "celles", "partir", "lieu", "près",
                     "plus", "moins", "loin", "indépendant", "pdg", "patron", "équipe", "équipes",
                     // Spanish
                     "descargado", "descargar", "descargue", "descarga", "derivado", "destilado",
                     "adaptado", "convertido", "cuantizado", "modelos", "herramientas", "acceso",
                     "datos", "pesos", "competidor", "alternativa", "exempleados", "fundador",
                     "fundadores", "ingenieros", "investigadores", "inversión", "financiación",
                     "adquisición", "compra", "productos", "servicios", "versión", "versiones",
                     "los", "las", "lugar", "cerca", "más", "menos", "lejos", "independiente",
                     "migrar", "cambiar", "propiedad", "director", "directora", "equipo"});
}

// Two words after which, up to the end of the clause, "by/from/von/de/par/por X" names the
// maker of what the thing is built on, not of the thing: "based on Llama from Meta", "basiert
// auf Llama von Meta", "basé sur Mistral 7B de Mistral AI", "basado en Llama de Meta", "an
// alternative to ChatGPT from OpenAI".
bool is_derivation_cue(std::string_view first, std::string_view second) {
  static constexpr std::pair<std::string_view, std::string_view> kCues[] = {
      {"based", "on"}, {"alternative", "to"}, {"compared", "to"}, {"compared", "with"},
      {"similar", "to"}, {"basiert", "auf"}, {"basierend", "auf"}, {"aufbauend", "auf"},
      {"beruht", "auf"}, {"alternative", "zu"}, {"verglichen", "mit"}, {"basé", "sur"},
      {"fondé", "sur"}, {"repose", "sur"}, {"partir", "de"}, {"alternative", "à"},
      {"comparé", "à"}, {"rapport", "à"}, {"basado", "en"}, {"alternativa", "a"},
      {"comparado", "con"}, {"similar", "a"}};
  const std::string m = masculine_of(first);
  for (const auto& [a, b] : kCues) {
    if (second == b && (first == a || m == a)) return true;
  }
  return false;
}

enum class Prep { none, agent, source, either };

// "by", "par", "por" name the agent of a passive; "from", "de" ("d'"), "du", "del" a source;
// German "von"/"vom" either.
Prep preposition(std::string_view w) {
  if (w == "by" || w == "par" || w == "por") return Prep::agent;
  if (w == "from" || w == "de" || w == "du" || w == "del") return Prep::source;
  if (w == "von" || w == "vom") return Prep::either;
  return Prep::none;
}

// "de la société Mistral AI", "von der Firma X", "aus dem Hause Google", "de la empresa X":
// a company noun, with its article, between the preposition and the name.
bool is_company_noun(std::string_view w) {
  return in_list(w, {"company", "startup", "start-up", "lab", "firm", "firma", "unternehmen",
                     "hause", "konzern", "société", "entreprise", "firme", "compagnie",
                     "laboratoire", "empresa", "compañía", "compania", "laboratorio"});
}

bool is_article(std::string_view w) {
  return in_list(w, {"the", "der", "dem", "den", "die", "la", "le", "l'", "el", "les", "los", "las"});
}

bool is_release_verb(std::string_view w) {
  return in_list(w, {"released", "releases", "launched", "launches", "introduced", "introduces",
                     "unveiled", "unveils", "announced", "announces", "presents", "debuted",
                     "debuts", "open-sourced", "open-sources", "developed", "develops", "built",
                     "builds", "created", "creates", "trained", "trains", "published", "publishes",
                     "shipped", "ships", "dropped",
                     // German, French, Spanish: "Mistral AI veröffentlicht", "Mistral AI a
                     // lancé", "Meta lanza", "Google ha presentado"
                     "veröffentlicht", "präsentiert", "stellt", "lanciert", "kündigt", "bringt",
                     "lance", "lancé", "dévoile", "dévoilé", "présente", "présenté", "publie",
                     "publié", "annonce", "annoncé", "sort", "lanza", "lanzó", "lanzado",
                     "presenta", "presentó", "presentado", "publica", "publicó", "publicado",
                     "anuncia", "anunció", "anunciado"});
}

// Between a name and its release verb: "Meta has released", "Mistral AI a lancé", "Meta ha
// lanzado".
bool is_auxiliary(std::string_view w) {
  return in_list(w, {"has", "have", "just", "recently", "today", "hat", "a", "ha", "heute", "hoy"});
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

// The preposition before the name at `i`, a company noun and its article skipped.
struct Cue {
  Prep kind = Prep::none;
  std::size_t at = 0;  // the preposition's index
  std::string before;  // the word before it, lower-cased; "" at a clause start
};

Cue preposition_before(const std::vector<Word>& words, std::size_t i) {
  if (i == 0 || words[i].clause_start) return {};
  std::size_t k = i - 1;  // candidate preposition
  bool company = false;
  if (is_company_noun(lower_of(words[k].text)) && k > 0 && !words[k].clause_start) {
    company = true;
    --k;
    if (is_article(lower_of(words[k].text)) && k > 0 && !words[k].clause_start) --k;
  }
  const std::string w = lower_of(words[k].text);
  Cue cue{preposition(w), k, ""};
  if (cue.kind == Prep::none && company && w == "aus") cue.kind = Prep::source;  // "aus dem Hause"
  if (cue.kind == Prep::none) return {};
  if (k > 0 && !words[k].clause_start) cue.before = lower_of(words[k - 1].text);
  return cue;
}

}  // namespace

std::optional<std::string> vendor_in_prose(std::string_view text) {
  const std::string t = clean_text(text);
  if (t.empty()) return std::nullopt;
  const auto words = words_of(t);
  // derived[k]: a derivation cue ("based on", "basé sur") comes before word k in its clause.
  std::vector<bool> derived(words.size(), false);
  for (std::size_t k = 1, active = 0; k < words.size(); ++k) {
    if (words[k].clause_start) active = 0;
    derived[k] = active != 0;
    if (!words[k].clause_start && is_derivation_cue(lower_of(words[k - 1].text), lower_of(words[k].text))) active = 1;
  }
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
    // (a) "developed by X", "a model by X", "entwickelt von X", "développé par X", "creado por
    // X"; (b) "from X", "de la société X", "un modelo de X" (not "from X's", not "available
    // from X", not after "based on ...").
    if (const auto cue = preposition_before(words, i); cue.kind != Prep::none && !last.possessive) {
      const bool negated = cue.kind == Prep::agent    ? not_authorship_before_by(cue.before)
                           : cue.kind == Prep::source ? not_authorship_before_from(cue.before)
                                                      : not_authorship_before_by(cue.before) ||
                                                            not_authorship_before_from(cue.before);
      if (cue.kind != Prep::source && is_authorship_verb(cue.before)) {
        consider(vendor, 4, i);
      } else if (!negated && !derived[cue.at]) {
        consider(vendor, cue.kind == Prep::agent ? 4 : 2, i);
      }
    }
    // (c) "X has released", "X launched", "Mistral AI a lancé" at the start of a clause
    if (!last.possessive && (words[i].clause_start || in_list(prev, {"today", "heute", "hoy", "and", "und", "et", "y"}))) {
      std::size_t v = i + len;
      if (v < words.size() && !words[v].clause_start) {
        std::string w = lower_of(words[v].text);
        if (is_auxiliary(w) && v + 1 < words.size() && !words[v + 1].clause_start) {
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
