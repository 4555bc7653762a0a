// category: scraped categories to the site's categories; a category from the kind.
#include <boost/test/unit_test.hpp>
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

#include <ostream>
#include <string>

#include "stages/normalise/fields/category.hpp"

namespace bdata = boost::unit_test::data;
using namespace tv::fields;

namespace {

struct Case {
  std::string in;
  std::string out;
};
std::ostream& operator<<(std::ostream& os, const Case& c) { return os << "[" << c.in << "]"; }

const Case kCanonical[] = {
    // schema.org applicationCategory
    {"DeveloperApplication", "Developer Tools"},
    {"BusinessApplication", "Business"},
    {"DesignApplication", "Design"},
    {"MultimediaApplication", "Audio & Video"},
    {"EducationalApplication", "Education"},
    {"GameApplication", "Fun & Games"},
    {"FinanceApplication", "Finance"},
    {"HealthApplication", "Healthcare"},
    {"SocialNetworkingApplication", "Social Media"},
    {"https://schema.org/DeveloperApplication", "Developer Tools"},
    {"PhotographyApplication", "Photography"},
    // directory tags
    {"ai chatbots", "Chatbots"},
    {"AI Chatbots", "Chatbots"},
    {"code assistant", "Developer Tools"},
    {"image generator", "Image Generation"},
    {"image generators", "Image Generation"},
    {"text to image", "Image Generation"},
    {"image editing", "Image Editing"},
    {"writing", "Writing"},
    {"copywriting", "Writing"},
    {"general writing", "Writing"},
    {"AI writing tools", "Writing"},
    {"video generator", "Video"},
    {"video editing", "Video"},
    {"productivity", "Productivity"},
    {"meeting assistant", "Meetings & Transcription"},
    {"transcription", "Meetings & Transcription"},
    {"transcriber", "Meetings & Transcription"},
    {"marketing", "Marketing"},
    {"seo", "Marketing"},
    {"SEO", "Marketing"},
    {"text to speech", "Audio & Video"},
    {"music", "Audio & Video"},
    {"low-code/no-code", "No-Code"},
    {"customer support", "Customer Support"},
    {"human resources", "Human Resources"},
    {"e-commerce", "E-commerce"},
    {"spreadsheets", "Data & Analytics"},
    {"life assistant", "Personal Assistant"},
    {"3D", "3D"},
    // the site's own names pass through
    {"Developer Tools", "Developer Tools"},
    {"Image Generation", "Image Generation"},
    {"Audio & Video", "Audio & Video"},
    {"Meetings & Transcription", "Meetings & Transcription"},
    // breadcrumbs and lists
    {"Home \u203a Developer Tools \u203a SmolVLM2", "Developer Tools"},
    {"Home > Tools > Writing", "Writing"},
    {"image generator, image to image", "Image Generation"},
    {"Gift ideas \u00bb Fashion", "Gift Ideas"},
    // unknown: title-cased and cleaned
    {"gift ideas", "Gift Ideas"},
    {"ai detection", "AI Detection"},
    {"  real\u00a0estate ", "Real Estate"},
    {"STOCK PHOTOS", "Stock Photos"},
    {"iPhone apps for kids", "iPhone Apps for Kids"},
    // generic tags name no category
    {"free ai tools", ""},
    {"AI Tools", ""},
    {"Uncategorized", ""},
    {"Home", ""},
    {"", ""},
    {"   ", ""},
};

const Case kForKind[] = {
    {"vision-language", "Developer Tools"},
    {"code", "Developer Tools"},
    {"text", "Developer Tools"},
    {"embedding", "Developer Tools"},
    {"multimodal", "Developer Tools"},
    {"image", "Image Generation"},
    {"speech", "Audio & Video"},
    {"audio", "Audio & Video"},
    {"video", "Video"},
    {"app", ""},
    {"agent", ""},
    {"", ""},
    {"nonsense", ""},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(category)

BOOST_DATA_TEST_CASE(canonical_category_maps_scraped_categories, bdata::make(kCanonical), c) {
  BOOST_TEST(canonical_category(c.in) == c.out);
}

BOOST_DATA_TEST_CASE(category_for_kind_maps_kinds, bdata::make(kForKind), c) {
  BOOST_TEST(category_for_kind(c.in) == c.out);
}

BOOST_AUTO_TEST_SUITE_END()
