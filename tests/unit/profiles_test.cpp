#include <boost/test/unit_test.hpp>

#include "stages/extract/profiles.hpp"
#include "test_util.hpp"

using namespace tv::extract;
using tv::test::TempDir;
using tv::test::write_file;

BOOST_AUTO_TEST_SUITE(profiles)

BOOST_AUTO_TEST_CASE(a_bad_xpath_names_the_file_and_line) {
  BOOST_CHECK_EXCEPTION(ProfileSet::parse("hosts = a.example\n# c\nname = //div[@class='x'\n", "a.example.profile"),
                        ProfileError, [](const ProfileError& e) {
                          std::string m = e.what();
                          return m.rfind("a.example.profile:3: XPath for 'name' does not compile:", 0) == 0;
                        });
}

BOOST_AUTO_TEST_CASE(an_unknown_field_and_a_missing_hosts_line_are_errors) {
  BOOST_CHECK_EXCEPTION(ProfileSet::parse("hosts = a.example\nnmae = //h1\n", "p.profile"), ProfileError,
                        [](const ProfileError& e) { return std::string(e.what()).rfind("p.profile:2: unknown field 'nmae'", 0) == 0; });
  BOOST_CHECK_EXCEPTION(ProfileSet::parse("name = //h1\n", "p.profile"), ProfileError, [](const ProfileError& e) {
    return std::string(e.what()) == "p.profile: no 'hosts =' line: say which sites this profile is for";
  });
  BOOST_CHECK_THROW(ProfileSet::parse("hosts = a.example\nname\n", "p.profile"), ProfileError);
}

BOOST_AUTO_TEST_CASE(hosts_match_without_www_and_two_profiles_cannot_share_one) {
  ProfileSet set;
  set.add(ProfileSet::parse("hosts = www.A.example b.example\nname = //h1\n", "a.profile"));
  BOOST_TEST(set.for_host("a.example") != nullptr);
  BOOST_TEST(set.for_host("www.a.example") != nullptr);
  BOOST_TEST(set.for_host("b.example")->name == "a");
  BOOST_TEST(set.for_host("c.example") == nullptr);
  BOOST_CHECK_THROW(set.add(ProfileSet::parse("hosts = b.example\nname = //h1\n", "b.profile")), ProfileError);
}

BOOST_AUTO_TEST_CASE(a_folder_loads_every_profile_and_a_bad_one_fails_the_load) {
  TempDir d;
  write_file(d / "a.example.profile", "hosts = a.example\nname = //h1\n");
  write_file(d / "notes.txt", "not a profile");
  BOOST_TEST(ProfileSet::load(d.path()).size() == 1u);
  write_file(d / "b.example.profile", "hosts = b.example\nname = ///\n");
  BOOST_CHECK_EXCEPTION(ProfileSet::load(d.path()), ProfileError, [&](const ProfileError& e) {
    return std::string(e.what()).find("b.example.profile:2") != std::string::npos;
  });
  BOOST_TEST(ProfileSet::load(d / "missing").size() == 0u);
}

// Every profile the project ships compiles.
BOOST_AUTO_TEST_CASE(the_shipped_profiles_load) {
  auto set = ProfileSet::load(std::string(TV_SOURCE_DIR) + "/profiles");
  BOOST_TEST(set.size() >= 2u);
  BOOST_TEST(set.for_host("huggingface.co") != nullptr);
  BOOST_TEST(set.for_host("tool-verdicts.example") != nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
