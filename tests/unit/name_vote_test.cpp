// The name by agreement (stages/extract/name_vote.hpp), on the title shapes of real sites.
#include <boost/test/unit_test.hpp>

#include "stages/extract/name_vote.hpp"

using namespace tv::extract;

namespace {
NameVote vote(std::vector<NameCandidate> c, std::string site = "", std::string url = "") {
  return vote_name(c, NameContext{std::move(site), std::move(url)});
}
NameCandidate title(std::string t) { return {std::move(t), "<title>", NameSource::title}; }
NameCandidate h1(std::string t) { return {std::move(t), "<h1>", NameSource::h1}; }
NameCandidate og(std::string t) { return {std::move(t), "meta og:title", NameSource::og}; }
}  // namespace

BOOST_AUTO_TEST_SUITE(name_vote)

BOOST_AUTO_TEST_CASE(a_docs_site_section_and_suffix_are_furniture) {
  auto v = vote({title("Overview - OLMo 2 7B docs"), h1("OLMo 2 7B¶")});
  BOOST_TEST(v.name == "OLMo 2 7B");
  BOOST_TEST(v.rule == "<h1> (2 sources agree)");
  // Sphinx: "Introduction — Jamba 0.9 documentation", a site heading and a section heading.
  v = vote({title("Introduction — Jamba 0.9 documentation"), h1("Jamba documentation"), h1("Introduction¶")});
  BOOST_TEST(v.name == "Jamba");
  BOOST_TEST(vote({title("Kapitel 4 - Einführung - Pythia-12B")}).name == "Pythia-12B");
}

BOOST_AUTO_TEST_CASE(review_and_announcement_words_are_not_the_name) {
  BOOST_TEST(vote({title("Review: Midjourney – The AI Tools Digest"), h1("Review: Midjourney")}).name == "Midjourney");
  BOOST_TEST(vote({og("Hands-on with Mistral 7B"), title("Hands-on with Mistral 7B — Medium")}, "Medium").name ==
             "Mistral 7B");
  BOOST_TEST(vote({og("Introducing Mixtral 8x7B"), title("Introducing Mixtral 8x7B | Blog")}).name == "Mixtral 8x7B");
}

BOOST_AUTO_TEST_CASE(the_page_url_breaks_a_tie_between_name_and_verdict) {
  std::vector<NameCandidate> c{og("Perplexity: Test und Einschätzung"),
                               title("Perplexity: Test und Einschätzung | heise online"),
                               h1("Perplexity: Test und Einschätzung")};
  BOOST_TEST(vote(c, "heise online", "https://www.heise.example/ki/perplexity-2596987.html").name == "Perplexity");
  // Without the URL the earlier segment wins the tie.
  BOOST_TEST(vote(c, "heise online").name == "Perplexity");
  std::vector<NameCandidate> d{og("Notre essai: Jasper"), h1("Notre essai: Jasper")};
  BOOST_TEST(vote(d, "", "https://www.lemonde.example/pixels/jasper-2596987.html").name == "Jasper");
}

BOOST_AUTO_TEST_CASE(the_site_name_is_the_tool_only_where_a_heading_says_so) {
  // A directory's signature in its titles.
  BOOST_TEST(vote({title("How to Build a Terrarium | eHow"), og("How to Build a Terrarium")}, "eHow",
                  "https://www.ehow.example/how_1234_build-terrarium.html")
                 .name == "How to Build a Terrarium");
  // The tool's own landing page: og:site_name, og:title, <title> and <h1> all say it.
  auto v = vote({h1("GitHub Copilot"), og("GitHub Copilot — An ai pair programmer in the editor"),
                 title("GitHub Copilot — An ai pair programmer in the editor — Try it now")},
                "GitHub Copilot", "https://www.githubcopilot.example/en-US/");
  BOOST_TEST(v.name == "GitHub Copilot");
}

BOOST_AUTO_TEST_CASE(a_verdict_or_a_known_maker_after_the_name_is_not_part_of_it) {
  BOOST_TEST(vote({og("Gemma 2 9B im Test | Der Technik-Blog"), title("Gemma 2 9B im Test")}, "Der Technik-Blog").name ==
             "Gemma 2 9B");
  BOOST_TEST(vote({{"Claude by Anthropic", "json-ld SoftwareApplication.name", NameSource::jsonld}}).name == "Claude");
  BOOST_TEST(vote({title("Made by Hand")}).name == "Made by Hand");  // "Hand" is no maker we know
}

BOOST_AUTO_TEST_CASE(markup_like_text_is_never_a_name) {
  auto v = vote({og("<b>Gemma 2</b> &lt;script&gt;"), title("Gemma 2 9B | Models"), h1("Gemma 2 9B")});
  BOOST_TEST(v.name == "Gemma 2 9B");
  BOOST_TEST(vote({og("{{ tool.name }}"), title("Suno")}).name == "Suno");
}

BOOST_AUTO_TEST_CASE(spellings_of_one_name_are_one_voice_each_and_the_h1_spelling_is_kept) {
  auto v = vote({og("Mistral-7B"), title("Mistral-7B · PyPI"), h1("Mistral 7B")}, "PyPI");
  BOOST_TEST(v.name == "Mistral 7B");
  BOOST_TEST(v.aliases == std::vector<std::string>{"Mistral-7B"});
  // A package release version after the name is not part of it; a model version is.
  BOOST_TEST(vote({h1("SmolLM2-1.7B 1.2.0")}).name == "SmolLM2-1.7B");
  BOOST_TEST(vote({h1("Llama 3.1")}).name == "Llama 3.1");
}

BOOST_AUTO_TEST_CASE(a_json_ld_name_outweighs_one_title_and_a_profile_always_wins) {
  BOOST_TEST(vote({{"Claude", "json-ld SoftwareApplication.name", NameSource::jsonld}, title("Anthropic | Home")}).name ==
             "Claude");
  auto v = vote({{"SmolVLM2", "profile hf: name", NameSource::profile}, og("Something Else"), title("Something Else")});
  BOOST_TEST(v.name == "SmolVLM2");
  BOOST_TEST(v.rule == "profile hf: name");
}

BOOST_AUTO_TEST_CASE(nothing_usable_is_no_name) {
  BOOST_TEST(vote({}).name.empty());
  BOOST_TEST(vote({title("Overview"), h1("¶"), og("<>")}).name.empty());
  BOOST_TEST(vote({title("Home | Acme")}, "Acme").name.empty());
}

BOOST_AUTO_TEST_SUITE_END()
