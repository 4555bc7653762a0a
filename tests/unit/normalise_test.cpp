#include <boost/test/unit_test.hpp>

#include "stages/normalise/normalise.hpp"

using namespace tv;

BOOST_AUTO_TEST_SUITE(normalise)

namespace {
PageResult norm(const std::string& html, html::ParseLimits limits = {}) {
  static const extract::ProfileSet none;
  return normalise_page(html, "page.html", none, limits);
}
std::vector<std::string> labels(const ToolRecord& r) {
  std::vector<std::string> out;
  for (const auto& s : r.parameter_sizes.value) out.push_back(s.label);
  return out;
}
}  // namespace

BOOST_AUTO_TEST_CASE(a_model_page_becomes_a_record_with_sources) {
  auto res = norm(R"X(<!doctype html><html><head>
    <title>Code Llama 4 (70B &amp; 400B) | Launch&nbsp;Board</title>
    <meta name="description" content="Meta has open-sourced Code Llama 4 in 70B and 400B parameter variants under the Llama Community License. Developers can self-host it.">
    <link rel="canonical" href="https://launch.example/p/code-llama-4?utm_source=feed&amp;ref=home">
    </head><body><h1>Code Llama 4 (70B &amp; 400B)</h1></body></html>)X");
  BOOST_REQUIRE_MESSAGE(res.record.has_value(), res.reason);
  const auto& r = *res.record;
  BOOST_TEST(r.name.value == "Code Llama 4 (70B & 400B)");
  BOOST_TEST(r.name.from.file == "page.html");
  BOOST_TEST(r.name.from.rule == "<h1> (2 sources agree)");  // the title and the heading
  BOOST_TEST(r.vendor.value == "Meta");
  BOOST_TEST(r.license.present);
  BOOST_TEST(r.license.value.name.find("Llama") != std::string::npos);
  BOOST_TEST(labels(r) == (std::vector<std::string>{"70B", "400B"}));
  BOOST_TEST(r.parameter_sizes.from.rule == "<h1> (2 sources agree) -> size in name");
  BOOST_TEST(r.kind.value == "code");
  BOOST_TEST(r.category.value == "Developer Tools");
  BOOST_TEST(r.source_url.value == "https://launch.example/p/code-llama-4");
  BOOST_TEST(r.tagline.value == "Meta has open-sourced Code Llama 4 in 70B and 400B parameter variants under the Llama Community License.");
  BOOST_TEST(r.encoding == "UTF-8 (valid utf-8)");
}

BOOST_AUTO_TEST_CASE(a_nonsense_price_is_left_out_and_noted_but_the_page_is_taken) {
  auto res = norm(R"X(<html><head><title>Tool X</title>
    <script type="application/ld+json">{"@type":"SoftwareApplication","name":"Tool X","offers":{"price":"-1"}}</script>
    </head></html>)X");
  BOOST_REQUIRE(res.record.has_value());
  BOOST_TEST(!res.record->price.present);
  BOOST_REQUIRE(res.record->notes.size() == 1u);
  BOOST_TEST(res.record->notes[0].rfind("price \"-1\" (json-ld SoftwareApplication.offers) rejected: ", 0) == 0);
}

BOOST_AUTO_TEST_CASE(hostile_markup_stays_text) {
  auto res = norm(R"X(<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt;Evil&#x200B;Tool</title>
    <meta name="description" content="Great&nbsp;tool &lt;img src=x onerror=alert(1)&gt;"></head></html>)X");
  BOOST_REQUIRE(res.record.has_value());
  // The record holds plain text; escaping is the renderer's job. No markup was executed or
  // dropped silently, and no zero-width character survives.
  BOOST_TEST(res.record->name.value == "<script>alert(1)</script>EvilTool");
  BOOST_TEST(res.record->description.value == "Great tool <img src=x onerror=alert(1)>");
}

BOOST_AUTO_TEST_CASE(a_page_without_a_name_is_refused_with_a_reason) {
  auto res = norm("<html><head></head><body><nav><a href=/>Home</a></nav></body></html>");
  BOOST_TEST(!res.record.has_value());
  BOOST_TEST(res.reason.rfind("no tool name found:", 0) == 0);
}

BOOST_AUTO_TEST_CASE(pages_beyond_the_limits_are_refused_naming_the_setting) {
  std::string deep = "<html><body>";
  for (int i = 0; i < 2000; ++i) deep += "<div>";
  deep += "<h1>Deep</h1></body></html>";
  auto res = norm(deep, {1 << 20, 512});
  BOOST_TEST(!res.record.has_value());
  BOOST_TEST(res.reason.find("limits.max_depth") != std::string::npos);

  auto big = norm("<html><title>Big</title>" + std::string(5000, 'x'), {1000, 512});
  BOOST_TEST(!big.record.has_value());
  BOOST_TEST(big.reason.find("limits.max_page_bytes") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(latin1_without_a_declaration_is_read_as_windows_1252) {
  auto res = norm("<html><head><title>R\xe9sum\xe9 Wizard</title></head><body>\x93quoted\x94</body></html>");
  BOOST_REQUIRE(res.record.has_value());
  BOOST_TEST(res.record->name.value == "Résumé Wizard");
  BOOST_TEST(res.record->encoding == "windows-1252 (fallback windows-1252)");
}

// A repository id in the title names its organisation; a re-uploader's conversion is a variant
// of the original, so its maker is the base model's (data/vendors.tsv families).
BOOST_AUTO_TEST_CASE(a_reupload_is_credited_to_the_maker_of_its_base_model) {
  auto res = norm(R"X(<html><head><title>TheBloke/Mistral-7B-Instruct-v0.2-GGUF · HF Mirror</title></head>
    <body><h1>TheBloke/Mistral-7B-Instruct-v0.2-GGUF</h1></body></html>)X");
  BOOST_REQUIRE_MESSAGE(res.record.has_value(), res.reason);
  BOOST_TEST(res.record->name.value == "Mistral-7B-Instruct-v0.2-GGUF");
  BOOST_TEST(res.record->vendor.value == "Mistral AI");
  BOOST_TEST(res.record->vendor.from.rule.find("re-upload by TheBloke") != std::string::npos);

  res = norm(R"X(<html><head><title>HuggingFaceTB/SmolVLM2-2.2B-Instruct · HF Mirror</title></head><body></body></html>)X");
  BOOST_REQUIRE(res.record.has_value());
  BOOST_TEST(res.record->vendor.value == "Hugging Face");

  res = norm(R"X(<html><head><title>bartowski/Zyxwv-9B-GGUF · HF Mirror</title></head><body></body></html>)X");
  BOOST_REQUIRE(res.record.has_value());
  BOOST_TEST(!res.record->vendor.present);  // a re-uploader is never the maker
  BOOST_TEST(res.record->notes.size() == 1u);
}


BOOST_AUTO_TEST_SUITE_END()
