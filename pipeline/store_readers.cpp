// The Store's reader tables: readers, reader_events, confirmations (schema in docs/state.md).
#include <sqlite3.h>


#include "pipeline/store.hpp"
#include "pipeline/store_sql.hpp"

namespace tv {
namespace {

using digest::Applied;
using digest::ReaderStatus;
using store_sql::Stmt;
using store_sql::Transaction;

constexpr const char* kReaderColumns = "id, key, email, name, status, since, created_at, bounce_score, last_bounce";

digest::Reader read_reader(const Stmt& s) {
  digest::Reader r;
  r.id = s.integer(0);
  r.key = s.text(1);
  r.email = s.text(2);
  r.name = s.text(3);
  r.status = digest::reader_status(s.text(4)).value_or(ReaderStatus::unsubscribed);
  r.since = s.text(5);
  r.created_at = s.text(6);
  r.bounce_score = s.real(7);
  r.last_bounce = s.text(8);
  return r;
}

std::vector<digest::Reader> select_readers(sqlite3* db, const std::string& where, const std::string& arg) {
  Stmt s(db, (std::string("SELECT ") + kReaderColumns + " FROM readers " + where + " ORDER BY id").c_str());
  if (!arg.empty()) s.bind(1, arg);
  std::vector<digest::Reader> out;
  while (s.step("reading the readers")) out.push_back(read_reader(s));
  return out;
}

}  // namespace

std::optional<digest::Reader> Store::reader(const std::string& key) const {
  auto rs = select_readers(db_, "WHERE key = ?", key);
  if (rs.empty()) return std::nullopt;
  return rs.front();
}

std::optional<digest::Reader> Store::reader_by_id(std::int64_t id) const {
  auto rs = select_readers(db_, "WHERE id = ?", std::to_string(id));
  if (rs.empty()) return std::nullopt;
  return rs.front();
}

std::vector<digest::Reader> Store::readers() const { return select_readers(db_, "", ""); }

std::vector<digest::Reader> Store::readers(digest::ReaderStatus status) const {
  return select_readers(db_, "WHERE status = ?", std::string(digest::to_string(status)));
}

std::map<digest::ReaderStatus, std::size_t> Store::reader_counts() const {
  Stmt s(db_, "SELECT status, COUNT(*) FROM readers GROUP BY status");
  std::map<digest::ReaderStatus, std::size_t> out;
  while (s.step("counting the readers"))
    if (auto st = digest::reader_status(s.text(0))) out[*st] = std::size_t(s.integer(1));
  return out;
}

std::vector<digest::ReaderEvent> Store::reader_history(const std::string& key) const {
  Stmt s(db_, "SELECT key, at, previous, status, how, detail FROM reader_events WHERE key = ? ORDER BY id");
  s.bind(1, key);
  std::vector<digest::ReaderEvent> out;
  while (s.step("reading a reader's history")) {
    digest::ReaderEvent e;
    e.key = s.text(0);
    e.at = s.text(1);
    e.previous = s.text(2);
    e.status = digest::reader_status(s.text(3)).value_or(ReaderStatus::unsubscribed);
    e.how = digest::how(s.text(4)).value_or(digest::How::editor);
    e.detail = s.text(5);
    out.push_back(std::move(e));
  }
  return out;
}

namespace {

// The reader changes of one transaction (the caller's), with their history.
std::vector<Applied> apply_changes(sqlite3* db, const std::vector<digest::ReaderChange>& changes, const std::string& at) {
  std::vector<Applied> out;
  out.reserve(changes.size());
  Stmt find(db, "SELECT status FROM readers WHERE key = ?");
  Stmt insert(db, "INSERT INTO readers(key, email, name, status, since, created_at) VALUES(?,?,?,?,?,?)");
  Stmt update(db, "UPDATE readers SET status = ?, since = ?, name = CASE WHEN name = '' THEN ? ELSE name END "
                  "WHERE key = ?");
  Stmt event(db, "INSERT INTO reader_events(key, at, previous, status, how, detail) VALUES(?,?,?,?,?,?)");
  for (const auto& c : changes) {
    find.bind(1, c.key);
    std::optional<ReaderStatus> now;
    if (find.step("looking up a reader")) now = digest::reader_status(find.text(0));
    find.reset();
    const std::string to(digest::to_string(c.to));
    const Applied a = digest::decide(now, c);
    out.push_back(a);
    if (a == Applied::created) {
      insert.bind(1, c.key).bind(2, c.email).bind(3, c.name).bind(4, to).bind(5, at).bind(6, at);
      insert.step("adding a reader");
      insert.reset();
    } else if (a == Applied::changed) {
      update.bind(1, to).bind(2, at).bind(3, c.name).bind(4, c.key);
      update.step("changing a reader");
      update.reset();
    } else {
      continue;
    }
    event.bind(1, c.key).bind(2, at).bind(3, now ? std::string(digest::to_string(*now)) : std::string())
        .bind(4, to).bind(5, std::string(digest::to_string(c.how))).bind(6, c.detail);
    event.step("recording a reader's history");
    event.reset();
  }
  return out;
}

}  // namespace

std::vector<Applied> Store::change_readers(const std::vector<digest::ReaderChange>& changes, const std::string& at,
                                           const std::vector<Confirmation>& confirmations) {
  Transaction t(db_);
  auto out = apply_changes(db_, changes, at);
  if (!confirmations.empty()) {
    Stmt q(db_, "INSERT INTO confirmations(key, email, client, issued, status, updated_at) VALUES(?,?,?,?,'queued',?)");
    for (const auto& c : confirmations) {
      q.bind(1, c.key).bind(2, c.email).bind(3, c.client).bind(4, c.issued).bind(5, at);
      q.step("queueing a confirmation mail");
      q.reset();
    }
  }
  t.commit();
  return out;
}

std::optional<Store::BounceMessage> Store::bounce_message(const std::string& name) const {
  Stmt s(db_, "SELECT name, at, outcome, detail FROM bounce_messages WHERE name = ?");
  s.bind(1, name);
  if (!s.step("reading a bounce message")) return std::nullopt;
  return BounceMessage{s.text(0), s.text(1), s.text(2), s.text(3)};
}

std::vector<Store::BounceMessage> Store::bounce_problems(int limit) const {
  Stmt s(db_, "SELECT name, at, outcome, detail FROM bounce_messages WHERE outcome = 'problem' ORDER BY name LIMIT ?");
  s.bind(1, std::int64_t(limit));
  std::vector<BounceMessage> out;
  while (s.step("reading the bounce problems")) out.push_back({s.text(0), s.text(1), s.text(2), s.text(3)});
  return out;
}

std::vector<Applied> Store::record_bounce(const BounceMessage& m, const std::vector<digest::ReaderChange>& changes,
                                          const std::vector<BounceScore>& scores) {
  Transaction t(db_);
  Stmt score(db_, "UPDATE readers SET bounce_score = ?, last_bounce = ? WHERE key = ?");
  for (const auto& sc : scores) {
    score.bind(1, std::to_string(sc.score)).bind(2, sc.day).bind(3, sc.key);
    score.step("recording a bounce score");
    score.reset();
  }
  auto out = apply_changes(db_, changes, m.at);
  Stmt row(db_, "INSERT OR REPLACE INTO bounce_messages(name, at, outcome, detail) VALUES(?,?,?,?)");
  row.bind(1, m.name).bind(2, m.at).bind(3, m.outcome).bind(4, m.detail);
  row.step("recording a bounce message");
  t.commit();
  return out;
}

std::string Store::reader_key_by_message_id(const std::string& message_id) const {
  Stmt s(db_, "SELECT recipient FROM digest_sends WHERE message_id = ? LIMIT 1");
  s.bind(1, message_id);
  return s.step("finding a message's reader") ? s.text(0) : std::string();
}

std::optional<digest::ReaderStatus> Store::reader_status_now(const std::string& key) const {
  if (!reader_status_ && sqlite3_prepare_v3(db_, "SELECT status FROM readers WHERE key = ?", -1,
                                            SQLITE_PREPARE_PERSISTENT, &reader_status_, nullptr) != SQLITE_OK)
    throw store_error(db_, "cannot prepare the reader lookup");
  Stmt s(reader_status_);
  s.bind(1, key);
  if (!s.step("looking up a reader")) return std::nullopt;
  return digest::reader_status(s.text(0));
}

std::vector<Store::Confirmation> Store::queued_confirmations(int limit) const {
  Stmt s(db_, "SELECT id, key, email, client, issued FROM confirmations WHERE status = 'queued' ORDER BY id LIMIT ?");
  s.bind(1, std::int64_t(limit));
  std::vector<Confirmation> out;
  while (s.step("reading the confirmation mails"))
    out.push_back({s.integer(0), s.text(1), s.text(2), s.text(3), s.integer(4)});
  return out;
}

std::size_t Store::confirmations_since(const std::string& key, const std::string& client, std::int64_t since_unix,
                                       bool by_client) const {
  Stmt s(db_, by_client ? "SELECT COUNT(*) FROM confirmations WHERE client = ? AND issued >= ?"
                        : "SELECT COUNT(*) FROM confirmations WHERE key = ? AND issued >= ?");
  s.bind(1, by_client ? client : key).bind(2, since_unix);
  s.step("counting confirmation mails");
  return std::size_t(s.integer(0));
}

void Store::settle_confirmation(std::int64_t id, const std::string& status, const std::string& detail,
                                const std::string& at) {
  Stmt s(db_, "UPDATE confirmations SET status = ?, detail = ?, updated_at = ? WHERE id = ?");
  s.bind(1, status).bind(2, detail).bind(3, at).bind(4, id);
  s.step("recording a confirmation mail");
}

}  // namespace tv
