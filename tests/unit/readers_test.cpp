// Readers in the store: the change rules (stages/digest/readers), imports of a subscribers file
// (pipeline/readers_step) and the history, against a real SQLite file.
#include <boost/test/unit_test.hpp>

#include <fstream>

#include "pipeline/readers_step.hpp"
#include "pipeline/store.hpp"
#include "stages/digest/readers.hpp"
#include "test_util.hpp"

using namespace tv;
using digest::Applied;
using digest::How;
using digest::ReaderStatus;
using tv::test::TempDir;

BOOST_AUTO_TEST_SUITE(readers)

namespace {

std::filesystem::path write(const TempDir& d, const std::string& name, const std::string& text) {
  auto p = d / name;
  std::ofstream(p, std::ios::binary) << text;
  return p;
}

std::string statuses(const Store& s) {
  std::string out;
  for (const auto& r : s.readers()) out += (out.empty() ? "" : " ") + r.email + "=" + std::string(to_string(r.status));
  return out;
}

digest::ReaderChange change(const std::string& email, ReaderStatus to, How how, std::vector<ReaderStatus> from = {},
                            bool create = false) {
  digest::ReaderChange c;
  c.key = digest::reader_key(email);
  c.email = email;
  c.to = to;
  c.how = how;
  c.from = std::move(from);
  c.create = create;
  return c;
}

}  // namespace

BOOST_AUTO_TEST_CASE(decide_follows_the_rules) {
  auto c = change("a@example.com", ReaderStatus::subscribed, How::confirm, {ReaderStatus::pending});
  BOOST_TEST(int(digest::decide(std::nullopt, c)) == int(Applied::refused));  // no create
  BOOST_TEST(int(digest::decide(ReaderStatus::pending, c)) == int(Applied::changed));
  BOOST_TEST(int(digest::decide(ReaderStatus::subscribed, c)) == int(Applied::unchanged));
  BOOST_TEST(int(digest::decide(ReaderStatus::unsubscribed, c)) == int(Applied::refused));
  c.create = true;
  BOOST_TEST(int(digest::decide(std::nullopt, c)) == int(Applied::created));
}

BOOST_AUTO_TEST_CASE(an_import_adds_folds_case_and_keeps_the_first_spelling) {
  TempDir d;
  auto s = Store::open(d / "p.db");
  auto f = write(d, "subs.csv", "email,name,status\nADA@Example.org,Ada,subscribed\nada@example.org,Other,subscribed\n"
                               "bob@example.com,,unsubscribed\n");
  auto r = import_subscribers(s, f);
  BOOST_REQUIRE(r);
  BOOST_TEST(r->added == 2u);
  BOOST_TEST(statuses(s) == "ADA@Example.org=subscribed bob@example.com=unsubscribed");
  BOOST_TEST(s.reader("ada@example.org")->name == "Ada");
  const auto h = s.reader_history("ada@example.org");
  BOOST_REQUIRE(h.size() == 1u);
  BOOST_TEST(h[0].previous == "");
  BOOST_TEST(int(h[0].how) == int(How::import));
  BOOST_TEST(h[0].detail == "imported from subs.csv");
}

BOOST_AUTO_TEST_CASE(importing_twice_changes_nothing) {
  TempDir d;
  auto s = Store::open(d / "p.db");
  auto f = write(d, "subs.csv", "email,name,status\na@example.com,A,subscribed\nb@example.com,B,unsubscribed\n");
  BOOST_REQUIRE(import_subscribers(s, f));
  auto again = import_subscribers(s, f);
  BOOST_REQUIRE(again);
  BOOST_TEST(again->added == 0u);
  BOOST_TEST(again->unchanged == 2u);
  BOOST_TEST(s.reader_history("a@example.com").size() == 1u);
  BOOST_TEST(s.reader_history("b@example.com").size() == 1u);
}

BOOST_AUTO_TEST_CASE(an_unsubscribe_in_the_file_wins_whatever_the_order) {
  TempDir d;
  auto s = Store::open(d / "p.db");
  auto f = write(d, "subs.csv", "email,name,status\na@example.com,A,subscribed\nA@EXAMPLE.com,A,unsubscribed\n");
  BOOST_REQUIRE(import_subscribers(s, f));
  BOOST_TEST(statuses(s) == "a@example.com=unsubscribed");
}

BOOST_AUTO_TEST_CASE(an_import_never_resubscribes_an_unsubscribed_or_suppressed_reader) {
  TempDir d;
  auto s = Store::open(d / "p.db");
  auto f = write(d, "subs.csv", "email,name,status\na@example.com,A,subscribed\nb@example.com,B,subscribed\n"
                               "c@example.com,C,subscribed\n");
  BOOST_REQUIRE(import_subscribers(s, f));
  s.change_readers({change("a@example.com", ReaderStatus::unsubscribed, How::one_click),
                    change("b@example.com", ReaderStatus::bounced, How::bounce),
                    change("c@example.com", ReaderStatus::complained, How::complaint)},
                   "2026-12-01T00:00:00Z");
  auto r = import_subscribers(s, f);
  BOOST_REQUIRE(r);
  BOOST_TEST(r->kept == 3u);
  BOOST_TEST(statuses(s) == "a@example.com=unsubscribed b@example.com=bounced c@example.com=complained");
}

BOOST_AUTO_TEST_CASE(an_import_confirms_a_pending_reader_and_unsubscribes_a_subscribed_one) {
  TempDir d;
  auto s = Store::open(d / "p.db");
  s.change_readers({change("p@example.com", ReaderStatus::pending, How::form, {}, true),
                    change("q@example.com", ReaderStatus::subscribed, How::editor, {}, true)},
                   "2026-12-01T00:00:00Z");
  auto f = write(d, "subs.csv", "email,name,status\np@example.com,P,subscribed\nq@example.com,Q,unsubscribed\n");
  auto r = import_subscribers(s, f);
  BOOST_REQUIRE(r);
  BOOST_TEST(r->confirmed == 1u);
  BOOST_TEST(r->unsubscribed == 1u);
  BOOST_TEST(statuses(s) == "p@example.com=subscribed q@example.com=unsubscribed");
  BOOST_TEST(s.reader("p@example.com")->name == "P");  // an empty name is filled in
  const auto h = s.reader_history("p@example.com");
  BOOST_REQUIRE(h.size() == 2u);
  BOOST_TEST(h[1].previous == "pending");
}

BOOST_AUTO_TEST_CASE(a_dry_run_previews_the_import_and_changes_nothing) {
  TempDir d;
  auto s = Store::open(d / "p.db");
  s.change_readers({change("gone@example.com", ReaderStatus::unsubscribed, How::one_click, {}, true),
                    change("old@example.com", ReaderStatus::subscribed, How::import, {}, true)},
                   "2026-12-01T00:00:00Z");
  auto f = write(d, "subs.csv", "email,name,status\ngone@example.com,G,subscribed\nnew@example.com,N,subscribed\n");
  auto preview = subscribed_after_import(s, f);
  BOOST_REQUIRE(preview);
  std::string emails;
  for (const auto& r : *preview) emails += r.email + " ";
  BOOST_TEST(emails == "old@example.com new@example.com ");
  BOOST_TEST(statuses(s) == "gone@example.com=unsubscribed old@example.com=subscribed");
}

BOOST_AUTO_TEST_CASE(a_file_that_cannot_be_used_changes_nothing) {
  TempDir d;
  auto s = Store::open(d / "p.db");
  BOOST_TEST(!import_subscribers(s, d / "missing.csv"));
  BOOST_TEST(!import_subscribers(s, write(d, "bad.csv", "mail,who\nx@example.com,X\n")));
  BOOST_TEST(s.readers().empty());
}

BOOST_AUTO_TEST_CASE(the_store_asks_the_reader_status_now) {
  TempDir d;
  auto s = Store::open(d / "p.db");
  BOOST_TEST(!s.reader_status_now("a@example.com"));
  s.change_readers({change("a@example.com", ReaderStatus::subscribed, How::editor, {}, true)}, "t1");
  BOOST_TEST(int(*s.reader_status_now("a@example.com")) == int(ReaderStatus::subscribed));
  auto other = Store::open(d / "p.db");  // another process's view, as `serve` beside a send
  other.change_readers({change("a@example.com", ReaderStatus::unsubscribed, How::one_click)}, "t2");
  BOOST_TEST(int(*s.reader_status_now("a@example.com")) == int(ReaderStatus::unsubscribed));
}

BOOST_AUTO_TEST_SUITE_END()
