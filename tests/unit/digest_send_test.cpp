// The digest send loop (pipeline/digest_step.hpp send_digest) against a real SQLite store in a
// temporary folder and a scripted Transport: the ledger, retries, stops, crashes (an exception,
// and a killed child process settled from its journal), pacing, and the store's ledger API.
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/digest_step.hpp"
#include "pipeline/store.hpp"
#include "stages/digest/content.hpp"
#include "stages/digest/ledger.hpp"
#include "stages/digest/letter.hpp"
#include "stages/digest/smtp.hpp"
#include "stages/digest/token.hpp"
#include "stages/site/templates.hpp"
#include "test_util.hpp"
#include "tests/unit/mail_decode.hpp"
#include "pipeline/send_journal.hpp"

using namespace tv;
using digest::Delivery;
using digest::SendStatus;
using nlohmann::json;
using tv::test::TempDir;

using tv::test::b64_decode;
using tv::test::qp_decode;
using tv::test::split;

namespace {

// ---- A scripted stand-in for the SMTP session ----------------------------------------------------

enum class Do { accept, refuse_rcpt, refuse_data, defer, broken, uncertain, fatal, fatal_after_data, throw_after_data,
                throw_before_data };

struct Given {
  std::string from, to, message;
  bool handed = false;  // on_data ran
};

class FakeTransport final : public digest::Transport {
 public:
  std::map<std::string, std::vector<Do>> script;  // per recipient, per try; past its end: fallback
  Do fallback = Do::accept;
  std::vector<Given> given;                       // every call, in order
  std::function<void(const std::string& to)> on_send;  // runs at each call (a test's event)

  digest::Attempt send(const std::string& from, const std::string& to, const std::string& message,
                       const std::function<void()>& on_data) override {
    if (on_send) on_send(to);
    std::size_t n = 0;
    for (const auto& g : given) n += g.to == to;
    given.push_back({from, to, message, false});
    Do what = fallback;
    if (auto it = script.find(to); it != script.end() && n < it->second.size()) what = it->second[n];
    auto data = [&] {
      given.back().handed = true;
      on_data();
    };
    switch (what) {
      case Do::accept:
        data();
        return {Delivery::accepted, 250, "250 2.0.0 Ok: queued as X"};
      case Do::refuse_rcpt:
        return {Delivery::refused, 550, "550 5.1.1 <" + to + ">: mailbox unavailable"};
      case Do::refuse_data:
        data();
        return {Delivery::refused, 554, "554 5.7.1 message rejected"};
      case Do::defer:
        return {Delivery::deferred, 451, "451 4.7.1 greylisted, try again later"};
      case Do::broken:
        return {Delivery::broken, 0, "Couldn't connect to server"};
      case Do::uncertain:
        data();
        return {Delivery::uncertain, 0, "Timeout was reached"};
      case Do::fatal:
        return {Delivery::fatal, 535, "535 5.7.8 authentication failed"};
      case Do::fatal_after_data:
        data();
        return {Delivery::fatal, 0, "SSL connection reset after the data"};
      case Do::throw_after_data:
        data();
        throw std::runtime_error("the run died here");
      case Do::throw_before_data:
        throw std::runtime_error("the run died before this message went out");
    }
    return {};
  }

  std::size_t calls(const std::string& to) const {
    return std::size_t(std::count_if(given.begin(), given.end(), [&](const Given& g) { return g.to == to; }));
  }
};

// ---- Message parsing, written for the test ------------------------------------------------------

std::string lower(std::string s) {
  for (char& c : s) c = char(std::tolower((unsigned char)c));
  return s;
}

// The unfolded value of a top-level header ("" when absent).
std::string header_of(const std::string& message, const std::string& name) {
  auto end = message.find("\r\n\r\n");
  std::string head = message.substr(0, end);
  for (const auto& l : tv::test::unfold(split(head, "\r\n"))) {
    auto colon = l.find(':');
    if (colon != std::string::npos && lower(l.substr(0, colon)) == lower(name)) {
      std::string v = l.substr(colon + 1);
      return v.erase(0, std::min(v.find_first_not_of(" \t"), v.size()));
    }
  }
  return "";
}

// Both parts decoded, concatenated (text/plain first).
std::string bodies(const std::string& message) {
  auto ct = header_of(message, "Content-Type");
  auto b = ct.find("boundary=\"");
  BOOST_REQUIRE(b != std::string::npos);
  std::string boundary = ct.substr(b + 10, ct.find('"', b + 10) - b - 10);
  std::string out;
  auto parts = split(message.substr(message.find("\r\n\r\n") + 4), "--" + boundary);
  for (std::size_t i = 1; i + 1 < parts.size(); ++i) {
    auto he = parts[i].find("\r\n\r\n");
    BOOST_REQUIRE(he != std::string::npos);
    out += qp_decode(parts[i].substr(he + 4)) + "\n";
  }
  return out;
}

// ---- Fixture ------------------------------------------------------------------------------------

const std::string kSecret = "a digest secret for the tests";

digest::Settings settings() {
  digest::Settings s;
  s.site_title = "Tool Verdicts";
  s.base_url = "https://www.tool-verdicts.example";
  s.list_name = "Weekly AI Tool Verdicts";
  s.list_id = "weekly.tool-verdicts.example";
  s.from_name = "Tool Verdicts";
  s.from_email = "digest@tool-verdicts.example";
  s.unsubscribe_mailto = "unsubscribe@tool-verdicts.example";
  return s;
}

digest::ToolState tool_state(const std::string& id, const std::string& name) {
  digest::ToolState t;
  t.id = id;
  t.slug = id;
  t.name = name;
  t.category = "Developer Tools";
  t.tagline = "Does a thing.";
  t.panel_ship = 1;
  t.panel_total = 2;
  t.price = "Free";
  t.licence = "MIT";
  return t;
}

digest::Week small_week(const std::string& name = "NewTool") {
  digest::Week w;
  w.span = {"2026-W47", "2026-11-16", "2026-11-22"};
  w.new_tools.push_back(tool_state("n1", name));
  return w;
}

std::string email_of(int i) { return "reader" + std::to_string(i) + "@example.com"; }

std::vector<digest::Recipient> readers(int n) {
  std::vector<digest::Recipient> out;
  for (int i = 1; i <= n; ++i) out.push_back({email_of(i), email_of(i), "Reader " + std::to_string(i), i + 1});
  return out;
}

struct Fixture {
  TempDir dir;
  Store store = Store::open(dir / "pipeline.db");
  digest::Settings settings = ::settings();
  digest::Week week = small_week();
  digest::Letter letter;
  std::vector<std::chrono::milliseconds> sleeps;
  SendOptions options;

  Fixture() {
    static const auto templates =
        site::Templates::load(std::filesystem::path(TV_SOURCE_DIR) / "templates" / "digest", digest::kTemplates);
    letter = digest::render_letter(templates, week, settings);
    options.rate_per_second = 0;
    options.retries = 3;
    options.retry_delay_ms = 100;
    options.max_connection_failures = 5;
    options.sleep = [this](std::chrono::milliseconds d) { sleeps.push_back(d); };
    options.journal = dir / "digest" / "2026-W47.journal";
  }

  SendReport send(digest::Transport& t, const std::vector<digest::Recipient>& to) {
    return send_digest(store, settings, week, letter, to, kSecret, t, options);
  }

  std::map<std::string, digest::SendRow> rows() const {
    std::map<std::string, digest::SendRow> out;
    for (auto& r : store.ledger(week.span.id)) out[r.email] = r;
    return out;
  }

  std::string token(const std::string& key) const { return digest::unsubscribe_token(kSecret, settings.list_id, key); }
};

bool names(const std::vector<std::string>& problems, const std::string& email) {
  return std::any_of(problems.begin(), problems.end(), [&](const std::string& p) { return p.find(email) != std::string::npos; });
}

std::string status(const digest::SendRow& r) { return std::string(digest::to_string(r.status)); }
// Never given to a server: queued, or reserved by a send of this boot.
bool not_handed(const digest::SendRow& r) {
  return (r.status == digest::SendStatus::queued || r.status == digest::SendStatus::reserved) && r.attempts == 0;
}

// Every reader of the week's ledger is in exactly one of the report's buckets.
void check_accounting(const SendReport& r) {
  BOOST_TEST(r.sent + r.failed + r.uncertain + r.skipped + r.settled_before + r.interrupted + r.still_queued ==
                 r.recipients,
             "sent " << r.sent << " failed " << r.failed << " uncertain " << r.uncertain << " skipped " << r.skipped
                     << " before " << r.settled_before << " interrupted " << r.interrupted << " queued "
                     << r.still_queued << " of " << r.recipients);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(digest_send)

// ---- send_digest ----------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(all_accepted) {
  Fixture f;
  FakeTransport t;
  auto report = f.send(t, readers(3));
  BOOST_TEST(report.recipients == 3u);
  BOOST_TEST(report.sent == 3u);
  BOOST_TEST(report.failed == 0u);
  BOOST_TEST(report.uncertain == 0u);
  BOOST_TEST(report.deferred == 0u);
  BOOST_TEST(report.still_queued == 0u);
  BOOST_TEST(!report.stopped);
  BOOST_TEST(report.problems.empty());
  check_accounting(report);
  auto ledger = f.store.ledger("2026-W47");
  BOOST_REQUIRE_EQUAL(ledger.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    BOOST_TEST(ledger[i].email == email_of(i + 1));  // queue order
    BOOST_TEST(status(ledger[i]) == "sent");
    BOOST_TEST(ledger[i].attempts == 1);
    BOOST_TEST(ledger[i].key == email_of(i + 1));
  }
  BOOST_REQUIRE_EQUAL(t.given.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    const auto& g = t.given[i];
    const std::string me = email_of(i + 1);
    BOOST_TEST(g.to == me);
    BOOST_TEST(g.from == f.settings.from_email);
    BOOST_TEST(header_of(g.message, "To").find(me) != std::string::npos);
    BOOST_TEST(header_of(g.message, "Message-ID") == ledger[i].message_id);
    auto text = bodies(g.message);
    BOOST_TEST(text.find(f.token(me)) != std::string::npos, "reader " << i + 1 << " lacks their token");
    BOOST_TEST(text.find(digest::unsubscribe_url(f.settings.base_url, me, f.token(me))) != std::string::npos);
    BOOST_TEST(header_of(g.message, "List-Unsubscribe").find(f.token(me)) != std::string::npos);
    for (int j = 1; j <= 3; ++j)
      if (j != i + 1) BOOST_TEST(g.message.find(f.token(email_of(j))) == std::string::npos);
  }
  // Message-IDs differ per reader.
  BOOST_TEST(ledger[0].message_id != ledger[1].message_id);

  FakeTransport again;
  auto second = f.send(again, readers(3));
  BOOST_TEST(again.given.empty());
  BOOST_TEST(second.sent == 0u);
  BOOST_TEST(second.settled_before == 3u);
  BOOST_TEST(second.recipients == 3u);
  BOOST_TEST(second.still_queued == 0u);
}

BOOST_AUTO_TEST_CASE(one_refused) {
  Fixture f;
  FakeTransport t;
  t.script[email_of(2)] = {Do::refuse_rcpt};
  auto report = f.send(t, readers(3));
  BOOST_TEST(report.sent == 2u);
  BOOST_TEST(report.failed == 1u);
  BOOST_TEST(!report.stopped);
  BOOST_TEST(names(report.problems, email_of(2)));
  BOOST_TEST(!names(report.problems, email_of(1)));
  BOOST_TEST(!names(report.problems, email_of(3)));
  auto rows = f.rows();
  BOOST_TEST(status(rows[email_of(1)]) == "sent");
  BOOST_TEST(status(rows[email_of(2)]) == "failed");
  BOOST_TEST(rows[email_of(2)].attempts == 0);  // never handed over
  BOOST_TEST(rows[email_of(2)].detail.find("550") != std::string::npos);
  BOOST_TEST(status(rows[email_of(3)]) == "sent");
  BOOST_TEST(t.calls(email_of(2)) == 1u);  // a 5xx is final: no retry

  FakeTransport again;
  f.send(again, readers(3));
  BOOST_TEST(again.given.empty());  // failed is final
}

BOOST_AUTO_TEST_CASE(refused_after_the_data) {
  Fixture f;
  FakeTransport t;
  t.script[email_of(1)] = {Do::refuse_data};
  auto report = f.send(t, readers(2));
  BOOST_TEST(report.failed == 1u);
  auto rows = f.rows();
  BOOST_TEST(status(rows[email_of(1)]) == "failed");
  BOOST_TEST(rows[email_of(1)].attempts == 1);
  BOOST_TEST(status(rows[email_of(2)]) == "sent");
}

BOOST_AUTO_TEST_CASE(deferred_twice_then_accepted) {
  Fixture f;
  FakeTransport t;
  t.script[email_of(1)] = {Do::defer, Do::defer, Do::accept};
  auto report = f.send(t, readers(2));
  BOOST_TEST(report.sent == 2u);
  BOOST_TEST(report.deferred == 0u);
  BOOST_TEST(t.calls(email_of(1)) == 3u);
  BOOST_TEST(t.calls(email_of(2)) == 1u);
  BOOST_REQUIRE_EQUAL(f.sleeps.size(), 2u);
  BOOST_TEST(f.sleeps[0].count() == 100);
  BOOST_TEST(f.sleeps[1].count() == 200);
  auto rows = f.rows();
  BOOST_TEST(status(rows[email_of(1)]) == "sent");
  BOOST_TEST(rows[email_of(1)].attempts == 1);  // handed over once
}

BOOST_AUTO_TEST_CASE(deferred_beyond_the_retries_stays_queued) {
  Fixture f;
  f.options.retries = 2;
  FakeTransport t;
  t.script[email_of(1)] = {Do::defer, Do::defer, Do::defer, Do::defer, Do::defer};
  auto report = f.send(t, readers(3));
  BOOST_TEST(t.calls(email_of(1)) == 3u);  // the try and two retries
  BOOST_TEST(report.deferred == 1u);
  BOOST_TEST(report.sent == 2u);
  BOOST_TEST(report.still_queued == 1u);
  BOOST_TEST(!report.stopped);
  BOOST_TEST(names(report.problems, email_of(1)));
  auto rows = f.rows();
  BOOST_TEST(status(rows[email_of(1)]) == "queued");
  BOOST_TEST(rows[email_of(1)].attempts == 0);

  FakeTransport later;
  auto second = f.send(later, readers(3));
  BOOST_TEST(later.given.size() == 1u);
  BOOST_TEST(later.calls(email_of(1)) == 1u);
  BOOST_TEST(second.sent == 1u);
  BOOST_TEST(second.settled_before == 2u);
  BOOST_TEST(second.still_queued == 0u);
  BOOST_TEST(status(f.rows()[email_of(1)]) == "sent");
}

BOOST_AUTO_TEST_CASE(connection_failures_stop_the_send) {
  for (int retries : {5, 0}) {
    BOOST_TEST_CONTEXT("retries = " << retries) {
      Fixture f;
      f.options.max_connection_failures = 3;
      f.options.retries = retries;
      FakeTransport t;
      t.fallback = Do::broken;
      auto report = f.send(t, readers(4));
      BOOST_TEST(t.given.size() == 3u);
      BOOST_TEST(report.stopped);
      BOOST_TEST(!report.stop_reason.empty());
      BOOST_TEST(report.sent == 0u);
      BOOST_TEST(report.still_queued == 4u);
      for (auto& r : f.store.ledger("2026-W47")) {
        BOOST_TEST(status(r) == "queued");
        BOOST_TEST(r.attempts == 0);
      }
      FakeTransport working;
      auto second = f.send(working, readers(4));
      BOOST_TEST(second.sent == 4u);
      BOOST_TEST(!second.stopped);
      for (int i = 1; i <= 4; ++i) BOOST_TEST(working.calls(email_of(i)) == 1u);
      for (auto& r : f.store.ledger("2026-W47")) BOOST_TEST(status(r) == "sent");
    }
  }
}

BOOST_AUTO_TEST_CASE(uncertain_is_never_sent_again) {
  Fixture f;
  FakeTransport t;
  t.script[email_of(2)] = {Do::uncertain};
  auto report = f.send(t, readers(3));
  BOOST_TEST(report.uncertain == 1u);
  BOOST_TEST(report.sent == 2u);
  BOOST_TEST(names(report.problems, email_of(2)));
  BOOST_TEST(t.calls(email_of(2)) == 1u);
  auto rows = f.rows();
  BOOST_TEST(status(rows[email_of(2)]) == "uncertain");
  BOOST_TEST(rows[email_of(2)].attempts == 1);
  auto listed = f.store.ledger_rows(SendStatus::uncertain);
  BOOST_REQUIRE_EQUAL(listed.size(), 1u);
  BOOST_TEST(listed[0].email == email_of(2));

  FakeTransport later;
  auto second = f.send(later, readers(3));
  BOOST_TEST(later.calls(email_of(2)) == 0u);
  BOOST_TEST(later.given.empty());
  BOOST_TEST(second.settled_before == 3u);
  BOOST_TEST(status(f.rows()[email_of(2)]) == "uncertain");
}

BOOST_AUTO_TEST_CASE(a_crash_mid_message_leaves_the_reader_uncertain) {
  Fixture f;
  FakeTransport t;
  t.script[email_of(2)] = {Do::throw_after_data};
  BOOST_CHECK_THROW(f.send(t, readers(5)), std::runtime_error);
  auto rows = f.rows();
  BOOST_TEST(status(rows[email_of(1)]) == "sent");
  BOOST_TEST(status(rows[email_of(2)]) == "sending");
  BOOST_TEST(rows[email_of(2)].attempts == 1);
  // Not handed over: queued, or reserved by this boot (ledger.hpp); either is mailed next time.
  for (int i = 3; i <= 5; ++i) BOOST_TEST(not_handed(rows[email_of(i)]));

  // A fresh run (a new Store handle on the same file, as after a restart).
  Store reopened = Store::open(f.dir / "pipeline.db");
  FakeTransport next;
  auto report = send_digest(reopened, f.settings, f.week, f.letter, readers(5), kSecret, next, f.options);
  BOOST_TEST(report.interrupted == 1u);
  check_accounting(report);
  BOOST_TEST(report.sent == 3u);
  BOOST_TEST(report.settled_before == 1u);
  BOOST_TEST(names(report.problems, email_of(2)));
  BOOST_TEST(next.calls(email_of(1)) == 0u);
  BOOST_TEST(next.calls(email_of(2)) == 0u);
  for (int i = 3; i <= 5; ++i) BOOST_TEST(next.calls(email_of(i)) == 1u);
  auto after = f.rows();
  BOOST_TEST(status(after[email_of(2)]) == "uncertain");
  for (int i = 1; i <= 5; ++i) BOOST_TEST(t.calls(email_of(i)) + next.calls(email_of(i)) <= 1u, email_of(i));
  for (int i : {1, 3, 4, 5}) BOOST_TEST(status(after[email_of(i)]) == "sent");
}

BOOST_AUTO_TEST_CASE(readers_unsubscribed_since_queueing_are_skipped) {
  Fixture f;
  FakeTransport t;
  t.script[email_of(2)] = {Do::fatal};
  auto first = f.send(t, readers(4));
  BOOST_TEST(first.stopped);
  BOOST_TEST(first.sent == 1u);
  BOOST_TEST(first.still_queued == 3u);

  auto without3 = readers(4);
  without3.erase(without3.begin() + 2);
  FakeTransport t2;
  auto second = f.send(t2, without3);
  BOOST_TEST(second.skipped == 1u);
  BOOST_TEST(second.sent == 2u);
  BOOST_TEST(t.calls(email_of(3)) + t2.calls(email_of(3)) == 0u);
  auto rows = f.rows();
  BOOST_TEST(status(rows[email_of(3)]) == "skipped");
  BOOST_TEST(rows[email_of(3)].attempts == 0);
  BOOST_TEST(status(rows[email_of(2)]) == "sent");
  BOOST_TEST(status(rows[email_of(4)]) == "sent");

  // Subscribing again later does not mail a skipped reader this week's digest.
  FakeTransport t3;
  auto third = f.send(t3, readers(4));
  BOOST_TEST(t3.given.empty());
  BOOST_TEST(third.settled_before == 4u);
}

// `pipeline serve` may unsubscribe a reader while the send runs: the send asks before each
// message, and a reader who left is skipped, not mailed.
BOOST_AUTO_TEST_CASE(a_reader_who_leaves_during_the_send_is_not_mailed) {
  Fixture f;
  FakeTransport t;
  std::set<std::string> left;
  f.options.still_subscribed = [&](const std::string& key) { return !left.count(key); };
  t.on_send = [&](const std::string& to) {
    if (to == email_of(1)) left.insert(email_of(3));  // reader 3 leaves while reader 1 is mailed
  };
  auto report = f.send(t, readers(4));
  BOOST_TEST(report.sent == 3u);
  BOOST_TEST(report.skipped == 1u);
  BOOST_TEST(t.calls(email_of(3)) == 0u);
  BOOST_TEST(status(f.rows()[email_of(3)]) == "skipped");
  BOOST_TEST(f.rows()[email_of(3)].detail == "unsubscribed while the digest was being sent");
  check_accounting(report);
}

// VERP: with a bounce address, each reader's envelope sender names them, and so does the
// mailto: unsubscribe's subject.
BOOST_AUTO_TEST_CASE(the_envelope_sender_and_the_mailto_name_the_reader) {
  Fixture f;
  FakeTransport t;
  f.options.bounce_address = "bounces@example.org";
  f.options.reader_token = [](const std::string& key) { return key == email_of(1) ? "7-abc" : ""; };
  f.send(t, readers(2));
  BOOST_REQUIRE_EQUAL(t.given.size(), 2u);
  BOOST_TEST(t.given[0].from == "bounces+7-abc@example.org");
  BOOST_TEST(t.given[1].from == "bounces@example.org");  // no token: the plain bounce address
  BOOST_TEST(header_of(t.given[0].message, "List-Unsubscribe").find("?subject=unsubscribe%207-abc>") !=
             std::string::npos);
  BOOST_TEST(envelope_sender("d@x.org", "", "7-abc") == "d@x.org");
}

BOOST_AUTO_TEST_CASE(a_fatal_outcome_stops_at_once) {
  Fixture f;
  FakeTransport t;
  t.script[email_of(2)] = {Do::fatal};
  auto report = f.send(t, readers(4));
  BOOST_TEST(report.stopped);
  BOOST_TEST(report.stop_reason.find("535 5.7.8 authentication failed") != std::string::npos, report.stop_reason);
  BOOST_TEST(t.calls(email_of(2)) == 1u);  // not retried
  BOOST_TEST(t.calls(email_of(3)) == 0u);
  BOOST_TEST(t.calls(email_of(4)) == 0u);
  BOOST_TEST(f.sleeps.empty());
  BOOST_TEST(report.sent == 1u);
  BOOST_TEST(report.still_queued == 3u);
  auto rows = f.rows();
  BOOST_TEST(status(rows[email_of(2)]) == "queued");
  BOOST_TEST(rows[email_of(2)].attempts == 0);
}

BOOST_AUTO_TEST_CASE(reports_account_for_every_reader) {
  Fixture f;
  f.options.retries = 0;
  FakeTransport t;
  t.script[email_of(1)] = {Do::refuse_rcpt};
  t.script[email_of(2)] = {Do::uncertain};
  t.script[email_of(3)] = {Do::defer};
  auto first = f.send(t, readers(6));
  check_accounting(first);
  BOOST_TEST(first.sent == 3u);
  BOOST_TEST(first.deferred == 1u);
  auto some = readers(6);
  some.erase(some.begin() + 2);  // reader 3, deferred, unsubscribed since
  FakeTransport t2;
  auto second = f.send(t2, some);
  check_accounting(second);
  BOOST_TEST(second.skipped == 1u);
  BOOST_TEST(second.settled_before == 5u);
  BOOST_TEST(t2.given.empty());
}

// A message handed over and then a fatal reply (say the TLS session dies after the data): the
// reader is uncertain, and the report must say so (counted, and named among the problems).
// The real Session reports fatal only before the data, so this is about the report's contract.
BOOST_AUTO_TEST_CASE(fatal_after_the_data_is_counted_as_uncertain) {
  Fixture f;
  FakeTransport t;
  t.script[email_of(2)] = {Do::fatal_after_data};
  auto report = f.send(t, readers(4));
  BOOST_TEST(report.stopped);
  auto rows = f.rows();
  BOOST_TEST(status(rows[email_of(2)]) == "uncertain");
  BOOST_TEST(report.uncertain == 1u);
  BOOST_TEST(names(report.problems, email_of(2)));
  check_accounting(report);
  FakeTransport later;
  f.send(later, readers(4));
  BOOST_TEST(later.calls(email_of(2)) == 0u);
}

// The run dies after reader 1's message was accepted (250) and before reader 2's went out
// (a kill during the rate-limit pause or a slow connect). The ledger's "sent" means "the
// server answered 250"; reader 1 must not be reported later as "may have arrived".
BOOST_AUTO_TEST_CASE(an_accepted_message_is_recorded_sent_before_the_next_one_starts) {
  Fixture f;
  FakeTransport t;
  t.script[email_of(2)] = {Do::throw_before_data};
  BOOST_CHECK_THROW(f.send(t, readers(3)), std::runtime_error);
  auto rows = f.rows();
  BOOST_TEST(status(rows[email_of(1)]) == "sent");
  BOOST_TEST(not_handed(rows[email_of(2)]));
  BOOST_TEST(not_handed(rows[email_of(3)]));
  FakeTransport next;
  auto report = f.send(next, readers(3));
  BOOST_TEST(report.interrupted == 0u);
  BOOST_TEST(next.calls(email_of(1)) == 0u);  // never twice, whatever the status says
  BOOST_TEST(next.calls(email_of(2)) == 1u);
}

// A machine that stopped (another kernel boot) may have lost the unsynced "sending" commits of
// its reserved batch: those readers are uncertain. Reserved by this boot: never handed over.
BOOST_AUTO_TEST_CASE(reserved_by_another_boot_is_uncertain_by_this_boot_is_mailed) {
  Fixture f;
  FakeTransport t;
  t.script[email_of(1)] = {Do::fatal};
  f.send(t, readers(3));  // stops at once: everyone queued
  std::string boot;
  std::ifstream in("/proc/sys/kernel/random/boot_id");
  std::getline(in, boot);
  BOOST_REQUIRE(!boot.empty());
  f.store.update_ledger(f.week.span.id,
                        {{email_of(1), SendStatus::reserved, "", false, "an-earlier-boot"},
                         {email_of(2), SendStatus::reserved, "", false, boot}},
                        "t");
  FakeTransport next;
  auto report = f.send(next, readers(3));
  auto rows = f.rows();
  BOOST_TEST(status(rows[email_of(1)]) == "uncertain");
  BOOST_TEST(report.interrupted == 1u);
  BOOST_TEST(next.calls(email_of(1)) == 0u);
  BOOST_TEST(next.calls(email_of(2)) == 1u);
  BOOST_TEST(next.calls(email_of(3)) == 1u);
  BOOST_TEST(status(rows[email_of(2)]) == "sent");
}

// A process killed mid-send (not an exception: no code runs after the kill). A child process
// sends to six readers through a transport that accepts, and that ends the child with _exit
// right after reader 4's message was handed over. The store alone still says "reserved" for
// the batch; the journal has the rest. The next send replays it: readers 1-3 sent (never
// given again), 4 uncertain, 5 and 6 mailed once.
BOOST_AUTO_TEST_CASE(a_killed_send_is_settled_from_its_journal) {
  Fixture f;
  struct DiesAfterHandOver : digest::Transport {
    std::string victim;
    digest::Attempt send(const std::string&, const std::string& to, const std::string&,
                         const std::function<void()>& on_data) override {
      on_data();
      if (to == victim) ::_exit(0);
      return {digest::Delivery::accepted, 250, "250 ok"};
    }
  };
  pid_t child = ::fork();
  BOOST_REQUIRE(child >= 0);
  if (child == 0) {
    Store own = Store::open(f.dir / "pipeline.db");  // never share a connection across fork
    DiesAfterHandOver t;
    t.victim = email_of(4);
    send_digest(own, f.settings, f.week, f.letter, readers(6), kSecret, t, f.options);
    ::_exit(3);  // not reached
  }
  int wstatus = 0;
  ::waitpid(child, &wstatus, 0);
  BOOST_REQUIRE(WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0);
  for (const auto& [email, row] : f.rows()) BOOST_TEST(status(row) == "reserved", email);
  auto journal = SendJournal::replay(f.options.journal);
  BOOST_TEST(journal.updates.size() == 7u);  // sending + sent for 1..3, sending for 4

  FakeTransport next;
  auto report = f.send(next, readers(6));
  auto rows = f.rows();
  for (int i : {1, 2, 3}) BOOST_TEST(status(rows[email_of(i)]) == "sent");
  BOOST_TEST(status(rows[email_of(4)]) == "uncertain");
  BOOST_TEST(report.interrupted == 1u);
  for (int i : {1, 2, 3, 4}) BOOST_TEST(next.calls(email_of(i)) == 0u);
  for (int i : {5, 6}) BOOST_TEST(next.calls(email_of(i)) == 1u);
  BOOST_TEST(!std::filesystem::exists(f.options.journal));  // a finished send leaves none
}

BOOST_AUTO_TEST_CASE(the_journal_reads_back_what_was_written_and_ignores_a_torn_line) {
  TempDir d;
  auto file = d / "w.journal";
  {
    SendJournal j(file, "boot-1");
    j.append({{"a@x.example", digest::SendStatus::sending, "handing over", true},
              {"a@x.example", digest::SendStatus::sent, "250\tok\r\nBcc: x"}});
  }
  {
    std::ofstream out(file, std::ios::app);
    out << "sent\t0\tb@x.example\t\t250";  // no line end: the write was cut short
  }
  auto r = SendJournal::replay(file);
  BOOST_TEST(r.boot == "boot-1");
  BOOST_REQUIRE_EQUAL(r.updates.size(), 2u);
  BOOST_TEST(r.updates[0].handed_over);
  BOOST_TEST(r.updates[1].key == "a@x.example");
  BOOST_TEST((r.updates[1].status == digest::SendStatus::sent));
  BOOST_TEST(r.updates[1].detail == "250 ok  Bcc: x");  // tabs and line breaks never reach the file
  BOOST_TEST(SendJournal::replay(d / "none.journal").updates.empty());
  SendJournal again(file, "boot-2");  // opening empties it
  auto fresh = SendJournal::replay(file);
  BOOST_TEST(fresh.boot == "boot-2");
  BOOST_TEST(fresh.updates.empty());
}

BOOST_AUTO_TEST_CASE(rate_limit_asks_for_sleep) {
  Fixture f;
  f.options.rate_per_second = 100;
  FakeTransport t;
  auto report = f.send(t, readers(5));
  BOOST_TEST(report.sent == 5u);
  std::chrono::milliseconds total{0};
  for (auto d : f.sleeps) total += d;
  // Five messages at 100 a second span at least four intervals of 10 ms.
  BOOST_TEST(total.count() >= 30, "slept " << total.count() << " ms in " << f.sleeps.size() << " calls");

  Fixture g;
  g.options.rate_per_second = 0;
  FakeTransport u;
  g.send(u, readers(5));
  BOOST_TEST(g.sleeps.empty());
}

BOOST_AUTO_TEST_CASE(the_content_is_frozen_at_the_first_send) {
  Fixture f;
  FakeTransport t;
  t.script[email_of(2)] = {Do::fatal};
  f.send(t, readers(3));
  auto frozen = f.store.frozen_digest("2026-W47");
  BOOST_REQUIRE(frozen.has_value());
  auto back = digest::week_from_json(json::parse(*frozen));
  BOOST_TEST(digest::to_json(back) == digest::to_json(f.week));
  BOOST_REQUIRE_EQUAL(back.new_tools.size(), 1u);
  BOOST_TEST(back.new_tools[0].name == "NewTool");
  BOOST_TEST(f.store.digest_weeks() == std::vector<std::string>{"2026-W47"});

  // A later send of the same week with other content keeps the first.
  f.week = small_week("Something that arrived later");
  FakeTransport t2;
  f.send(t2, readers(3));
  auto still = digest::week_from_json(json::parse(*f.store.frozen_digest("2026-W47")));
  BOOST_TEST(still.new_tools.at(0).name == "NewTool");
  BOOST_TEST(!f.store.frozen_digest("2026-W48").has_value());
}

// ---- the Store's ledger API -----------------------------------------------------------------------

namespace {
digest::SendRow send_row(const std::string& week, const std::string& email) {
  digest::SendRow r;
  r.week = week;
  r.key = email;
  r.email = email;
  r.name = "Name of " + email;
  r.message_id = "<" + week + "." + email + "@x.example>";
  return r;
}
}  // namespace

BOOST_AUTO_TEST_CASE(queue_digest_is_idempotent) {
  TempDir d;
  auto s = Store::open(d / "pipeline.db");
  s.queue_digest("2026-W47", R"({"first":true})", {send_row("2026-W47", "a@x.example"), send_row("2026-W47", "b@x.example")},
                 "2026-11-23T06:00:00Z");
  s.update_ledger("2026-W47", {{"a@x.example", SendStatus::sent, "250 ok", true}}, "2026-11-23T06:00:01Z");
  s.queue_digest("2026-W47", R"({"second":true})",
                 {send_row("2026-W47", "a@x.example"), send_row("2026-W47", "b@x.example"),
                  send_row("2026-W47", "c@x.example")},
                 "2026-11-23T07:00:00Z");
  auto ledger = s.ledger("2026-W47");
  BOOST_REQUIRE_EQUAL(ledger.size(), 3u);
  BOOST_TEST(ledger[0].email == "a@x.example");
  BOOST_TEST(ledger[1].email == "b@x.example");
  BOOST_TEST(ledger[2].email == "c@x.example");
  BOOST_TEST(status(ledger[0]) == "sent");
  BOOST_TEST(ledger[0].attempts == 1);
  BOOST_TEST(ledger[0].detail == "250 ok");
  BOOST_TEST(status(ledger[1]) == "queued");
  BOOST_TEST(ledger[1].attempts == 0);
  BOOST_TEST(ledger[1].message_id == "<2026-W47.b@x.example@x.example>");
  BOOST_TEST(ledger[1].name == "Name of b@x.example");
  BOOST_TEST(ledger[2].week == "2026-W47");
  BOOST_TEST(*s.frozen_digest("2026-W47") == R"({"first":true})");  // the first wins
}

BOOST_AUTO_TEST_CASE(ledger_order_is_queue_order) {
  TempDir d;
  auto s = Store::open(d / "pipeline.db");
  std::vector<digest::SendRow> rows;
  for (std::string e : {"zed@x.example", "amy@x.example", "mid@x.example"}) rows.push_back(send_row("2026-W47", e));
  s.queue_digest("2026-W47", "{}", rows, "2026-11-23T06:00:00Z");
  s.queue_digest("2026-W47", "{}", {send_row("2026-W47", "bob@x.example")}, "2026-11-23T06:00:00Z");
  std::vector<std::string> got;
  for (auto& r : s.ledger("2026-W47")) got.push_back(r.email);
  BOOST_TEST(got == (std::vector<std::string>{"zed@x.example", "amy@x.example", "mid@x.example", "bob@x.example"}),
             boost::test_tools::per_element());
  BOOST_TEST(s.ledger("2026-W46").empty());
}

BOOST_AUTO_TEST_CASE(ledger_rows_by_status_newest_week_first) {
  TempDir d;
  auto s = Store::open(d / "pipeline.db");
  s.queue_digest("2026-W46", "{}", {send_row("2026-W46", "a@x.example"), send_row("2026-W46", "b@x.example")}, "t");
  s.queue_digest("2026-W47", "{}", {send_row("2026-W47", "c@x.example"), send_row("2026-W47", "d@x.example")}, "t");
  s.queue_digest("2026-W45", "{}", {send_row("2026-W45", "e@x.example")}, "t");
  s.update_ledger("2026-W46", {{"b@x.example", SendStatus::uncertain, "timeout", true},
                               {"a@x.example", SendStatus::uncertain, "timeout", true}}, "t2");
  s.update_ledger("2026-W47", {{"d@x.example", SendStatus::uncertain, "timeout", true},
                               {"c@x.example", SendStatus::sent, "250", true}}, "t2");
  s.update_ledger("2026-W45", {{"e@x.example", SendStatus::uncertain, "timeout", true}}, "t2");
  auto rows = s.ledger_rows(SendStatus::uncertain);
  std::vector<std::string> got;
  for (auto& r : rows) got.push_back(r.week + " " + r.email);
  BOOST_TEST(got == (std::vector<std::string>{"2026-W47 d@x.example", "2026-W46 a@x.example", "2026-W46 b@x.example",
                                              "2026-W45 e@x.example"}),
             boost::test_tools::per_element());
  BOOST_TEST(s.ledger_rows(SendStatus::failed).empty());
  BOOST_TEST(s.ledger_rows(SendStatus::sent).size() == 1u);
  BOOST_TEST(s.digest_weeks() == (std::vector<std::string>{"2026-W47", "2026-W46", "2026-W45"}), boost::test_tools::per_element());
  BOOST_TEST(s.digest_weeks(2).size() == 2u);
}

BOOST_AUTO_TEST_CASE(update_ledger_counts_hand_overs) {
  TempDir d;
  auto s = Store::open(d / "pipeline.db");
  s.queue_digest("2026-W47", "{}", {send_row("2026-W47", "a@x.example")}, "t0");
  s.update_ledger("2026-W47", {{"a@x.example", SendStatus::sending, "handing", true}}, "t1");
  s.update_ledger("2026-W47", {{"a@x.example", SendStatus::queued, "451 later", false}}, "t2");
  s.update_ledger("2026-W47", {{"a@x.example", SendStatus::sending, "handing", true},
                               {"a@x.example", SendStatus::sent, "250 ok", false}}, "t3");
  auto r = s.ledger("2026-W47").at(0);
  BOOST_TEST(status(r) == "sent");
  BOOST_TEST(r.attempts == 2);
  BOOST_TEST(r.detail == "250 ok");
  BOOST_TEST(r.updated_at == "t3");
  s.update_ledger("2026-W47", {}, "t4");  // nothing to do
  BOOST_TEST(s.ledger("2026-W47").at(0).updated_at == "t3");
}

BOOST_AUTO_TEST_CASE(tool_states_latest_on_or_before_a_date) {
  TempDir d;
  auto s = Store::open(d / "pipeline.db");
  s.save_tool_states("2026-11-10", {{"t1", "v1"}, {"t2", "w1"}});
  s.save_tool_states("2026-11-20", {{"t1", "v2"}});
  s.save_tool_states("2026-11-25", {{"t3", "x1"}});
  BOOST_TEST(s.tool_states("2026-11-09").empty());
  auto a = s.tool_states("2026-11-10");
  BOOST_TEST(a.size() == 2u);
  BOOST_TEST(a["t1"] == "v1");
  BOOST_TEST(a["t2"] == "w1");
  auto b = s.tool_states("2026-11-19");
  BOOST_TEST(b["t1"] == "v1");
  auto c = s.tool_states("2026-11-20");
  BOOST_TEST(c.size() == 2u);
  BOOST_TEST(c["t1"] == "v2");
  BOOST_TEST(c["t2"] == "w1");
  auto e = s.tool_states("2026-12-31");
  BOOST_TEST(e.size() == 3u);
  BOOST_TEST(e["t1"] == "v2");
  BOOST_TEST(e["t3"] == "x1");
}

BOOST_AUTO_TEST_CASE(save_tool_states_replaces_a_same_day_state) {
  TempDir d;
  auto s = Store::open(d / "pipeline.db");
  s.save_tool_states("2026-11-20", {{"t1", "first"}});
  s.save_tool_states("2026-11-20", {{"t1", "second"}});
  auto m = s.tool_states("2026-11-20");
  BOOST_TEST(m.size() == 1u);
  BOOST_TEST(m["t1"] == "second");
  s.save_tool_states("2026-11-21", {});
  BOOST_TEST(s.tool_states("2026-11-21")["t1"] == "second");
}

// ---- record_tool_history --------------------------------------------------------------------------

namespace {

json site_tool(const std::string& id, const std::string& name, int ship_reviews, int skip_reviews, int votes_ship,
               int votes_total, const std::string& price) {
  json reviews = json::array();
  for (int i = 0; i < ship_reviews; ++i) reviews.push_back({{"reviewer", "r" + std::to_string(i)}, {"verdict", "ship"}});
  for (int i = 0; i < skip_reviews; ++i) reviews.push_back({{"reviewer", "s" + std::to_string(i)}, {"verdict", "skip"}});
  return {{"id", id},
          {"slug", "slug-" + id},
          {"name", name},
          {"category", "Developer Tools"},
          {"tagline", "Tagline of " + name},
          {"reviews", reviews},
          {"community", {{"ship", votes_ship}, {"total", votes_total}}},
          {"price", {{"tier", "free"}, {"display", price}}},
          {"license", {{"spdx", "MIT"}, {"name", "MIT"}}}};
}

json site_doc(std::vector<json> tools) { return {{"site", {{"title", "Tool Verdicts"}}}, {"tools", tools}}; }

catalogue::ToolRow tool_row(const std::string& id, const std::string& name, std::int64_t seq,
                            const std::string& absorbed_into = "") {
  catalogue::ToolRow r;
  r.id = id;
  r.slug = "slug-" + id;
  r.name = name;
  r.seq = seq;
  r.created_at = "2026-11-01";
  r.absorbed_into = absorbed_into;
  r.json = absorbed_into.empty() ? json{{"name", name}}.dump() : "";
  return r;
}

digest::States states(const Store& s, const std::string& date) {
  digest::States out;
  for (const auto& [id, text] : s.tool_states(date)) out[id] = digest::state_from_json(json::parse(text));
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(record_tool_history_records_only_changes) {
  TempDir d;
  auto s = Store::open(d / "pipeline.db");
  auto doc = site_doc({site_tool("t1", "Alpha", 2, 1, 3, 4, "Free"), site_tool("t2", "Beta", 0, 0, 0, 0, "$20/month")});
  BOOST_TEST(record_tool_history(s, doc, "2026-11-20") == 2u);
  auto st = states(s, "2026-11-20");
  BOOST_REQUIRE_EQUAL(st.size(), 2u);
  BOOST_TEST(st["t1"].name == "Alpha");
  BOOST_TEST(st["t1"].panel_ship == 2);
  BOOST_TEST(st["t1"].panel_total == 3);
  BOOST_TEST(st["t1"].community_ship == 3);
  BOOST_TEST(st["t1"].community_total == 4);
  BOOST_TEST(st["t1"].price == "Free");
  BOOST_TEST(st["t1"].live());
  BOOST_TEST(st["t2"].price == "$20/month");

  BOOST_TEST(record_tool_history(s, doc, "2026-11-21") == 0u);
  BOOST_TEST(record_tool_history(s, doc, "2026-11-21") == 0u);

  auto changed = site_doc({site_tool("t1", "Alpha", 2, 1, 4, 5, "Free"), site_tool("t2", "Beta", 0, 0, 0, 0, "$20/month")});
  BOOST_TEST(record_tool_history(s, changed, "2026-11-22") == 1u);
  BOOST_TEST(states(s, "2026-11-22")["t1"].community_total == 5);
  BOOST_TEST(states(s, "2026-11-21")["t1"].community_total == 4);  // the history keeps the old one
}

BOOST_AUTO_TEST_CASE(record_tool_history_marks_absorbed_tools) {
  TempDir d;
  auto s = Store::open(d / "pipeline.db");
  s.save_catalogue({tool_row("t1", "Alpha", 1), tool_row("t3", "Gamma", 2), tool_row("t4", "Delta", 3)}, {}, {}, {});
  auto day1 = site_doc({site_tool("t1", "Alpha", 1, 0, 0, 0, "Free"), site_tool("t3", "Gamma", 1, 1, 2, 2, "Free"),
                        site_tool("t4", "Delta", 0, 1, 0, 0, "Free")});
  BOOST_TEST(record_tool_history(s, day1, "2026-11-17") == 3u);

  // Gamma merged into Alpha, Delta into Gamma (so into Alpha in the end).
  s.save_catalogue({tool_row("t1", "Alpha", 1), tool_row("t3", "Gamma", 2, "t1"), tool_row("t4", "Delta", 3, "t3")}, {}, {}, {});
  auto day2 = site_doc({site_tool("t1", "Alpha", 1, 0, 0, 0, "Free")});
  BOOST_TEST(record_tool_history(s, day2, "2026-11-18") == 2u);
  auto st = states(s, "2026-11-18");
  BOOST_TEST(st["t3"].absorbed_into == "t1");
  BOOST_TEST(st["t3"].absorbed_into_name == "Alpha");
  BOOST_TEST(!st["t3"].live());
  BOOST_TEST(st["t3"].name == "Gamma");
  BOOST_TEST(st["t3"].panel_total == 2);  // its last live numbers are kept
  BOOST_TEST(st["t3"].community_total == 2);
  BOOST_TEST(st["t4"].absorbed_into == "t1");  // the survivor, not the intermediate
  BOOST_TEST(st["t4"].absorbed_into_name == "Alpha");
  BOOST_TEST(st["t1"].live());
  BOOST_TEST(record_tool_history(s, day2, "2026-11-19") == 0u);
}

BOOST_AUTO_TEST_CASE(record_tool_history_of_a_tool_absorbed_before_history_began) {
  TempDir d;
  auto s = Store::open(d / "pipeline.db");
  s.save_catalogue({tool_row("t1", "Alpha", 1), tool_row("t9", "Omega", 2, "t1")}, {}, {}, {});
  BOOST_TEST(record_tool_history(s, site_doc({site_tool("t1", "Alpha", 1, 0, 0, 0, "Free")}), "2026-11-18") == 2u);
  auto st = states(s, "2026-11-18");
  BOOST_TEST(st["t9"].id == "t9");
  BOOST_TEST(st["t9"].name == "Omega");
  BOOST_TEST(st["t9"].slug == "slug-t9");
  BOOST_TEST(st["t9"].absorbed_into == "t1");
  BOOST_TEST(st["t9"].absorbed_into_name == "Alpha");
}

// week_digest puts history and rows together: before = the day before Monday, after = Sunday.
BOOST_AUTO_TEST_CASE(week_digest_reads_the_history_around_the_week) {
  TempDir d;
  auto s = Store::open(d / "pipeline.db");
  s.save_catalogue({tool_row("t1", "Alpha", 1), tool_row("t2", "Beta", 2)}, {}, {}, {});
  record_tool_history(s, site_doc({site_tool("t1", "Alpha", 2, 0, 0, 0, "Free"), site_tool("t2", "Beta", 0, 0, 0, 0, "Free")}),
                      "2026-11-15");
  record_tool_history(s, site_doc({site_tool("t1", "Alpha", 0, 2, 0, 0, "$5/month"), site_tool("t2", "Beta", 0, 0, 0, 0, "Free")}),
                      "2026-11-19");
  record_tool_history(s, site_doc({site_tool("t1", "Alpha", 0, 2, 0, 0, "$9/month"), site_tool("t2", "Beta", 0, 0, 0, 0, "Free")}),
                      "2026-11-23");  // the next week: not this one's
  auto wd = week_digest(s, digest::week_span("2026-W47"));
  BOOST_TEST(!wd.frozen);
  BOOST_REQUIRE_EQUAL(wd.week.flips.size(), 1u);
  BOOST_TEST(wd.week.flips[0].from == "ship");
  BOOST_TEST(wd.week.flips[0].to == "skip");
  BOOST_REQUIRE_EQUAL(wd.week.changes.size(), 1u);
  BOOST_TEST(wd.week.changes[0].from == "Free");
  BOOST_TEST(wd.week.changes[0].to == "$5/month");
}

BOOST_AUTO_TEST_SUITE_END()
