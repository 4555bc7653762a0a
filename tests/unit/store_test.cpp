#include <boost/test/unit_test.hpp>

#include <sqlite3.h>

#include "pipeline/store.hpp"
#include "test_util.hpp"

using namespace tv;
using tv::test::TempDir;

BOOST_AUTO_TEST_SUITE(store)

namespace {
Drop drop(const std::string& run, const std::string& name, const std::string& sha, DropOutcome o) {
  return Drop{run, name, sha, 10, o, "html", "/archive/" + name, o == DropOutcome::rejected ? "bad" : "", "2026-11-22T00:00:00Z", "2026-11-22"};
}
}  // namespace

BOOST_AUTO_TEST_CASE(a_new_store_is_migrated_and_in_wal_mode) {
  TempDir d;
  auto s = Store::open(d / "state/pipeline.db");
  BOOST_TEST(s.schema_version() == 6);
  sqlite3* db = nullptr;
  sqlite3_open((d / "state/pipeline.db").c_str(), &db);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr);
  sqlite3_step(st);
  BOOST_TEST(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) == "wal");
  sqlite3_finalize(st);
  sqlite3_close(db);
}

BOOST_AUTO_TEST_CASE(taken_drops_and_their_records_survive_a_reopen) {
  TempDir d;
  {
    auto s = Store::open(d / "p.db");
    s.begin_run("r1", "run", "2026-11-22T00:00:00Z");
    s.record({{drop("r1", "a.html", "aaa", DropOutcome::taken), {{"A", "Developer Tools", R"({"name":"A"})"}}},
              {drop("r1", "b.png", "bbb", DropOutcome::rejected), {}}});
    s.end_run({"r1", "run", "", "2026-11-22T00:01:00Z", "ok", 10});
  }
  auto s = Store::open(d / "p.db");
  BOOST_TEST(s.find_taken("aaa").has_value());
  BOOST_TEST(s.find_taken("aaa")->name == "a.html");
  BOOST_TEST(!s.find_taken("bbb").has_value());  // rejected bytes may be dropped again
  BOOST_TEST(s.record_jsons() == std::vector<std::string>{R"({"name":"A"})"});
  auto rejected = s.rejected_drops();
  BOOST_REQUIRE(rejected.size() == 1u);
  BOOST_TEST(rejected[0].reason == "bad");
  auto last = s.last_run();
  BOOST_REQUIRE(last.has_value());
  BOOST_TEST(last->taken == 1);
  BOOST_TEST(last->rejected == 1);
  BOOST_TEST(last->records == 1);
  BOOST_TEST(last->exit_code == 10);
  BOOST_TEST(s.taken_hashes() == std::vector<std::string>{"aaa"});
}

BOOST_AUTO_TEST_CASE(files_moved_aside_are_listed_by_run_day_then_name_whatever_the_filing_order) {
  TempDir d;
  auto s = Store::open(d / "p.db");
  s.begin_run("r1", "run", "t");
  auto on = [](Drop x, const char* day) {
    x.day = day;
    return x;
  };
  // Filed in an order a worker pool or a resumed run might produce.
  s.record({{on(drop("r1", "b.html", "b1", DropOutcome::rejected), "2026-11-21"), {}, {}},
            {on(drop("r1", "c.html", "c1", DropOutcome::rejected), "2026-11-22"), {}, {}},
            {on(drop("r1", "a.html", "a1", DropOutcome::rejected), "2026-11-21"), {}, {}},
            {on(drop("r1", "a.html", "a0", DropOutcome::rejected), "2026-11-21"), {}, {}}});
  std::vector<std::string> order;
  for (const auto& x : s.rejected_drops()) order.push_back(x.day + " " + x.name + " " + x.sha256);
  BOOST_TEST(order == (std::vector<std::string>{"2026-11-22 c.html c1", "2026-11-21 a.html a0",
                                                "2026-11-21 a.html a1", "2026-11-21 b.html b1"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_recorded_claim_is_found_by_its_path) {
  TempDir d;
  auto s = Store::open(d / "p.db");
  s.begin_run("r1", "run", "t");
  Drop x = drop("r1", "a.html", "aaa", DropOutcome::rejected);
  x.claim = "/inbox/.processing/1795000000000000-000003~a.html";
  s.record({{x, {}, {}}});
  auto found = s.find_by_claim(x.claim);
  BOOST_REQUIRE(found.has_value());
  BOOST_TEST(found->moved_to == "/archive/a.html");
  BOOST_TEST(!s.find_by_claim("/inbox/.processing/1795000000000000-000004~a.html").has_value());
  BOOST_TEST(!s.find_by_claim("").has_value());  // rows of older versions have no claim
}

BOOST_AUTO_TEST_CASE(a_failed_batch_leaves_nothing_behind) {
  TempDir d;
  auto s = Store::open(d / "p.db");
  s.begin_run("r1", "run", "t");
  // The second drop names a run that does not exist: the foreign key fails the batch.
  BOOST_CHECK_THROW(s.record({{drop("r1", "a.html", "aaa", DropOutcome::taken), {{"A", "", "{}"}}},
                              {drop("nope", "b.html", "bbb", DropOutcome::taken), {}}}),
                    StoreError);
  BOOST_TEST(!s.find_taken("aaa").has_value());
  BOOST_TEST(s.record_jsons().empty());
}

BOOST_AUTO_TEST_CASE(the_catalogue_round_trips_and_history_is_never_rewritten) {
  TempDir d;
  {
    auto s = Store::open(d / "p.db");
    s.begin_run("r1", "run", "t");
    catalogue::DirectiveRow x{0, "", 4, "2026-11-21", "maria", "merge", "SmolVLM2", "SmolVLM2-2B", "note", "", ""};
    s.record({{drop("r1", "a.html", "aaa", DropOutcome::taken), {{"A", "", R"({"name":"A"})"}}, {}},
              {drop("r1", "d.xml", "ddd", DropOutcome::taken), {}, {x}}});
    auto recs = s.records();
    BOOST_REQUIRE_EQUAL(recs.size(), 1u);
    BOOST_TEST(recs[0].id == "aaa:0");
    BOOST_TEST(recs[0].json == R"({"name":"A"})");
    auto dirs = s.directives();
    BOOST_REQUIRE_EQUAL(dirs.size(), 1u);
    BOOST_TEST(dirs[0].file == "d.xml");  // the drop's name
    BOOST_TEST(dirs[0].status == "pending");
    dirs[0].status = "applied";
    dirs[0].detail = "one tool: SmolVLM2";
    s.save_catalogue({{"t1", "smolvlm2", "SmolVLM2", 1, "2026-11-21", "", "{}"}}, {{"aaa:0", "t1"}},
                     {{"a-vs-b", "t1", "t2", "Developer Tools", "2026-11-21", "why", "r1", "", ""}}, dirs);
  }
  auto s = Store::open(d / "p.db");
  // A second night: the tool is renamed and absorbed; its slug, seq and date stay; the
  // comparison is withdrawn, its publication date stays.
  s.save_catalogue({{"t1", "other-slug", "SmolVLM 2", 9, "2030-01-01", "t0", ""}}, {{"aaa:0", "t0"}},
                   {{"a-vs-b", "t1", "t2", "Developer Tools", "2030-01-01", "why", "r2", "2026-11-22", "one tool"}}, {});
  auto tools = s.tools();
  BOOST_REQUIRE_EQUAL(tools.size(), 1u);
  BOOST_TEST(tools[0].slug == "smolvlm2");
  BOOST_TEST(tools[0].seq == 1);
  BOOST_TEST(tools[0].created_at == "2026-11-21");
  BOOST_TEST(tools[0].name == "SmolVLM 2");
  BOOST_TEST(tools[0].absorbed_into == "t0");
  BOOST_TEST((s.tool_members() == std::vector<std::pair<std::string, std::string>>{{"aaa:0", "t0"}}));
  auto comps = s.comparisons();
  BOOST_REQUIRE_EQUAL(comps.size(), 1u);
  BOOST_TEST(comps[0].published_on == "2026-11-21");
  BOOST_TEST(comps[0].withdrawn_on == "2026-11-22");
  BOOST_TEST(s.directives()[0].detail == "one tool: SmolVLM2");
}

BOOST_AUTO_TEST_CASE(reviews_votes_and_notes_are_kept_with_their_file_in_arrival_order) {
  TempDir d;
  {
    auto s = Store::open(d / "p.db");
    s.begin_run("r1", "run", "t");
    Store::DropRecords panel{drop("r1", "panel.xml", "ppp", DropOutcome::taken), {}, {}, {}, {}, {}};
    panel.reviews.push_back({0, "", 3, "2026-11-20", "SmolVLM-3B", "builder", "ship", "Loads in four lines.", "", ""});
    panel.reviews.push_back({0, "", 4, "2026-11-20", "SmolVLM-3B", "buyer", "skip", "No pricing.", "", ""});
    Store::DropRecords votes{drop("r1", "votes.csv", "vvv", DropOutcome::taken), {}, {}, {}, {}, {}};
    votes.votes.push_back({0, "", 2, "SmolVLM2", "v-1", "ship", "2026-11-20T08:14:03Z", ""});
    votes.notes.push_back({"", "", "", 3, "the vote is \"maybe\"; write ship or skip."});
    votes.notes.push_back({"", "", "", 0, "and 3 more problems."});
    s.record({panel, votes});
  }
  auto s = Store::open(d / "p.db");
  auto reviews = s.reviews();
  BOOST_REQUIRE_EQUAL(reviews.size(), 2u);
  BOOST_TEST(reviews[0].id < reviews[1].id);
  BOOST_TEST(reviews[0].file == "panel.xml");
  BOOST_TEST(reviews[0].run_id == "r1");
  BOOST_TEST(reviews[0].taken_at == "2026-11-22T00:00:00Z");
  BOOST_TEST(reviews[1].reviewer == "buyer");
  BOOST_TEST(reviews[1].verdict == "skip");
  BOOST_TEST(reviews[1].quote == "No pricing.");
  BOOST_TEST(reviews[1].line == 4);
  auto votes = s.votes();
  BOOST_REQUIRE_EQUAL(votes.size(), 1u);
  BOOST_TEST(votes[0].file == "votes.csv");
  BOOST_TEST(votes[0].cast_at == "2026-11-20T08:14:03Z");
  auto notes = s.drop_notes();
  BOOST_REQUIRE_EQUAL(notes.size(), 2u);
  BOOST_TEST(notes[0].file == "votes.csv");
  BOOST_TEST(notes[0].line == 3);
  BOOST_TEST(notes[1].line == 0);
  BOOST_TEST(s.drop_notes(1).size() == 1u);
  BOOST_TEST(s.last_run()->taken == 2);
}

BOOST_AUTO_TEST_CASE(a_failed_batch_keeps_no_review_or_vote) {
  TempDir d;
  auto s = Store::open(d / "p.db");
  s.begin_run("r1", "run", "t");
  Store::DropRecords bad{drop("r1", "panel.xml", "ppp", DropOutcome::taken), {}, {}, {}, {}, {}};
  bad.reviews.push_back({0, "", 3, "2026-11-20", "X", "builder", "maybe", "q", "", ""});  // the CHECK fails
  Store::DropRecords votes{drop("r1", "votes.csv", "vvv", DropOutcome::taken), {}, {}, {}, {}, {}};
  votes.votes.push_back({0, "", 2, "X", "v-1", "ship", "2026-11-20T08:14:03Z", ""});
  BOOST_CHECK_THROW(s.record({votes, bad}), StoreError);
  BOOST_TEST(s.votes().empty());
  BOOST_TEST(s.reviews().empty());
  BOOST_TEST(!s.find_taken("vvv").has_value());
}

// A version 2 database (issue 3) gains the review, vote and note tables; its rows stay.
BOOST_AUTO_TEST_CASE(a_version_2_store_is_migrated_forward) {
  TempDir d;
  {
    auto s = Store::open(d / "p.db");
    s.begin_run("r1", "run", "t");
    catalogue::DirectiveRow x{0, "", 4, "2026-11-21", "maria", "merge", "A", "B", "", "", ""};
    s.record({{drop("r1", "d.xml", "ddd", DropOutcome::taken), {}, {x}},
              {drop("r1", "bad.html", "eee", DropOutcome::rejected), {}, {}}});
  }
  // Turn it back into what issue 3 left on disk.
  sqlite3* db = nullptr;
  sqlite3_open((d / "p.db").c_str(), &db);
  BOOST_REQUIRE(sqlite3_exec(db, "DROP TABLE readers; DROP TABLE reader_events; DROP TABLE confirmations; DROP TABLE bounce_messages; "
                                 "DROP TABLE digest_sends; DROP TABLE digests; DROP TABLE tool_history; "
                                 "DROP TABLE reviews; DROP TABLE votes; DROP TABLE drop_notes; DROP INDEX drops_by_claim; ALTER TABLE drops DROP COLUMN claim; ALTER TABLE drops DROP COLUMN day; "
                                 "PRAGMA user_version=2",
                             nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);

  auto s = Store::open(d / "p.db");
  BOOST_TEST(s.schema_version() == 6);
  BOOST_TEST(s.directives().size() == 1u);
  BOOST_TEST(s.digest_weeks().empty());
  BOOST_TEST(s.reviews().empty());
  BOOST_REQUIRE(s.rejected_drops().size() == 1u);
  BOOST_TEST(s.rejected_drops()[0].day == "2026-11-22");  // v5: from the time it was filed
  s.begin_run("r2", "run", "t");
  Store::DropRecords panel{drop("r2", "panel.xml", "ppp", DropOutcome::taken), {}, {}, {}, {}, {}};
  panel.reviews.push_back({0, "", 3, "2026-11-20", "A", "builder", "ship", "q", "", ""});
  s.record({panel});
  BOOST_TEST(s.reviews().size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_newer_schema_is_refused) {
  TempDir d;
  { auto s = Store::open(d / "p.db"); }
  sqlite3* db = nullptr;
  sqlite3_open((d / "p.db").c_str(), &db);
  sqlite3_exec(db, "PRAGMA user_version=99", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  BOOST_CHECK_EXCEPTION(Store::open(d / "p.db"), StoreError, [](const StoreError& e) {
    return std::string(e.what()).find("newer than this pipeline knows") != std::string::npos;
  });
}

BOOST_AUTO_TEST_CASE(an_unopenable_path_is_a_store_error) {
  TempDir d;
  tv::test::write_file(d / "file", "x");
  BOOST_CHECK_THROW(Store::open(d / "file/p.db"), StoreError);
}

BOOST_AUTO_TEST_SUITE_END()
