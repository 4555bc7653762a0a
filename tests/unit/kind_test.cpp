// kind: what a reader weighs a tool against, from a machine tag or from name + description.
#include <boost/test/unit_test.hpp>
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

#include <ostream>
#include <string>

#include "stages/normalise/fields/kind.hpp"

namespace bdata = boost::unit_test::data;
using namespace tv::fields;

namespace {

struct Case {
  std::string tag;
  std::string text;
  std::string kind;
};
std::ostream& operator<<(std::ostream& os, const Case& c) {
  return os << "[" << c.tag << " | " << c.text.substr(0, 60) << "]";
}

const Case kCases[] = {
    // Hugging Face pipeline tags
    {"image-text-to-text", "", "vision-language"},
    {"visual-question-answering", "", "vision-language"},
    {"image-to-text", "", "vision-language"},
    {"text-generation", "", "text"},
    {"text2text-generation", "", "text"},
    {"text-to-image", "", "image"},
    {"automatic-speech-recognition", "", "speech"},
    {"text-to-speech", "", "speech"},
    {"text-to-audio", "", "audio"},
    {"feature-extraction", "", "embedding"},
    {"sentence-similarity", "", "embedding"},
    {"text-to-video", "", "video"},
    {"any-to-any", "", "multimodal"},
    {"Image-Text-to-Text", "", "vision-language"},
    {" text_generation ", "", "text"},
    {"tabular-regression", "", ""},
    // our own kinds pass through
    {"vision-language", "", "vision-language"},
    {"code", "", "code"},
    // a tag wins over text
    {"text-to-image", "a large language model", "image"},
    {"text-to-image", "a code generation model", "image"},
    // ...except that the general text-generation tag is refined by a specific reading
    {"text-generation", "CodeLlama-4-70B-Instruct: Meta's code model for code completion", "code"},
    {"text-generation", "a vision-language model for document QA", "vision-language"},
    {"text-generation", "SmolLM3 is a 3B language model", "text"},
    {"text-generation", "an AI meeting notes app", "text"},
    // schema.org categories say nothing by themselves
    {"DeveloperApplication", "", ""},
    {"DeveloperApplication", "SmolLM3 is a 3B language model", "text"},
    {"BusinessApplication", "An AI meeting notes app", "app"},
    // text: specific phrases win over general ones
    {"", "SmolVLM2 is an open-source vision-language model", "vision-language"},
    {"", "A compact VLM for phones", "vision-language"},
    {"", "SmolVLM2", "vision-language"},
    {"", "It handles image-text tasks", "vision-language"},
    {"", "strong at visual question answering", "vision-language"},
    {"", "Code Llama 4 (70B & 400B) Meta has open-sourced Code Llama 4", "code"},
    {"", "Qwen2.5-Coder-32B-Instruct", "code"},
    {"", "StarCoder2 15B", "code"},
    {"", "a family of open-weight code models", "code"},
    {"", "a coding model for long-context code completion", "code"},
    {"", "a large language model for code generation", "code"},
    {"", "SmolLM3 is a 3-billion parameter open-source language model", "text"},
    {"", "A 7B LLM tuned for chat", "text"},
    {"", "a chat model", "text"},
    {"", "Stable Diffusion text-to-image model", "image"},
    {"", "an image generation model", "image"},
    {"", "a latent diffusion model", "image"},
    {"", "a text-to-video diffusion model", "video"},
    {"", "an automatic speech recognition model", "speech"},
    {"", "a text-to-speech model with voice cloning", "speech"},
    {"", "music generation from prompts", "audio"},
    {"", "a sentence embedding model", "embedding"},
    {"", "an any-to-any omni model", "multimodal"},
    {"", "An autonomous agent that books meetings", "agent"},
    // products: "app" only when no model phrase is present
    {"", "An AI meeting notes app for Zoom", "app"},
    {"", "A browser extension that summarises pages", "app"},
    {"", "SaaS dashboard for sales teams", "app"},
    {"", "A writing assistant powered by GPT-4 and large language models", "app"},
    {"", "An LLM-powered platform for support teams", "app"},
    // nothing to go on
    {"", "", ""},
    {"", "Hello world", ""},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(kind)

BOOST_DATA_TEST_CASE(infer_kind_from_tag_and_text, bdata::make(kCases), c) {
  BOOST_TEST(infer_kind(c.tag, c.text) == c.kind);
}

BOOST_AUTO_TEST_SUITE_END()
