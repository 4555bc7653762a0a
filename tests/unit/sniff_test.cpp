#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "stages/ingest/sniff.hpp"

namespace bdata = boost::unit_test::data;
using tv::ingest::Kind;


namespace {
struct Case {
  std::string name, bytes;
  Kind kind;
};
std::ostream& operator<<(std::ostream& o, const Case& c) { return o << c.name; }

const std::vector<Case> kCases{
    {"doctype", "<!DOCTYPE html><html><title>x</title>", Kind::html},
    {"upper-case doctype after blank lines", "\n\n  <!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">", Kind::html},
    {"bare html tag", "<html lang=en>", Kind::html},
    {"fragment starting with meta", "<meta charset=utf-8><title>t</title>", Kind::html},
    {"comment before html", "<!-- saved from url=(0040)https://x.example/ -->\n<html>", Kind::html},
    {"utf-8 bom", "\xef\xbb\xbf<!doctype html>", Kind::html},
    {"utf-16le bom", std::string("\xff\xfe<\0h\0t\0m\0l\0>\0", 14), Kind::html},
    {"xhtml", "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", Kind::html},
    {"panel", "<?xml version=\"1.0\"?>\n<!-- reviews -->\n<panel date=\"2026-11-20\">", Kind::panel_reviews},
    {"panel without prolog", "<panel date=\"2026-11-20\"><review/>", Kind::panel_reviews},
    {"directives", "<directives><merge/></directives>", Kind::directives},
    {"other xml", "<?xml version=\"1.0\"?><rss version=\"2.0\">", Kind::other_xml},
    {"votes", "tool,voter,vote,cast_at\nSmolVLM2,v1,ship,2026-11-20T10:00:00Z\n", Kind::votes_csv},
    {"quoted votes header", "\"tool\",\"voter\",\"vote\",\"cast_at\"\r\n", Kind::votes_csv},
    {"other csv", "name,price\nx,1\n", Kind::text},
    {"empty", "", Kind::empty},
    {"whitespace", " \n\t\n", Kind::empty},
    {"png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), Kind::binary},
    {"pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3", Kind::binary},
    {"nul bytes", std::string("abc\0def", 7), Kind::binary},
    {"plain text", "Remember to review SmolVLM2 on Friday.\n", Kind::text},
};
}  // namespace

BOOST_AUTO_TEST_SUITE(sniff)

BOOST_DATA_TEST_CASE(kinds_come_from_content, bdata::make(kCases), c) {
  BOOST_TEST(static_cast<int>(tv::ingest::sniff(c.bytes).kind) == static_cast<int>(c.kind));
}

BOOST_AUTO_TEST_CASE(details_name_what_was_seen) {
  BOOST_TEST(tv::ingest::sniff(std::string("\x89PNG\r\n\x1a\n", 8)).detail == "PNG image");
  BOOST_TEST(tv::ingest::sniff("<?xml version='1.0'?><catalog/>").detail == "root element <catalog>");
  BOOST_TEST(tv::ingest::sniff("").detail == "0 bytes");
}

BOOST_AUTO_TEST_SUITE_END()
