#include <boost/test/unit_test.hpp>

#include <fstream>
#include <regex>
#include <set>

#include "pipeline/config.hpp"
#include "test_util.hpp"

using tv::ConfigError;
using tv::load_config;
using tv::test::TempDir;
using tv::test::write_file;

BOOST_AUTO_TEST_SUITE(config)

BOOST_AUTO_TEST_CASE(embedded_defaults_resolve_against_the_current_folder) {
  auto c = load_config({}, {});
  BOOST_TEST(c.config_file.empty());
  BOOST_TEST(c.paths.inbox == std::filesystem::current_path() / "inbox");
  BOOST_TEST(c.paths.archive == std::filesystem::current_path() / "state" / "archive");
  BOOST_TEST(c.inbox.min_age_seconds == 5);
  BOOST_TEST(c.limits.max_depth == 512u);
}

BOOST_AUTO_TEST_CASE(relative_paths_resolve_against_the_config_files_folder) {
  TempDir d;
  write_file(d / "etc/p.ini", "[paths]\ninbox = drop\nstate = /var/lib/tv\n");
  auto c = load_config(d / "etc/p.ini", {});
  BOOST_TEST(c.paths.inbox == d / "etc/drop");
  BOOST_TEST(c.paths.state == "/var/lib/tv");
  BOOST_TEST(c.paths.archive == "/var/lib/tv/archive");  // follows the state folder
}

BOOST_AUTO_TEST_CASE(the_command_line_wins_over_the_file) {
  TempDir d;
  write_file(d / "p.ini", "[inbox]\nmin_age_seconds = 30\n[run]\njobs = 3\n");
  auto c = load_config(d / "p.ini", {{"inbox.min_age_seconds", "0"}});
  BOOST_TEST(c.inbox.min_age_seconds == 0);
  BOOST_TEST(c.run.jobs == 3);
}

BOOST_AUTO_TEST_CASE(an_unknown_key_in_the_file_names_file_line_and_key) {
  TempDir d;
  write_file(d / "p.ini", "# comment\n[paths]\ninbx = x\n");
  try {
    load_config(d / "p.ini", {});
    BOOST_FAIL("no error");
  } catch (const ConfigError& e) {
    BOOST_TEST(std::string(e.what()) ==
               (d / "p.ini").string() + ":3: unknown configuration key 'paths.inbx' (pipeline.ini lists every key)");
  }
}

BOOST_AUTO_TEST_CASE(an_unknown_key_on_the_command_line_is_named) {
  BOOST_CHECK_EXCEPTION(load_config({}, {{"limits.depth", "3"}}), ConfigError, [](const ConfigError& e) {
    return std::string(e.what()) ==
           "command line --limits.depth: unknown configuration key 'limits.depth' (pipeline.ini lists every key)";
  });
}

BOOST_AUTO_TEST_CASE(a_bad_value_names_the_key_and_the_value) {
  BOOST_CHECK_EXCEPTION(load_config({}, {{"inbox.min_age_seconds", "soon"}}), ConfigError, [](const ConfigError& e) {
    return std::string(e.what()) == "command line --inbox.min_age_seconds: bad value 'soon' for inbox.min_age_seconds";
  });
  BOOST_CHECK_EXCEPTION(load_config({}, {{"log.level", "loud"}}), ConfigError, [](const ConfigError& e) {
    return std::string(e.what()).find("log.level") != std::string::npos;
  });
  BOOST_CHECK_THROW(load_config({}, {{"limits.max_depth", "3"}}), ConfigError);
  BOOST_CHECK_THROW(load_config({}, {{"inbox.min_age_seconds", "-1"}}), ConfigError);
}

BOOST_AUTO_TEST_CASE(a_missing_config_file_is_named) {
  BOOST_CHECK_EXCEPTION(load_config("/nonexistent/p.ini", {}), ConfigError, [](const ConfigError& e) {
    return std::string(e.what()).find("/nonexistent/p.ini") != std::string::npos;
  });
}

BOOST_AUTO_TEST_CASE(a_malformed_line_is_named) {
  TempDir d;
  write_file(d / "p.ini", "[paths\n");
  BOOST_CHECK_EXCEPTION(load_config(d / "p.ini", {}), ConfigError, [&](const ConfigError& e) {
    return std::string(e.what()) == (d / "p.ini").string() + ":1: section header without ']'";
  });
}

BOOST_AUTO_TEST_CASE(the_embedded_panel_is_the_four_reviewers_in_scorecard_order) {
  auto c = load_config({}, {});
  BOOST_TEST((c.reviewer_ids() == std::vector<std::string>{"builder", "skeptic", "futurist", "buyer"}));
  BOOST_TEST(c.reviewers[0].name == "The Builder");
  BOOST_TEST(c.reviewers[3].name == "The Buyer");
  BOOST_TEST(c.reviewers[1].role == "Competitors, failure modes, and what kills it in a year");
  BOOST_TEST(tv::Config{}.reviewer_ids() == c.reviewer_ids());  // a default Config has the panel too
  BOOST_TEST(c.site.base_url == "https://www.tool-verdicts.example");
  BOOST_TEST(c.site.title == "Tool Verdicts");
  BOOST_TEST(c.site.per_page == 20);
}

BOOST_AUTO_TEST_CASE(reviewers_come_from_sections_and_the_command_line_wins) {
  TempDir d;
  write_file(d / "p.ini",
             "[panel]\nreviewers = buyer, lawyer,builder\n"
             "[reviewer.lawyer]\nname = The Lawyer\nrole = Licences and liability\n"
             "[reviewer.builder]\nname = The Maker\n");
  auto c = load_config(d / "p.ini", {{"reviewer.builder.name", "Ada"}});
  BOOST_TEST((c.reviewer_ids() == std::vector<std::string>{"buyer", "lawyer", "builder"}));
  BOOST_TEST(c.reviewers[0].name == "The Buyer");  // embedded
  BOOST_TEST(c.reviewers[1].name == "The Lawyer");
  BOOST_TEST(c.reviewers[1].role == "Licences and liability");
  BOOST_TEST(c.reviewers[2].name == "Ada");  // the command line wins over the file
  BOOST_TEST(c.reviewers[2].role == "Developer experience: the primitive, the DX bet, the first hour with it");
}

BOOST_AUTO_TEST_CASE(a_listed_reviewer_without_a_name_is_named) {
  BOOST_CHECK_EXCEPTION(load_config({}, {{"panel.reviewers", "builder, lawyer"}}), ConfigError, [](const ConfigError& e) {
    return std::string(e.what()) ==
           "reviewer.lawyer.name is missing: 'lawyer' is listed in panel.reviewers but has no display name "
           "(add a [reviewer.lawyer] section with name = ... to the config file)";
  });
  BOOST_CHECK_EXCEPTION(load_config({}, {{"reviewer.builder.name", " "}}), ConfigError, [](const ConfigError& e) {
    return std::string(e.what()).find("reviewer.builder.name is empty") != std::string::npos;
  });
}

BOOST_AUTO_TEST_CASE(a_reviewer_key_for_an_id_not_listed_names_file_line_and_key) {
  TempDir d;
  write_file(d / "p.ini", "[panel]\nreviewers = builder\n[reviewer.skeptic]\nname = The Skeptic\n");
  BOOST_CHECK_EXCEPTION(load_config(d / "p.ini", {}), ConfigError, [&](const ConfigError& e) {
    return std::string(e.what()) == (d / "p.ini").string() +
                                        ":4: reviewer.skeptic.name is for reviewer 'skeptic', who is not in "
                                        "panel.reviewers (builder); add the id there or delete the key";
  });
  // A field other than name and role is an unknown key.
  BOOST_CHECK_EXCEPTION(load_config({}, {{"reviewer.builder.email", "x"}}), ConfigError, [](const ConfigError& e) {
    return std::string(e.what()).find("unknown configuration key 'reviewer.builder.email'") != std::string::npos;
  });
}

BOOST_AUTO_TEST_CASE(reviewer_ids_are_checked) {
  for (std::string bad : {"Builder", "the builder", "builder,,buyer", "", "builder, builder", "bü"}) {
    BOOST_TEST_CONTEXT(bad) {
      BOOST_CHECK_EXCEPTION(load_config({}, {{"panel.reviewers", bad}}), ConfigError, [](const ConfigError& e) {
        return std::string(e.what()).find("panel.reviewers") != std::string::npos;
      });
    }
  }
  BOOST_TEST(load_config({}, {{"panel.reviewers", "skeptic_2,buyer-b"},
                              {"reviewer.skeptic_2.name", "S2"}, {"reviewer.buyer-b.name", "B"}})
                 .reviewers.size() == 2u);
}

BOOST_AUTO_TEST_CASE(the_site_address_is_checked_and_loses_one_trailing_slash) {
  BOOST_TEST(load_config({}, {{"site.base_url", "https://tv.example/"}}).site.base_url == "https://tv.example");
  BOOST_TEST(load_config({}, {{"site.base_url", "http://localhost:8080/tv"}}).site.base_url == "http://localhost:8080/tv");
  for (std::string bad : {"tv.example", "ftp://tv.example", "https://", "https://tv.example//", "https://tv.example/?q=1",
                          "https://tv.example/#top", "https://tv example", ""}) {
    BOOST_TEST_CONTEXT(bad) {
      BOOST_CHECK_EXCEPTION(load_config({}, {{"site.base_url", bad}}), ConfigError, [](const ConfigError& e) {
        return std::string(e.what()).find("site.base_url") != std::string::npos;
      });
    }
  }
  BOOST_CHECK_THROW(load_config({}, {{"site.per_page", "0"}}), ConfigError);
  BOOST_CHECK_THROW(load_config({}, {{"site.title", ""}}), ConfigError);
  BOOST_TEST(load_config({}, {{"site.per_page", "5"}}).site.per_page == 5);
}

// The mail settings: each bad value is refused with a message naming the key.
BOOST_AUTO_TEST_CASE(the_mail_settings_are_checked) {
  auto refused = [](const std::string& key, const std::string& value) {
    try {
      load_config({}, {{key, value}});
    } catch (const ConfigError& e) {
      return std::string(e.what()).find(key) != std::string::npos;
    }
    return false;
  };
  BOOST_TEST(refused("smtp.url", "http://mail.example.com"));
  BOOST_TEST(refused("smtp.url", "smtp://"));
  BOOST_TEST(refused("smtp.url", "smtp://mail.example.com:25?x=1"));
  BOOST_TEST(refused("smtp.tls", "ssl"));
  BOOST_TEST(refused("smtp.from", "digest"));
  BOOST_TEST(refused("smtp.from", "Digest <digest@example.com>"));  // a plain address only
  BOOST_TEST(refused("digest.unsubscribe_mailto", "no-at-sign"));
  BOOST_TEST(refused("digest.list_id", "nodots"));
  BOOST_TEST(refused("digest.list_id", "a b.example"));
  BOOST_TEST(refused("digest.weekday", "someday"));
  BOOST_TEST(refused("smtp.rate_per_second", "-1"));
  BOOST_TEST(refused("smtp.retries", "11"));
  BOOST_TEST(refused("smtp.max_connection_failures", "0"));
  auto c = load_config({}, {{"smtp.url", "smtps://mail.example.com:465"}, {"digest.weekday", "Friday"},
                            {"smtp.rate_per_second", "2.5"}, {"digest.subscribers", "readers.csv"}});
  BOOST_TEST(c.smtp.url == "smtps://mail.example.com:465");
  BOOST_TEST(c.digest.weekday_number == 5);
  BOOST_TEST(c.smtp.rate_per_second == 2.5);
  BOOST_TEST(c.digest.subscribers.is_absolute());  // resolved like every path
  BOOST_TEST(c.smtp.credentials_file.empty());     // optional paths stay empty
}

// The shipped pipeline.ini documents every key, commented out, with its real default.
BOOST_AUTO_TEST_CASE(the_shipped_ini_documents_every_key_with_its_default) {
  std::ifstream in(std::string(TV_SOURCE_DIR) + "/pipeline.ini");
  BOOST_REQUIRE(in);
  std::string line, section;
  std::map<std::string, std::string> documented;
  std::regex header(R"(^\[([\w.]+)\]$)"), key(R"(^# (\w+) =(?: (.*))?$)");
  std::smatch m;
  while (std::getline(in, line)) {
    if (std::regex_match(line, m, header)) section = m[1];
    else if (std::regex_match(line, m, key)) documented[section + "." + std::string(m[1])] = m[2];
  }
  for (const auto& k : tv::config_keys()) {
    BOOST_TEST_CONTEXT(k.key) {
      BOOST_TEST(documented.count(k.key) == 1u);
      BOOST_TEST(documented[k.key] == k.default_value);
    }
  }
  BOOST_TEST(documented.size() == tv::config_keys().size());
  BOOST_TEST(documented["reviewer.skeptic.name"] == "The Skeptic");
  // And the file as shipped loads.
  BOOST_CHECK_NO_THROW(load_config(std::string(TV_SOURCE_DIR) + "/pipeline.ini", {}));
}

BOOST_AUTO_TEST_SUITE_END()
