// sketch: 64-bit one-bit MinHash of description words and word pairs; near wording is near, unrelated is far,
// short texts give no evidence, and the value never depends on the run or platform.
#include <boost/test/unit_test.hpp>

#include "stages/dedupe/sketch.hpp"

using namespace tv::dedupe;

namespace {
const char* kSmol =
    "SmolVLM2 is a compact vision-language model that understands images and video, small "
    "enough to run on a phone or a laptop.";
const char* kSmolEdited =
    "SmolVLM2 is a compact vision-language model that understands images and videos, small "
    "enough to run on a phone or a laptop.";
const char* kOther =
    "Transcribe meetings automatically, then share searchable notes and action items with your "
    "whole team in seconds.";
}  // namespace

BOOST_AUTO_TEST_SUITE(sketch)

BOOST_AUTO_TEST_CASE(same_text_same_sketch_and_case_does_not_matter) {
  const Sketch a = sketch_text(kSmol);
  BOOST_TEST(!a.empty());
  BOOST_TEST(sketch_distance(a, sketch_text(kSmol)) == 0);
  BOOST_TEST(sketch_distance(a, sketch_text("SMOLVLM2 IS A COMPACT VISION-LANGUAGE MODEL THAT UNDERSTANDS IMAGES AND "
                                            "VIDEO, SMALL ENOUGH TO RUN ON A PHONE OR A LAPTOP.")) == 0);
}

BOOST_AUTO_TEST_CASE(one_word_changed_stays_near) {
  BOOST_TEST(sketches_near(sketch_text(kSmol), sketch_text(kSmolEdited)));
}

BOOST_AUTO_TEST_CASE(paraphrase_of_the_same_kind_is_not_near) {
  // Same template, another model: the sketch must not merge these on its own wording alone.
  const char* lm3 =
      "SmolLM3 is a compact language model that understands text in six languages, small enough "
      "to run on a phone or a laptop.";
  BOOST_TEST(!sketches_near(sketch_text(kSmol), sketch_text(lm3)));
}

BOOST_AUTO_TEST_CASE(unrelated_texts_are_far) {
  const int d = sketch_distance(sketch_text(kSmol), sketch_text(kOther));
  BOOST_TEST(d > 16);
  BOOST_TEST(!sketches_near(sketch_text(kSmol), sketch_text(kOther)));
}

BOOST_AUTO_TEST_CASE(short_or_empty_text_is_no_evidence) {
  BOOST_TEST(sketch_text("").empty());
  BOOST_TEST(sketch_text("AI writer").empty());
  BOOST_TEST(sketch_text("the and of for").empty());  // function words only
  // Two empty sketches are not near each other: "no description" never agrees.
  BOOST_TEST(sketch_distance(sketch_text(""), sketch_text("")) == 64);
  BOOST_TEST(!sketches_near(sketch_text("short"), sketch_text("short")));
}

BOOST_AUTO_TEST_CASE(value_is_stable_across_runs_and_platforms) {
  // Pinned: FNV-1a and splitmix64 only, no std::hash. A change here changes stored evidence.
  const Sketch s = sketch_text(kOther);
  BOOST_TEST(s.shingles == 11);
  BOOST_TEST(s.bits == 0x6868a0b25a79072full);
}

BOOST_AUTO_TEST_CASE(non_ascii_words_count) {
  const Sketch a = sketch_text("Modèle de langage compact qui comprend les images et la vidéo sur téléphone");
  BOOST_TEST(!a.empty());
  BOOST_TEST(sketch_distance(a, sketch_text("Modèle de langage compact qui comprend les images et la vidéo sur "
                                            "téléphone")) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
