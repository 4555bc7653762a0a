// The Store's digest tables: tool_history, digests, digest_sends (schema in docs/state.md).
#include <sqlite3.h>

#include "pipeline/store.hpp"
#include "pipeline/store_sql.hpp"

namespace tv {
namespace {

using store_sql::Stmt;
using store_sql::Transaction;

constexpr const char* kSendColumns =
    "week, recipient, email, name, message_id, status, attempts, detail, updated_at, boot";

digest::SendRow read_send(const Stmt& s) {
  digest::SendRow r;
  r.week = s.text(0);
  r.key = s.text(1);
  r.email = s.text(2);
  r.name = s.text(3);
  r.message_id = s.text(4);
  r.status = digest::send_status(s.text(5));
  r.attempts = int(s.integer(6));
  r.detail = s.text(7);
  r.updated_at = s.text(8);
  r.boot = s.text(9);
  return r;
}

}  // namespace

std::map<std::string, std::string> Store::tool_states(const std::string& date) const {
  Stmt s(db_, "SELECT h.tool_id, h.state FROM tool_history h WHERE h.date = (SELECT MAX(date) FROM tool_history "
              "WHERE tool_id = h.tool_id AND date <= ?)");
  s.bind(1, date);
  std::map<std::string, std::string> out;
  while (s.step("reading tool history")) out[s.text(0)] = s.text(1);
  return out;
}

void Store::save_tool_states(const std::string& date, const std::vector<std::pair<std::string, std::string>>& states) {
  Transaction t(db_);
  Stmt s(db_, "INSERT OR REPLACE INTO tool_history(tool_id, date, state) VALUES(?,?,?)");
  for (const auto& [id, state] : states) {
    s.bind(1, id).bind(2, date).bind(3, state);
    s.step("recording tool history");
    s.reset();
  }
  t.commit();
}

std::optional<std::string> Store::frozen_digest(const std::string& week) const {
  Stmt s(db_, "SELECT content FROM digests WHERE week = ?");
  s.bind(1, week);
  if (s.step("reading a digest")) return s.text(0);
  return std::nullopt;
}

void Store::queue_digest(const std::string& week, const std::string& content, const std::vector<digest::SendRow>& rows,
                         const std::string& at) {
  Transaction t(db_);
  Stmt d(db_, "INSERT OR IGNORE INTO digests(week, content, frozen_at) VALUES(?,?,?)");
  d.bind(1, week).bind(2, content).bind(3, at);
  d.step("freezing a digest");
  Stmt s(db_, "INSERT OR IGNORE INTO digest_sends(week, recipient, email, name, message_id, status, updated_at) "
              "VALUES(?,?,?,?,?,'queued',?)");
  for (const auto& r : rows) {
    s.bind(1, week).bind(2, r.key).bind(3, r.email).bind(4, r.name).bind(5, r.message_id).bind(6, at);
    s.step("queueing a digest recipient");
    s.reset();
  }
  t.commit();
}

std::vector<std::string> Store::digest_weeks(int limit) const {
  Stmt s(db_, "SELECT week FROM digests ORDER BY week DESC LIMIT ?");
  s.bind(1, std::int64_t(limit));
  std::vector<std::string> out;
  while (s.step("reading the digests")) out.push_back(s.text(0));
  return out;
}

std::vector<digest::SendRow> Store::ledger(const std::string& week) const {
  Stmt s(db_, (std::string("SELECT ") + kSendColumns + " FROM digest_sends WHERE week = ? ORDER BY seq").c_str());
  s.bind(1, week);
  std::vector<digest::SendRow> out;
  while (s.step("reading the digest ledger")) out.push_back(read_send(s));
  return out;
}

std::vector<digest::SendRow> Store::ledger_rows(digest::SendStatus status) const {
  Stmt s(db_, (std::string("SELECT ") + kSendColumns +
               " FROM digest_sends WHERE status = ? ORDER BY week DESC, seq").c_str());
  s.bind(1, std::string(digest::to_string(status)));
  std::vector<digest::SendRow> out;
  while (s.step("reading the digest ledger")) out.push_back(read_send(s));
  return out;
}

void Store::update_ledger(const std::string& week, const std::vector<digest::SendUpdate>& updates,
                          const std::string& at) {
  if (updates.empty()) return;
  if (!ledger_update_ &&
      sqlite3_prepare_v3(db_,
                         "UPDATE digest_sends SET status = ?, detail = ?, attempts = attempts + ?, boot = ?, "
                         "updated_at = ? WHERE week = ? AND recipient = ?",
                         -1, SQLITE_PREPARE_PERSISTENT, &ledger_update_, nullptr) != SQLITE_OK)
    throw store_error(db_, "cannot prepare the ledger update");
  Transaction t(db_);
  Stmt s(ledger_update_);
  for (const auto& u : updates) {
    s.bind(1, std::string(digest::to_string(u.status))).bind(2, u.detail).bind(3, std::int64_t(u.handed_over ? 1 : 0))
        .bind(4, u.boot).bind(5, at).bind(6, week).bind(7, u.key);
    s.step("updating the digest ledger");
    s.reset();
  }
  t.commit();
}

}  // namespace tv
