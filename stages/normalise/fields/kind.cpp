// The kind of tool, from a machine tag (Hugging Face pipeline tag, our own kind names) or from
// phrases in the name and description, most specific first.
#include "stages/normalise/fields/kind.hpp"

#include <array>

#include "stages/normalise/fields/text.hpp"

namespace tv::fields {
namespace {

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

struct TagKind {
  std::string_view tag;
  std::string_view kind;
};

// Hugging Face pipeline tags (and our own kind names, which pages of our own site carry).
constexpr TagKind kTags[] = {
    {"image-text-to-text", "vision-language"},   {"visual-question-answering", "vision-language"},
    {"image-to-text", "vision-language"},        {"document-question-answering", "vision-language"},
    {"video-text-to-text", "vision-language"},   {"visual-document-retrieval", "vision-language"},
    {"zero-shot-image-classification", "vision-language"},
    {"text-generation", "text"},                 {"text2text-generation", "text"},
    {"fill-mask", "text"},                       {"summarization", "text"},
    {"translation", "text"},                     {"question-answering", "text"},
    {"table-question-answering", "text"},        {"text-classification", "text"},
    {"token-classification", "text"},            {"zero-shot-classification", "text"},
    {"conversational", "text"},
    {"text-to-image", "image"},                  {"image-to-image", "image"},
    {"unconditional-image-generation", "image"}, {"image-classification", "image"},
    {"object-detection", "image"},               {"image-segmentation", "image"},
    {"depth-estimation", "image"},               {"mask-generation", "image"},
    {"keypoint-detection", "image"},             {"zero-shot-object-detection", "image"},
    {"image-to-3d", "image"},                    {"text-to-3d", "image"},
    {"automatic-speech-recognition", "speech"},  {"text-to-speech", "speech"},
    {"voice-activity-detection", "speech"},
    {"text-to-audio", "audio"},                  {"audio-to-audio", "audio"},
    {"audio-classification", "audio"},           {"audio-text-to-text", "audio"},
    {"feature-extraction", "embedding"},         {"sentence-similarity", "embedding"},
    {"text-ranking", "embedding"},               {"image-feature-extraction", "embedding"},
    {"text-to-video", "video"},                  {"image-to-video", "video"},
    {"video-classification", "video"},           {"video-to-video", "video"},
    {"any-to-any", "multimodal"},
    // our own kinds
    {"vision-language", "vision-language"}, {"code", "code"}, {"text", "text"}, {"image", "image"},
    {"video", "video"}, {"audio", "audio"}, {"speech", "speech"}, {"embedding", "embedding"},
    {"multimodal", "multimodal"}, {"agent", "agent"}, {"app", "app"},
};

// Word-bounded search in a "keyword form" string: lower-case, every run of non-alphanumerics a
// single space, with a space at each end.
std::string keyword_form(std::string_view s) {
  std::string out = " ";
  for (char c : ascii_lower(s)) {
    const bool keep = is_alnum(c) || static_cast<unsigned char>(c) >= 0x80;
    if (!keep) {
      if (out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  if (out.back() != ' ') out.push_back(' ');
  return out;
}

// Position of " phrase " in kw, or npos.
std::size_t find_phrase(std::string_view kw, std::string_view phrase, std::size_t from = 0) {
  std::string needle = " ";
  needle += phrase;
  needle += " ";
  return kw.find(needle, from);
}

// A model phrase used for something the tool is built on ("LLM-powered", "powered by a
// language model", "uses large language models") says nothing about the tool's own kind.
bool built_on(std::string_view kw, std::size_t at, std::size_t len) {
  static constexpr std::string_view kBefore[] = {" powered by ", " built on ", " built with ",
                                                 " using ", " uses ", " leverages ",
                                                 " leveraging ", " based on ", " on top of ",
                                                 " with ", " via ", " integrates ", " connects "};
  const std::size_t window_start = at > 40 ? at - 40 : 0;
  const std::string_view before = kw.substr(window_start, at - window_start + 1);
  for (auto b : kBefore) {
    if (before.find(b) != std::string_view::npos) return true;
  }
  const std::string_view after = kw.substr(at + 1 + len, 12);
  return after.starts_with(" powered") || after.starts_with(" based") ||
         after.starts_with(" driven") || after.starts_with(" enabled");
}

struct KindPhrases {
  std::string_view kind;
  std::initializer_list<std::string_view> phrases;  // in keyword form (no punctuation)
  bool general = false;                             // subject to built_on()
};

const KindPhrases kTextRules[] = {
    {"vision-language", {"vision language", "vlm", "vlms", "image text to text", "image text",
                         "visual question answering", "vqa", "image captioning", "images and text",
                         "image and text", "visual language model", "vision language models",
                         "document understanding", "multimodal vision"}},
    {"code", {"code model", "code models", "coding model", "coding models", "code completion",
              "code generation", "code llm", "code llms", "code llama", "codellama", "starcoder",
              "codestral", "codegemma", "code language model", "code language models",
              "coding llm"}},
    {"video", {"text to video", "video generation", "video generator", "video model",
               "video models", "image to video", "video diffusion", "video synthesis",
               "ai video generator"}},
    {"image", {"text to image", "image generation", "image generator", "diffusion",
               "image model", "image synthesis", "stable diffusion", "art generator",
               "image generators", "generates images", "generate images"}},
    {"speech", {"speech recognition", "text to speech", "tts", "asr", "speech to text",
                "speech model", "speech synthesis", "voice cloning", "transcription model",
                "voice generator", "ai voice"}},
    {"audio", {"text to audio", "music generation", "audio generation", "audio model",
               "music model", "sound generation", "music generator", "sound effects generator"}},
    {"embedding", {"embedding model", "embeddings model", "embedding models", "sentence embeddings",
                   "text embeddings", "sentence transformer", "sentence transformers", "reranker",
                   "reranking model", "embeddings"}},
    {"multimodal", {"any to any", "omni model", "omni modal", "omnimodal", "multimodal model",
                    "multimodal models", "multimodal llm", "multimodal language model",
                    "natively multimodal", "multi modal model"}},
    {"text", {"language model", "language models", "llm", "llms", "chat model", "chat models",
              "instruction tuned model", "text generation", "large language", "slm",
              "reasoning model", "instruct model", "text generation model"},
     true},
    {"agent", {"ai agent", "ai agents", "autonomous agent", "autonomous agents", "agentic ai",
               "agent platform", "coding agent"}},
    {"app", {"saas", "platform", "app", "apps", "dashboard", "browser extension",
             "chrome extension", "extension", "plugin", "add on", "meeting notes", "software",
             "tool", "tools", "web app", "mobile app", "website", "workspace", "service",
             "assistant", "chatbot", "no code", "subscription", "sign up", "integrates",
             "ai powered", "editor", "generator"}},
};

}  // namespace

namespace {

// The kind a machine tag names, or "" when it names none.
std::string kind_of_tag(std::string_view tag) {
  std::string t = ascii_lower(clean_text(tag));
  for (char& c : t) {
    if (c == '_' || c == ' ') c = '-';
  }
  for (const auto& e : kTags) {
    if (t == e.tag) return std::string(e.kind);
  }
  // schema.org applicationCategory values ("DeveloperApplication", "BusinessApplication")
  // and unknown tags say nothing about the kind.
  return {};
}

std::string kind_of_text(std::string_view text) {
  const std::string clean = clean_text(text);
  const std::string kw = keyword_form(clean);
  // Names: "SmolVLM2", "Qwen2.5-Coder", "StarCoder2" carry their kind in a capitalised part.
  const auto in_name = [&](std::string_view part) {
    std::size_t pos = 0;
    while ((pos = clean.find(part, pos)) != std::string::npos) {
      const std::size_t e = pos + part.size();
      if (e >= clean.size() || !is_lower(clean[e])) return true;
      pos = e;
    }
    return false;
  };
  for (const auto& rule : kTextRules) {
    if (rule.kind == "code" && in_name("Coder")) return "code";
    if (rule.kind == "vision-language" && in_name("VLM")) return "vision-language";
    if (rule.kind == "app") break;  // products only when no model phrase is present
    for (auto phrase : rule.phrases) {
      std::size_t at = 0;
      while ((at = find_phrase(kw, phrase, at)) != std::string::npos) {
        if (!rule.general || !built_on(kw, at, phrase.size())) return std::string(rule.kind);
        at += phrase.size() + 1;
      }
    }
  }
  for (auto phrase : kTextRules[std::size(kTextRules) - 1].phrases) {
    if (find_phrase(kw, phrase) != std::string::npos) return "app";
  }
  return {};
}

}  // namespace

std::string infer_kind(std::string_view tag, std::string_view text) {
  std::string by_tag = kind_of_tag(tag);
  if (by_tag.empty()) return kind_of_text(text);
  // "text-generation" is what every language model is tagged with, code models included:
  // a specific kind in the name or description refines it.
  if (by_tag == "text") {
    std::string by_text = kind_of_text(text);
    if (by_text == "code" || by_text == "vision-language") return by_text;
  }
  return by_tag;
}

}  // namespace tv::fields
