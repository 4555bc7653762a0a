// Site categories. A scraped category (schema.org applicationCategory, a directory tag, a
// breadcrumb, the site's own name) is keyed (lower-case, letters and digits only, "&" as "and")
// and looked up; unknown ones come back title-cased.
#include "stages/normalise/fields/category.hpp"

#include <optional>
#include <unordered_map>
#include <vector>

#include "stages/normalise/fields/text.hpp"

namespace tv::fields {
namespace {

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
char lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

struct CategoryEntry {
  std::string_view category;  // "" = a tag that names no category ("free ai tools")
  std::initializer_list<std::string_view> keys;
};

// Keys are compact: lower-case letters and digits, "&" spelt "and" ("audioandvideo").
const CategoryEntry kCategories[] = {
    {"Developer Tools", {"developertools", "developerapplication", "developer", "developers",
                         "codeassistant", "codeassistants", "coding", "code", "codingassistant",
                         "devtools", "programming", "github", "driverapplication", "api", "apis",
                         "developertool", "softwaredevelopment", "llmops", "mlops"}},
    {"Writing", {"writing", "generalwriting", "copywriting", "writinggenerators", "writinggenerator",
                 "writingassistant", "paraphraser", "paraphrasing", "storyteller", "storytelling",
                 "contentwriting", "aiwriting", "writer", "rewriter", "grammar"}},
    {"Image Generation", {"imagegeneration", "imagegenerator", "imagegenerators", "texttoimage",
                          "art", "aiart", "artgenerator", "portraitgenerators", "cartoongenerators",
                          "imagetoimage", "photogeneration"}},
    {"Image Editing", {"imageediting", "photoediting", "photoshop", "photoeditor", "imageeditor",
                       "backgroundremover", "imageenhancer", "imageupscaler"}},
    {"Video", {"video", "videogenerator", "videogenerators", "videoediting", "videoeditor",
               "texttovideo", "videoenhancer", "personalizedvideos", "videogeneration",
               "videocreation"}},
    {"Audio & Video", {"audioandvideo", "multimediaapplication", "multimedia", "audio", "music",
                       "musicgenerator", "texttospeech", "audioediting", "voice", "voicegenerator",
                       "speech", "podcasting", "podcast", "voicecloning", "audiogeneration"}},
    {"Chatbots", {"chatbots", "chatbot", "aichatbots", "aichatbot", "chat", "conversationalai"}},
    {"Productivity", {"productivity", "productivityapplication", "summarizer", "summarizers",
                      "summarization", "presentations", "presentation", "utilitiesapplication",
                      "desktopenhancementapplication", "browserapplication", "notes",
                      "notetaking", "knowledgemanagement", "memory"}},
    {"Meetings & Transcription", {"meetingsandtranscription", "meetingassistant", "meetings",
                                  "meeting", "transcription", "transcriber", "meetingnotes",
                                  "notetaker", "speechtotext"}},
    {"Marketing", {"marketing", "seo", "advertising", "ads", "emailmarketing", "contentmarketing",
                   "digitalmarketing"}},
    {"Social Media", {"socialmedia", "socialmediaassistant", "socialnetworkingapplication",
                      "socialnetworking"}},
    {"Sales", {"sales", "salesassistant", "leadgeneration", "crm"}},
    {"Customer Support", {"customersupport", "customerservice", "support", "helpdesk"}},
    {"Business", {"business", "businessapplication", "startuptools", "startup", "startups",
                  "enterprise", "operations"}},
    {"Design", {"design", "designapplication", "designassistant", "designgenerators",
                "designgenerator", "logogenerator", "logodesign", "uidesign", "uxdesign",
                "graphicdesign"}},
    {"Education", {"education", "educationalapplication", "educationapplication",
                   "educationassistant", "learning", "elearning", "studying", "tutoring"}},
    {"Research", {"research", "referenceapplication", "researchassistant", "science"}},
    {"Finance", {"finance", "financeapplication", "stocktrading", "trading", "accounting",
                 "investing", "fintech"}},
    {"Healthcare", {"healthcare", "health", "healthapplication", "medicalapplication",
                    "medical", "fitness", "healthandfitnessapplication", "wellness"}},
    {"Legal", {"legal", "legalassistant", "law"}},
    {"Human Resources", {"humanresources", "hr", "recruiting", "recruitment", "hiring"}},
    {"E-commerce", {"ecommerce", "shopping", "shoppingapplication", "retail"}},
    {"Search", {"search", "searchengine", "searchengines"}},
    {"Personal Assistant", {"personalassistant", "lifeassistant", "personalassistants",
                            "lifestyleassistant"}},
    {"No-Code", {"nocode", "lowcodenocode", "lowcode", "nocodelowcode", "websitebuilders",
                 "websitebuilder"}},
    {"Automation", {"automation", "workflows", "workflow", "workflowautomation", "agents",
                    "aiagents"}},
    {"Data & Analytics", {"dataandanalytics", "data", "analytics", "spreadsheets", "spreadsheet",
                          "sql", "dataanalysis", "businessintelligence"}},
    {"Fun & Games", {"funandgames", "funtools", "fun", "gaming", "games", "gameapplication",
                     "entertainment", "entertainmentapplication"}},
    {"Prompts", {"prompts", "promptgenerators", "promptgenerator", "promptengineering"}},
    {"3D", {"3d", "3dmodeling", "3dgeneration"}},
    {"Email", {"email", "emailassistant"}},
    {"Security", {"security", "securityapplication", "cybersecurity"}},
    {"Travel", {"travel", "travelapplication"}},
    {"Lifestyle", {"lifestyle", "lifestyleapplication", "homeapplication"}},
    {"Communication", {"communication", "communicationapplication"}},
    {"", {"aitools", "generativeaitools", "freeaitools", "tools", "tool", "other", "others",
          "misc", "miscellaneous", "uncategorized", "uncategorised", "general", "all",
          "alltools", "home", "ai", "new", "featured", "popular", "trending", "softwareapplication",
          "webapplication", "mobileapplication", "application", "applications", "apps"}},
};

const std::unordered_map<std::string, std::string_view>& category_table() {
  static const std::unordered_map<std::string, std::string_view> table = [] {
    std::unordered_map<std::string, std::string_view> t;
    for (const auto& e : kCategories) {
      for (auto k : e.keys) t.emplace(std::string(k), e.category);
    }
    return t;
  }();
  return table;
}

// Words of a segment (ASCII letters/digits; "&" becomes "and"; CamelCase is split).
std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(std::move(cur));
    cur.clear();
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '&') {
      flush();
      out.push_back("and");
    } else if (is_alpha(c) || is_digit(c)) {
      // "DeveloperApplication" -> "Developer" "Application"
      if (is_upper(c) && !cur.empty() && !is_upper(cur.back()) && !is_digit(cur.back())) flush();
      cur.push_back(c);
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      cur.push_back(c);
    } else {
      flush();
    }
  }
  flush();
  return out;
}

std::string compact_key(const std::vector<std::string>& words) {
  std::string k;
  for (const auto& w : words) {
    for (char c : w) k.push_back(lower(c));
  }
  return k;
}

std::optional<std::string_view> lookup(const std::vector<std::string>& words) {
  if (words.empty()) return std::nullopt;
  const auto& t = category_table();
  const std::string k = compact_key(words);
  if (auto it = t.find(k); it != t.end()) return it->second;
  // Without "AI" / "tools" / "apps" padding: "AI writing tools" -> "writing".
  std::vector<std::string> core;
  for (const auto& w : words) {
    const std::string l = ascii_lower(w);
    if (l == "ai" || l == "tools" || l == "tool" || l == "apps" || l == "app" || l == "software") continue;
    core.push_back(l);
  }
  if (!core.empty() && core.size() != words.size()) {
    if (auto it = t.find(compact_key(core)); it != t.end()) return it->second;
  }
  // A plural the table does not list: "image editors" -> "imageeditor".
  if (!core.empty() && core.back().size() > 3 && core.back().back() == 's') {
    core.back().pop_back();
    if (auto it = t.find(compact_key(core)); it != t.end()) return it->second;
  }
  return std::nullopt;
}

bool is_acronym(std::string_view lower_word, std::string& out) {
  static constexpr std::pair<std::string_view, std::string_view> kAcronyms[] = {
      {"ai", "AI"},   {"seo", "SEO"}, {"sql", "SQL"}, {"hr", "HR"},   {"api", "API"},
      {"llm", "LLM"}, {"3d", "3D"},   {"crm", "CRM"}, {"ui", "UI"},   {"ux", "UX"},
      {"pdf", "PDF"}, {"nft", "NFT"}, {"b2b", "B2B"}, {"saas", "SaaS"}, {"iot", "IoT"},
      {"ml", "ML"},   {"nlp", "NLP"}, {"ocr", "OCR"}, {"tts", "TTS"}, {"gpt", "GPT"},
      {"vr", "VR"},   {"2d", "2D"},   {"faq", "FAQ"}, {"erp", "ERP"}, {"qa", "QA"}};
  for (const auto& [k, v] : kAcronyms) {
    if (lower_word == k) {
      out = std::string(v);
      return true;
    }
  }
  return false;
}

// "image editors" -> "Image Editors"; "ai detection" -> "AI Detection"; keeps "iPhone".
std::string title_case(std::string_view segment) {
  std::string out;
  std::size_t i = 0;
  bool first_word = true;
  while (i < segment.size()) {
    if (segment[i] == ' ') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < segment.size() && segment[j] != ' ') ++j;
    std::string word(segment.substr(i, j - i));
    i = j;
    const std::string lw = ascii_lower(word);
    std::string acronym;
    bool has_inner_upper = false, all_upper = true;
    for (std::size_t k = 0; k < word.size(); ++k) {
      if (is_upper(word[k]) && k > 0) has_inner_upper = true;
      if (is_alpha(word[k]) && !is_upper(word[k])) all_upper = false;
    }
    if (is_acronym(lw, acronym)) {
      out += acronym;
    } else if (!first_word && (lw == "and" || lw == "or" || lw == "of" || lw == "for" ||
                               lw == "the" || lw == "to" || lw == "in" || lw == "on" ||
                               lw == "a" || lw == "an" || lw == "with")) {
      out += lw;
    } else if (has_inner_upper && !all_upper) {
      out += word;  // "iPhone", "GitHub"
    } else if (all_upper && word.size() <= 3) {
      out += word;  // "CRM", "B2C"
    } else {
      std::string w = lw;
      if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 'a' + 'A');
      out += w;
    }
    first_word = false;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Splits a breadcrumb or a tag list into segments: "Home › Developer Tools › X",
// "image generator, image to image", "Tools / Writing".
std::vector<std::string> segments_of(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    std::size_t b = 0, e = cur.size();
    while (b < e && cur[b] == ' ') ++b;
    while (e > b && cur[e - 1] == ' ') --e;
    if (e > b) out.push_back(cur.substr(b, e - b));
    cur.clear();
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '>' || c == '|' || c == ',' || c == ';') {
      flush();
      continue;
    }
    if (c == '/' && i > 0 && i + 1 < s.size() && s[i - 1] == ' ' && s[i + 1] == ' ') {
      flush();
      continue;
    }
    // U+203A › , U+00BB » , U+2192 →
    if (s.substr(i, 3) == "\u203a" || s.substr(i, 3) == "\u2192") {
      flush();
      i += 2;
      continue;
    }
    if (s.substr(i, 2) == "\u00bb") {
      flush();
      i += 1;
      continue;
    }
    cur.push_back(c);
  }
  flush();
  return out;
}

}  // namespace

std::string canonical_category(std::string_view raw) {
  std::string t = clean_text(raw);
  if (t.empty()) return {};
  // "https://schema.org/DeveloperApplication"
  for (std::string_view prefix : {"https://schema.org/", "http://schema.org/", "schema:"}) {
    if (t.size() > prefix.size() && ascii_lower(t.substr(0, prefix.size())) == prefix) {
      t = t.substr(prefix.size());
      break;
    }
  }
  const auto segments = segments_of(t);
  if (segments.empty()) return {};
  // Known categories win, from the most specific (last) segment back, so a trail that ends in
  // the tool's own name still finds its category.
  bool all_generic = true;
  for (auto it = segments.rbegin(); it != segments.rend(); ++it) {
    if (auto c = lookup(words_of(*it))) {
      if (!c->empty()) return std::string(*c);
    } else {
      all_generic = false;
    }
  }
  if (all_generic) return {};
  // Unknown: the first segment that is not generic ("Home", "AI Tools"), title-cased. A
  // schema.org-style "PhotographyApplication" loses its "Application".
  for (const auto& seg : segments) {
    if (lookup(words_of(seg))) continue;
    auto words = words_of(seg);
    if (words.size() > 1 && words.back() == "Application") {
      words.pop_back();
      std::string joined;
      for (const auto& w : words) joined += (joined.empty() ? "" : " ") + w;
      return title_case(joined);
    }
    return title_case(seg);
  }
  return {};
}

std::string category_for_kind(std::string_view kind) {
  const std::string k = ascii_lower(clean_text(kind));
  if (k == "vision-language" || k == "code" || k == "text" || k == "embedding" || k == "multimodal") {
    return "Developer Tools";
  }
  if (k == "image") return "Image Generation";
  if (k == "speech" || k == "audio") return "Audio & Video";
  if (k == "video") return "Video";
  return {};
}

}  // namespace tv::fields
