#include <boost/test/unit_test.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include "stages/ingest/inbox.hpp"
#include "test_util.hpp"

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using tv::ingest::Inbox;
using tv::test::read_file;
using tv::test::TempDir;
using tv::test::write_file;

BOOST_AUTO_TEST_SUITE(inbox)

namespace {
struct Fixture {
  TempDir d;
  Inbox inbox{{d / "inbox", d / "archive", d / "rejected"}, 5s};
  Fixture() { fs::create_directories(d / "inbox"); }
  // Makes a file look `age` old.
  void age(const fs::path& p, std::chrono::seconds a) { fs::last_write_time(p, fs::file_time_type::clock::now() - a); }
  fs::file_time_type now() const { return fs::file_time_type::clock::now(); }
};
}  // namespace

BOOST_FIXTURE_TEST_CASE(ready_files_are_claimed_and_dotfiles_and_new_files_left, Fixture) {
  write_file(d / "inbox/b.html", "b");
  write_file(d / "inbox/a.html", "a");
  write_file(d / "inbox/.README", "notes");
  write_file(d / "inbox/fresh.html", "still copying");
  age(d / "inbox/a.html", 60s);
  age(d / "inbox/b.html", 60s);
  age(d / "inbox/.README", 60s);

  auto w = inbox.count(now());
  BOOST_TEST(w.ready == 2);
  BOOST_TEST(w.too_new == 1);
  BOOST_TEST(w.dotfiles == 1);

  auto claimed = inbox.claim_ready(now());
  BOOST_REQUIRE(claimed.size() == 2u);
  BOOST_TEST(claimed[0].name == "a.html");
  BOOST_TEST(claimed[1].name == "b.html");
  BOOST_TEST(claimed[0].path.parent_path() == d / "inbox/.processing");
  BOOST_TEST(read_file(claimed[0].path) == "a");
  BOOST_TEST(!fs::exists(d / "inbox/a.html"));
  BOOST_TEST(fs::exists(d / "inbox/.README"));
  BOOST_TEST(fs::exists(d / "inbox/fresh.html"));
  w = inbox.count(now());  // .processing, which now exists, is ours: not counted
  BOOST_TEST(w.dotfiles == 1);
  BOOST_TEST(w.claimed == 2);
}

BOOST_FIXTURE_TEST_CASE(claims_left_by_a_dead_run_are_found_again_with_their_names, Fixture) {
  write_file(d / "inbox/page~1.html", "x");
  age(d / "inbox/page~1.html", 60s);
  auto claimed = inbox.claim_ready(now());
  BOOST_REQUIRE(claimed.size() == 1u);
  Inbox next_run{{d / "inbox", d / "archive", d / "rejected"}, 5s};
  auto again = next_run.unfinished();
  BOOST_REQUIRE(again.size() == 1u);
  BOOST_TEST(again[0].name == "page~1.html");
  BOOST_TEST(again[0].path == claimed[0].path);
}

BOOST_FIXTURE_TEST_CASE(the_same_name_dropped_while_a_claim_is_pending_gets_its_own_claim, Fixture) {
  write_file(d / "inbox/p.html", "one");
  age(d / "inbox/p.html", 60s);
  auto first = inbox.claim_ready(now());
  write_file(d / "inbox/p.html", "two");
  age(d / "inbox/p.html", 60s);
  auto second = inbox.claim_ready(now());
  BOOST_REQUIRE(first.size() == 1u);
  BOOST_REQUIRE(second.size() == 1u);
  BOOST_TEST(first[0].path != second[0].path);
  BOOST_TEST(read_file(first[0].path) == "one");
  BOOST_TEST(read_file(second[0].path) == "two");
}

BOOST_FIXTURE_TEST_CASE(archived_files_keep_their_bytes_under_day_and_hash, Fixture) {
  write_file(d / "inbox/a.html", "bytes");
  age(d / "inbox/a.html", 60s);
  auto c = inbox.claim_ready(now()).at(0);
  auto when = std::chrono::system_clock::from_time_t(1795000000);  // 2026-11-18 UTC
  auto to = inbox.archive_path(c, "0123456789abcdef", when);
  BOOST_TEST(to == d / "archive/2026/11/18/0123456789ab-a.html");
  BOOST_TEST(inbox.file_away(c, to) == to);
  BOOST_TEST(read_file(to) == "bytes");
  BOOST_TEST(fs::is_empty(d / "inbox/.processing"));
}

BOOST_FIXTURE_TEST_CASE(rejected_files_sit_beside_their_reason_and_never_overwrite, Fixture) {
  for (int i = 0; i < 2; ++i) {
    write_file(d / "inbox/bad.png", "png" + std::to_string(i));
    age(d / "inbox/bad.png", 60s);
    auto c = inbox.claim_ready(now()).at(0);
    inbox.reject(c, inbox.reject_path(c, {}), "reason " + std::to_string(i));
  }
  BOOST_TEST(read_file(d / "rejected/bad.png") == "png0");
  BOOST_TEST(read_file(d / "rejected/bad.png.reason.txt") == "reason 0\n");
  BOOST_TEST(read_file(d / "rejected/bad.png (2)") == "png1");
  BOOST_TEST(read_file(d / "rejected/bad.png (2).reason.txt") == "reason 1\n");
}

BOOST_FIXTURE_TEST_CASE(a_file_named_like_a_reason_file_is_never_overwritten, Fixture) {
  // First "b.html.reason.txt" (an input moved aside), then "b.html", whose reason file
  // would have that name.
  for (const char* name : {"b.html.reason.txt", "b.html"}) {
    write_file(d / "inbox" / name, std::string("bytes of ") + name);
    age(d / "inbox" / name, 60s);
    auto c = inbox.claim_ready(now()).at(0);
    inbox.reject(c, inbox.reject_path(c, {}), std::string("why ") + name);
  }
  BOOST_TEST(read_file(d / "rejected/b.html.reason.txt") == "bytes of b.html.reason.txt");
  BOOST_TEST(read_file(d / "rejected/b.html (2)") == "bytes of b.html");
  BOOST_TEST(read_file(d / "rejected/b.html (2).reason.txt") == "why b.html\n");
}

BOOST_FIXTURE_TEST_CASE(names_promised_to_a_batch_are_not_given_twice, Fixture) {
  write_file(d / "inbox/x.png", "1");
  age(d / "inbox/x.png", 60s);
  auto c = inbox.claim_ready(now()).at(0);
  std::set<fs::path> promised{d / "rejected/x.png"};
  BOOST_TEST(inbox.reject_path(c, promised) == d / "rejected/x.png (2)");
  // A file of the batch named like this one's reason file holds that name too.
  BOOST_TEST(inbox.reject_path(c, {d / "rejected/x.png.reason.txt"}) == d / "rejected/x.png (2)");
  BOOST_TEST(inbox.reject_path(c, {}) == d / "rejected/x.png");
  BOOST_TEST(!fs::exists(d / "rejected/x.png"));  // only planned: nothing moved yet
}

BOOST_FIXTURE_TEST_CASE(a_reason_file_left_by_a_killed_run_is_rewritten_at_the_recorded_path, Fixture) {
  write_file(d / "inbox/y.png", "y");
  age(d / "inbox/y.png", 60s);
  auto c = inbox.claim_ready(now()).at(0);
  auto to = inbox.reject_path(c, {});
  write_file(fs::path(to.string() + ".reason.txt"), "half of an old reason");  // killed before the move
  BOOST_TEST(inbox.reject(c, to, "the reason") == to);
  BOOST_TEST(read_file(to) == "y");
  BOOST_TEST(read_file(fs::path(to.string() + ".reason.txt")) == "the reason\n");
}

BOOST_FIXTURE_TEST_CASE(links_folders_and_pipes_are_claimed_unopened, Fixture) {
  write_file(d / "secret", "do not read");
  fs::create_symlink(d / "secret", d / "inbox/link.html");
  fs::create_directories(d / "inbox/folder");
  BOOST_REQUIRE(::mkfifo((d / "inbox/pipe").c_str(), 0600) == 0);
  age(d / "inbox/folder", 60s);
  age(d / "inbox/pipe", 60s);
  auto claimed = inbox.claim_ready(now());
  BOOST_REQUIRE(claimed.size() == 3u);
  for (const auto& c : claimed) BOOST_TEST(!c.regular);
  for (const auto& c : claimed) inbox.reject(c, inbox.reject_path(c, {}), "not a file");
  BOOST_TEST(fs::is_symlink(d / "rejected/link.html"));
  BOOST_TEST(fs::is_directory(d / "rejected/folder"));
  BOOST_TEST(read_file(d / "secret") == "do not read");
}

BOOST_AUTO_TEST_CASE(hostile_names_become_safe_and_visible) {
  using tv::ingest::safe_file_name;
  BOOST_TEST(safe_file_name("a\nb\x1b[31m.html") == "a_b_[31m.html");
  BOOST_TEST(safe_file_name("..") == "_..");
  BOOST_TEST(safe_file_name("caf\xe9.html") == "caf_.html");
  BOOST_TEST(safe_file_name("café.html") == "café.html");
  BOOST_TEST(safe_file_name("") == "_");
  BOOST_TEST(safe_file_name(std::string(400, 'x')).size() == 180u);
}

BOOST_AUTO_TEST_SUITE_END()
