// send_digest (pipeline/digest_step.hpp): the send loop and the ledger it keeps
// (stages/digest/ledger.hpp has the states and why they are durable the way they are).
#include <algorithm>
#include <fstream>
#include <set>
#include <thread>

#include "pipeline/digest_step.hpp"
#include "pipeline/send_journal.hpp"
#include "stages/common/utc.hpp"
#include "stages/digest/token.hpp"

namespace tv {
namespace {

using digest::SendStatus;
using digest::SendUpdate;
using Clock = std::chrono::steady_clock;

// Readers reserved per fsync'ed commit: after a machine crash (not a killed process) at most
// this many readers of the batch in flight are reported uncertain rather than queued again.
constexpr std::size_t kReserveBatch = 32;

// The kernel's id for this boot: tells a killed process (same boot) from a machine that
// stopped (another boot). "" when unreadable, which makes every reserved row uncertain.
std::string boot_id() {
  std::ifstream in("/proc/sys/kernel/random/boot_id");
  std::string id;
  std::getline(in, id);
  return id;
}

// A send that finished leaves no journal behind.
void journal_done(const std::filesystem::path& file) {
  std::error_code ec;
  std::filesystem::remove(file, ec);
}

// The week's ledger as this send moves it: each change is written to the journal (one
// write(2): safe from a killed process) and, every batch, committed to the store (fsync'ed).
class Ledger {
 public:
  Ledger(Store& store, std::string week, SendJournal& journal)
      : store_(store), week_(std::move(week)), journal_(journal) {}
  void add(SendUpdate u) {
    unwritten_.push_back(u);
    uncommitted_.push_back(std::move(u));
  }
  void write() {
    journal_.append(unwritten_);
    unwritten_.clear();
  }
  // Store first, then the journal is emptied: a crash between the two replays changes the
  // store already has, which only counts an attempt twice.
  void commit() {
    store_.update_ledger(week_, uncommitted_, utc_now());
    uncommitted_.clear();
    unwritten_.clear();
    journal_.clear();
  }

 private:
  Store& store_;
  std::string week_;
  SendJournal& journal_;
  std::vector<SendUpdate> unwritten_, uncommitted_;
};

// Waits so that messages leave at most `rate` a second; `before_wait` runs first.
class Pacer {
 public:
  Pacer(double rate, std::function<void(std::chrono::milliseconds)> sleep)
      : interval_(rate > 0 ? std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / rate))
                           : Clock::duration::zero()),
        sleep_(std::move(sleep)) {}
  template <class F>
  void wait(F&& before_wait) {
    if (interval_ == Clock::duration::zero()) return;
    auto now = Clock::now();
    if (now < next_) {
      before_wait();
      sleep_(std::chrono::ceil<std::chrono::milliseconds>(next_ - now));
    }
    next_ = std::max(now, next_) + interval_;
  }

 private:
  Clock::duration interval_;
  std::function<void(std::chrono::milliseconds)> sleep_;
  Clock::time_point next_ = Clock::now();
};

}  // namespace

std::string envelope_sender(const std::string& from, const std::string& bounce_address, const std::string& token) {
  const std::size_t at = bounce_address.rfind('@');
  if (bounce_address.empty() || at == std::string::npos) return from;
  if (token.empty()) return bounce_address;
  return bounce_address.substr(0, at) + "+" + token + bounce_address.substr(at);
}

SendReport send_digest(Store& store, const digest::Settings& settings, const digest::Week& week,
                       const digest::Letter& letter, const std::vector<digest::Recipient>& recipients,
                       const std::string& secret, digest::Transport& transport, const SendOptions& options) {
  const std::string& id = week.span.id;
  auto sleep = options.sleep ? options.sleep : [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
  const std::string boot = boot_id();
  SendReport r;

  // Freeze the content and queue every reader (those queued before keep their rows).
  const std::string domain = digest::domain_of(settings.from_email);
  std::vector<digest::SendRow> queue;
  std::set<std::string> wanted;
  for (const auto& rc : recipients) {
    digest::SendRow row;
    row.week = id;
    row.key = rc.key;
    row.email = rc.email;
    row.name = rc.name;
    row.message_id = digest::message_id(secret, id, rc.key, domain);
    queue.push_back(std::move(row));
    wanted.insert(rc.key);
  }
  store.queue_digest(id, digest::to_json(week).dump(), queue, utc_now());

  // What an earlier send left behind (ledger.hpp): its journal first, then "sending" may have
  // arrived; "reserved" of this boot never left; "reserved" of another boot may have.
  if (auto old = SendJournal::replay(options.journal); !old.updates.empty())
    store.update_ledger(id, old.updates, utc_now());
  SendJournal journal(options.journal, boot);
  Ledger ledger(store, id, journal);
  const auto rows = store.ledger(id);
  r.recipients = rows.size();
  std::vector<const digest::SendRow*> todo;
  for (const auto& row : rows) {
    const bool same_boot = !boot.empty() && row.boot == boot;
    if (row.status == SendStatus::sending || (row.status == SendStatus::reserved && !same_boot)) {
      ledger.add({row.key, SendStatus::uncertain,
                  row.status == SendStatus::sending
                      ? "an earlier send stopped while handing this message to the server; it may have arrived, "
                        "so it is not sent again"
                      : "the machine stopped during an earlier send while this message was about to go; it may "
                        "have arrived, so it is not sent again"});
      ++r.interrupted;
      r.problems.push_back(row.email + ": uncertain: an earlier send stopped mid-message");
    } else if (row.status != SendStatus::queued && row.status != SendStatus::reserved) {
      ++r.settled_before;
    } else if (!wanted.count(row.key)) {
      ledger.add({row.key, SendStatus::skipped, "no longer subscribed when the digest was sent"});
      ++r.skipped;
    } else {
      todo.push_back(&row);
    }
  }
  ledger.commit();

  Pacer pacer(options.rate_per_second, sleep);
  int broken_in_a_row = 0;
  std::size_t next = 0;  // todo[next] is the next reader to mail
  for (; next < todo.size() && !r.stopped; ++next) {
    const digest::SendRow* row = todo[next];
    if (next % kReserveBatch == 0) {  // the one fsync for the next batch (and all before it)
      for (std::size_t k = next; k < std::min(todo.size(), next + kReserveBatch); ++k)
        ledger.add({todo[k]->key, SendStatus::reserved, "", false, boot});
      ledger.commit();
    }
    // A reader who left while the send runs (`pipeline serve`, an editor) is not mailed: asked
    // of the store just before their message, one indexed read.
    if (options.still_subscribed && !options.still_subscribed(row->key)) {
      ledger.add({row->key, SendStatus::skipped, "unsubscribed while the digest was being sent"});
      ++r.skipped;
      continue;
    }
    const std::string token = options.reader_token ? options.reader_token(row->key) : std::string();
    digest::Addressee to{row->email, row->name,
                         digest::unsubscribe_url(settings.base_url, row->email,
                                                 digest::unsubscribe_token(secret, settings.list_id, row->key)),
                         row->message_id, mail_date(std::chrono::system_clock::now()), token};
    std::string message = digest::compose(letter, settings, to);
    if (options.dkim) message.insert(0, options.dkim->signature(message));
    const std::string sender = envelope_sender(settings.from_email, options.bounce_address, token);
    for (int tries = 0;; ++tries) {
      pacer.wait([&] { ledger.write(); });  // a kill while waiting keeps the last reply
      bool handed = false;
      auto on_data = [&] {
        ledger.add({row->key, SendStatus::sending, "handing the message to the server", true});
        ledger.write();  // written before the first byte of the message leaves
        handed = true;
      };
      digest::Attempt a;
      try {
        a = transport.send(sender, row->email, message, on_data);
      } catch (...) {
        // What is known (the last reader's reply, this reader handed over) is kept first: in
        // the journal at least, in the store if it still answers.
        ledger.write();
        try {
          ledger.commit();
        } catch (...) {
        }
        throw;
      }
      const std::string problem = row->email + ": " + a.detail;
      if (a.delivery == digest::Delivery::accepted) {
        ledger.add({row->key, SendStatus::sent, a.detail});
        ++r.sent;
        broken_in_a_row = 0;
        break;
      }
      if (a.delivery == digest::Delivery::refused) {
        ledger.add({row->key, SendStatus::failed, a.detail});
        ++r.failed;
        r.problems.push_back(problem);
        broken_in_a_row = 0;
        break;
      }
      if (a.delivery == digest::Delivery::fatal) {
        if (handed) {
          ledger.add({row->key, SendStatus::uncertain, a.detail});
          ++r.uncertain;
          r.problems.push_back(row->email + ": uncertain: " + a.detail);
        } else {
          ledger.add({row->key, SendStatus::queued, a.detail});
        }
        r.stopped = true;
        r.stop_reason = a.detail;
        break;
      }
      if (a.delivery == digest::Delivery::uncertain) {
        ledger.add({row->key, SendStatus::uncertain, "no reply after the message was handed over: " + a.detail});
        ++r.uncertain;
        r.problems.push_back(row->email + ": uncertain: " + a.detail);
      }
      // A dead connection (before or after the message) counts towards giving up.
      if (a.delivery != digest::Delivery::deferred && ++broken_in_a_row >= options.max_connection_failures) {
        if (a.delivery != digest::Delivery::uncertain) ledger.add({row->key, SendStatus::queued, a.detail});
        r.stopped = true;
        r.stop_reason = std::to_string(broken_in_a_row) + " connection failures in a row; the last: " + a.detail;
        break;
      }
      if (a.delivery == digest::Delivery::uncertain) break;  // never sent again automatically
      if (tries < options.retries) {
        if (handed) ledger.add({row->key, SendStatus::reserved, a.detail, false, boot});  // the server said 4xx
        ledger.write();
        sleep(std::chrono::milliseconds(std::int64_t(options.retry_delay_ms) << tries));
        continue;
      }
      ledger.add({row->key, SendStatus::queued,
                  "not mailed yet after " + std::to_string(tries + 1) + " tries (" + a.detail +
                      "); the next `digest --send` tries again"});
      ++r.deferred;
      r.problems.push_back(problem);
      break;
    }
  }
  // Readers reserved but not reached (the send stopped) go back to the queue.
  const std::size_t batch_end = std::min(todo.size(), (next + kReserveBatch - 1) / kReserveBatch * kReserveBatch);
  for (std::size_t k = next; k < batch_end; ++k) ledger.add({todo[k]->key, SendStatus::queued, ""});
  ledger.commit();
  journal_done(options.journal);
  for (const auto& row : store.ledger(id)) r.still_queued += row.status == SendStatus::queued;
  return r;
}

}  // namespace tv
