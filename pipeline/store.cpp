#include "pipeline/store.hpp"

#include <sqlite3.h>

#include <cerrno>
#include <cstring>

#include "pipeline/store_sql.hpp"

namespace tv {
namespace {

using store_sql::Stmt;
using store_sql::Transaction;

// Schema migrations, applied in order; user_version counts how many have run.
// Never edit a migration that has shipped: add the next one.
const char* const kMigrations[] = {
    R"sql(
    CREATE TABLE runs(
      id TEXT PRIMARY KEY,
      command TEXT NOT NULL,
      started_at TEXT NOT NULL,
      finished_at TEXT,
      outcome TEXT,
      exit_code INTEGER,
      taken INTEGER NOT NULL DEFAULT 0,
      duplicates INTEGER NOT NULL DEFAULT 0,
      rejected INTEGER NOT NULL DEFAULT 0,
      records INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE drops(
      id INTEGER PRIMARY KEY,
      run_id TEXT NOT NULL REFERENCES runs(id),
      name TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      size INTEGER NOT NULL,
      outcome TEXT NOT NULL CHECK(outcome IN ('taken', 'duplicate', 'rejected')),
      kind TEXT NOT NULL,
      moved_to TEXT NOT NULL,
      reason TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL);
    CREATE INDEX drops_by_sha ON drops(sha256, outcome);
    CREATE TABLE records(
      id INTEGER PRIMARY KEY,
      drop_id INTEGER NOT NULL REFERENCES drops(id),
      ordinal INTEGER NOT NULL,
      name TEXT NOT NULL,
      category TEXT NOT NULL,
      json TEXT NOT NULL,
      UNIQUE(drop_id, ordinal));
    )sql",
    R"sql(
    CREATE TABLE tools(
      id TEXT PRIMARY KEY,
      slug TEXT NOT NULL UNIQUE,
      seq INTEGER NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      absorbed_into TEXT NOT NULL DEFAULT '',
      name TEXT NOT NULL,
      json TEXT NOT NULL);
    CREATE TABLE tool_members(
      record_id TEXT PRIMARY KEY,
      tool_id TEXT NOT NULL);
    CREATE TABLE comparisons(
      slug TEXT PRIMARY KEY,
      a TEXT NOT NULL,
      b TEXT NOT NULL,
      category TEXT NOT NULL,
      published_on TEXT NOT NULL,
      reason TEXT NOT NULL,
      run_id TEXT NOT NULL,
      withdrawn_on TEXT NOT NULL DEFAULT '',
      withdrawn_reason TEXT NOT NULL DEFAULT '');
    CREATE TABLE directives(
      id INTEGER PRIMARY KEY,
      drop_id INTEGER NOT NULL REFERENCES drops(id),
      line INTEGER NOT NULL,
      date TEXT NOT NULL,
      editor TEXT NOT NULL,
      action TEXT NOT NULL,
      a TEXT NOT NULL,
      b TEXT NOT NULL,
      note TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'pending',
      detail TEXT NOT NULL DEFAULT '');
    )sql",
    R"sql(
    CREATE TABLE reviews(
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      drop_id INTEGER NOT NULL REFERENCES drops(id),
      line INTEGER NOT NULL,
      panel_date TEXT NOT NULL,
      tool TEXT NOT NULL,
      reviewer TEXT NOT NULL,
      verdict TEXT NOT NULL CHECK(verdict IN ('ship', 'skip')),
      quote TEXT NOT NULL);
    CREATE TABLE votes(
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      drop_id INTEGER NOT NULL REFERENCES drops(id),
      line INTEGER NOT NULL,
      tool TEXT NOT NULL,
      voter TEXT NOT NULL,
      vote TEXT NOT NULL CHECK(vote IN ('ship', 'skip')),
      cast_at TEXT NOT NULL);
    CREATE TABLE drop_notes(
      id INTEGER PRIMARY KEY,
      drop_id INTEGER NOT NULL REFERENCES drops(id),
      line INTEGER NOT NULL,
      note TEXT NOT NULL);
    CREATE INDEX drop_notes_by_drop ON drop_notes(drop_id);
    )sql",
    R"sql(
    CREATE TABLE tool_history(
      tool_id TEXT NOT NULL,
      date TEXT NOT NULL,
      state TEXT NOT NULL,
      PRIMARY KEY(tool_id, date));
    CREATE TABLE digests(
      week TEXT PRIMARY KEY,
      content TEXT NOT NULL,
      frozen_at TEXT NOT NULL);
    CREATE TABLE digest_sends(
      seq INTEGER PRIMARY KEY,
      week TEXT NOT NULL REFERENCES digests(week),
      recipient TEXT NOT NULL,
      email TEXT NOT NULL,
      name TEXT NOT NULL,
      message_id TEXT NOT NULL,
      status TEXT NOT NULL CHECK(status IN ('queued', 'reserved', 'sending', 'sent', 'failed', 'uncertain',
                                            'skipped')),
      attempts INTEGER NOT NULL DEFAULT 0,
      detail TEXT NOT NULL DEFAULT '',
      boot TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL,
      UNIQUE(week, recipient));
    CREATE INDEX digest_sends_by_status ON digest_sends(status);
    )sql",
    R"sql(
    ALTER TABLE drops ADD COLUMN day TEXT NOT NULL DEFAULT '';
    UPDATE drops SET day = substr(at, 1, 10);
    ALTER TABLE drops ADD COLUMN claim TEXT NOT NULL DEFAULT '';
    CREATE INDEX drops_by_claim ON drops(claim);
    )sql",
    R"sql(
    CREATE TABLE readers(
      id INTEGER PRIMARY KEY,
      key TEXT NOT NULL UNIQUE,
      email TEXT NOT NULL,
      name TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL CHECK(status IN ('pending', 'subscribed', 'unsubscribed', 'bounced', 'complained')),
      since TEXT NOT NULL,
      created_at TEXT NOT NULL,
      bounce_score REAL NOT NULL DEFAULT 0,
      last_bounce TEXT NOT NULL DEFAULT '');
    CREATE INDEX readers_by_status ON readers(status);
    CREATE TABLE reader_events(
      id INTEGER PRIMARY KEY,
      key TEXT NOT NULL,
      at TEXT NOT NULL,
      previous TEXT NOT NULL,
      status TEXT NOT NULL,
      how TEXT NOT NULL CHECK(how IN ('form', 'confirm', 'one-click', 'page', 'mailto', 'bounce', 'complaint',
                                      'import', 'editor')),
      detail TEXT NOT NULL DEFAULT '');
    CREATE INDEX reader_events_by_key ON reader_events(key);
    CREATE TABLE confirmations(
      id INTEGER PRIMARY KEY,
      key TEXT NOT NULL,
      email TEXT NOT NULL,
      client TEXT NOT NULL,
      issued INTEGER NOT NULL,
      status TEXT NOT NULL CHECK(status IN ('queued', 'sent', 'failed', 'dropped')),
      detail TEXT NOT NULL DEFAULT '',
      updated_at TEXT NOT NULL);
    CREATE INDEX confirmations_by_key ON confirmations(key, issued);
    CREATE INDEX confirmations_by_status ON confirmations(status);
    CREATE TABLE bounce_messages(
      name TEXT PRIMARY KEY,
      at TEXT NOT NULL,
      outcome TEXT NOT NULL,
      detail TEXT NOT NULL DEFAULT '');
    CREATE INDEX digest_sends_by_message_id ON digest_sends(message_id);
    UPDATE OR IGNORE digest_sends SET recipient = lower(recipient);
    )sql",
};

Drop read_drop(const Stmt& s) {
  Drop d;
  d.run_id = s.text(0);
  d.name = s.text(1);
  d.sha256 = s.text(2);
  d.size = s.integer(3);
  auto o = s.text(4);
  d.outcome = o == "taken" ? DropOutcome::taken : o == "duplicate" ? DropOutcome::duplicate
                                                                    : DropOutcome::rejected;
  d.kind = s.text(5);
  d.moved_to = s.text(6);
  d.reason = s.text(7);
  d.at = s.text(8);
  d.day = s.text(9);
  d.claim = s.text(10);
  return d;
}

constexpr const char* kDropColumns = "run_id, name, sha256, size, outcome, kind, moved_to, reason, at, day, claim";

std::int64_t insert_drop(sqlite3* db, const Drop& d) {
  Stmt s(db, "INSERT INTO drops(run_id, name, sha256, size, outcome, kind, moved_to, reason, at, day, claim) "
             "VALUES(?,?,?,?,?,?,?,?,?,?,?)");
  s.bind(1, d.run_id).bind(2, d.name).bind(3, d.sha256).bind(4, d.size)
      .bind(5, std::string(to_string(d.outcome))).bind(6, d.kind).bind(7, d.moved_to)
      .bind(8, d.reason).bind(9, d.at).bind(10, d.day).bind(11, d.claim);
  s.step("recording an inbox file");
  return sqlite3_last_insert_rowid(db);
}

void count_drop(sqlite3* db, const Drop& d, std::int64_t records) {
  const char* col = d.outcome == DropOutcome::taken ? "taken"
                    : d.outcome == DropOutcome::duplicate ? "duplicates" : "rejected";
  std::string sql = std::string("UPDATE runs SET ") + col + " = " + col + " + 1, records = records + ? WHERE id = ?";
  Stmt s(db, sql.c_str());
  s.bind(1, records).bind(2, d.run_id);
  s.step("counting an inbox file");
}

}  // namespace

std::string_view to_string(DropOutcome o) {
  switch (o) {
    case DropOutcome::taken: return "taken";
    case DropOutcome::duplicate: return "duplicate";
    case DropOutcome::rejected: return "rejected";
  }
  return "rejected";
}

StoreError store_error(sqlite3* db, const std::string& doing) {
  std::string msg = "state store: " + doing + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
  const int rc = db ? sqlite3_errcode(db) & 0xff : SQLITE_NOMEM;
  int os = 0;
  if (rc == SQLITE_IOERR || rc == SQLITE_FULL || rc == SQLITE_CANTOPEN || rc == SQLITE_READONLY) {
    // sqlite3_system_errno is often 0 by the time the error surfaces (a rollback ran since);
    // the failing file keeps its own: the database's, or the WAL's.
    os = sqlite3_system_errno(db);
    if (os == 0) sqlite3_file_control(db, "main", SQLITE_FCNTL_LAST_ERRNO, &os);
    sqlite3_file* wal = nullptr;
    if (os == 0 && sqlite3_file_control(db, "main", SQLITE_FCNTL_JOURNAL_POINTER, &wal) == SQLITE_OK && wal &&
        wal->pMethods)
      wal->pMethods->xFileControl(wal, SQLITE_FCNTL_LAST_ERRNO, &os);
    if (os == 0 && rc == SQLITE_FULL) os = ENOSPC;
  }
  if (os != 0) msg += std::string(" (") + std::strerror(os) + ")";
  return StoreError(msg, os);
}

Store Store::open(const std::filesystem::path& file) {
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK) {
    StoreError e = store_error(db, "cannot open " + file.string());
    sqlite3_close(db);
    throw e;
  }
  Store store(db);
  sqlite3_busy_timeout(db, 5000);
  store.exec("PRAGMA journal_mode=WAL", "switching to WAL");
  // FULL: a taken file's rows reach the disk before the file moves to the archive.
  store.exec("PRAGMA synchronous=FULL", "setting synchronous");
  store.exec("PRAGMA foreign_keys=ON", "enabling foreign keys");
  int version = store.schema_version();
  const int latest = int(std::size(kMigrations));
  if (version > latest)
    throw StoreError("state store " + file.string() + " has schema version " + std::to_string(version) +
                     ", newer than this pipeline knows (" + std::to_string(latest) + "): upgrade the pipeline");
  for (int v = version; v < latest; ++v) {
    Transaction t(db);
    store.exec(kMigrations[v], "migrating the schema");
    store.exec(("PRAGMA user_version=" + std::to_string(v + 1)).c_str(), "recording the schema version");
    t.commit();
  }
  return store;
}

Store::Store(Store&& o) noexcept : db_(o.db_), ledger_update_(o.ledger_update_), reader_status_(o.reader_status_) {
  o.db_ = nullptr;
  o.ledger_update_ = nullptr;
  o.reader_status_ = nullptr;
}
Store& Store::operator=(Store&& o) noexcept {
  std::swap(db_, o.db_);
  std::swap(ledger_update_, o.ledger_update_);
  std::swap(reader_status_, o.reader_status_);
  return *this;
}
Store::~Store() {
  sqlite3_finalize(ledger_update_);
  sqlite3_finalize(reader_status_);
  if (db_) sqlite3_close(db_);
}

void Store::exec(const char* sql, const char* doing) const {
  if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) throw store_error(db_, doing);
}

int Store::schema_version() const {
  Stmt s(db_, "PRAGMA user_version");
  s.step("reading the schema version");
  return int(s.integer(0));
}

void Store::begin_run(const std::string& run_id, const std::string& command, const std::string& at) {
  Stmt s(db_, "INSERT INTO runs(id, command, started_at) VALUES(?,?,?)");
  s.bind(1, run_id).bind(2, command).bind(3, at);
  s.step("recording the start of the run");
}

void Store::end_run(const RunRow& r) {
  Stmt s(db_, "UPDATE runs SET finished_at = ?, outcome = ?, exit_code = ? WHERE id = ?");
  s.bind(1, r.finished_at).bind(2, r.outcome).bind(3, std::int64_t(r.exit_code)).bind(4, r.id);
  s.step("recording the end of the run");
}

std::optional<RunRow> Store::last_run() const {
  Stmt s(db_, "SELECT id, command, started_at, IFNULL(finished_at,''), IFNULL(outcome,''), "
              "IFNULL(exit_code,-1), taken, duplicates, rejected, records FROM runs "
              "WHERE command = 'run' ORDER BY started_at DESC, rowid DESC LIMIT 1");
  if (!s.step("reading the last run")) return std::nullopt;
  RunRow r;
  r.id = s.text(0);
  r.command = s.text(1);
  r.started_at = s.text(2);
  r.finished_at = s.text(3);
  r.outcome = s.text(4);
  r.exit_code = int(s.integer(5));
  r.taken = int(s.integer(6));
  r.duplicates = int(s.integer(7));
  r.rejected = int(s.integer(8));
  r.records = int(s.integer(9));
  return r;
}

std::optional<Drop> Store::find_by_claim(const std::string& claim) const {
  if (claim.empty()) return std::nullopt;
  std::string sql = std::string("SELECT ") + kDropColumns + " FROM drops WHERE claim = ? ORDER BY id LIMIT 1";
  Stmt s(db_, sql.c_str());
  s.bind(1, claim);
  if (!s.step("looking up a claimed file")) return std::nullopt;
  return read_drop(s);
}

std::optional<Drop> Store::find_taken(const std::string& sha256) const {
  std::string sql = std::string("SELECT ") + kDropColumns +
                    " FROM drops WHERE sha256 = ? AND outcome = 'taken' ORDER BY id LIMIT 1";
  Stmt s(db_, sql.c_str());
  s.bind(1, sha256);
  if (!s.step("looking up a content hash")) return std::nullopt;
  return read_drop(s);
}

void Store::record(const std::vector<DropRecords>& batch) {
  Transaction t(db_);
  Stmt s(db_, "INSERT INTO records(drop_id, ordinal, name, category, json) VALUES(?,?,?,?,?)");
  Stmt ds(db_, "INSERT INTO directives(drop_id, line, date, editor, action, a, b, note, status, detail) "
               "VALUES(?,?,?,?,?,?,?,?,'pending','')");
  Stmt rs(db_, "INSERT INTO reviews(drop_id, line, panel_date, tool, reviewer, verdict, quote) VALUES(?,?,?,?,?,?,?)");
  Stmt vs(db_, "INSERT INTO votes(drop_id, line, tool, voter, vote, cast_at) VALUES(?,?,?,?,?,?)");
  Stmt ns(db_, "INSERT INTO drop_notes(drop_id, line, note) VALUES(?,?,?)");
  for (const auto& [drop, records, directives, reviews, votes, notes] : batch) {
    auto drop_id = insert_drop(db_, drop);
    for (const auto& r : reviews) {
      rs.bind(1, drop_id).bind(2, std::int64_t(r.line)).bind(3, r.panel_date).bind(4, r.tool).bind(5, r.reviewer)
          .bind(6, r.verdict).bind(7, r.quote);
      rs.step("storing a panel review");
      rs.reset();
    }
    for (const auto& v : votes) {
      vs.bind(1, drop_id).bind(2, std::int64_t(v.line)).bind(3, v.tool).bind(4, v.voter).bind(5, v.vote)
          .bind(6, v.cast_at);
      vs.step("storing a vote");
      vs.reset();
    }
    for (const auto& n : notes) {
      ns.bind(1, drop_id).bind(2, std::int64_t(n.line)).bind(3, n.note);
      ns.step("storing a note on a taken file");
      ns.reset();
    }
    for (const auto& d : directives) {
      ds.bind(1, drop_id).bind(2, std::int64_t(d.line)).bind(3, d.date).bind(4, d.editor).bind(5, d.action)
          .bind(6, d.a).bind(7, d.b).bind(8, d.note);
      ds.step("storing a directive");
      ds.reset();
    }
    std::int64_t ordinal = 0;
    for (const auto& r : records) {
      s.bind(1, drop_id).bind(2, ordinal++).bind(3, r.name).bind(4, r.category).bind(5, r.json);
      s.step("storing a record");
      s.reset();
    }
    count_drop(db_, drop, std::int64_t(records.size()));
  }
  t.commit();
}

std::vector<Drop> Store::rejected_drops(int limit) const {
  std::string sql = std::string("SELECT ") + kDropColumns +
                    " FROM drops WHERE outcome = 'rejected' ORDER BY day DESC, name, sha256, id LIMIT ?";
  Stmt s(db_, sql.c_str());
  s.bind(1, std::int64_t(limit));
  std::vector<Drop> out;
  while (s.step("listing rejected files")) out.push_back(read_drop(s));
  return out;
}

std::vector<std::string> Store::taken_hashes() const {
  Stmt s(db_, "SELECT DISTINCT sha256 FROM drops WHERE outcome = 'taken'");
  std::vector<std::string> out;
  while (s.step("reading content hashes")) out.push_back(s.text(0));
  return out;
}

std::vector<std::string> Store::record_jsons() const {
  Stmt s(db_, "SELECT json FROM records ORDER BY drop_id, ordinal");
  std::vector<std::string> out;
  while (s.step("reading records")) out.push_back(s.text(0));
  return out;
}

std::vector<catalogue::RecordIn> Store::records() const {
  Stmt s(db_, "SELECT d.sha256, r.ordinal, r.json FROM records r JOIN drops d ON d.id = r.drop_id "
              "ORDER BY r.drop_id, r.ordinal");
  std::vector<catalogue::RecordIn> out;
  while (s.step("reading records"))
    out.push_back({s.text(0) + ":" + std::to_string(s.integer(1)), s.text(2)});
  return out;
}

std::vector<catalogue::ToolRow> Store::tools() const {
  Stmt s(db_, "SELECT id, slug, name, seq, created_at, absorbed_into, json FROM tools ORDER BY seq");
  std::vector<catalogue::ToolRow> out;
  while (s.step("reading tools"))
    out.push_back({s.text(0), s.text(1), s.text(2), s.integer(3), s.text(4), s.text(5), s.text(6)});
  return out;
}

std::vector<std::pair<std::string, std::string>> Store::tool_members() const {
  Stmt s(db_, "SELECT record_id, tool_id FROM tool_members ORDER BY record_id");
  std::vector<std::pair<std::string, std::string>> out;
  while (s.step("reading tool members")) out.emplace_back(s.text(0), s.text(1));
  return out;
}

std::vector<catalogue::ComparisonRow> Store::comparisons() const {
  Stmt s(db_, "SELECT slug, a, b, category, published_on, reason, run_id, withdrawn_on, withdrawn_reason "
              "FROM comparisons ORDER BY published_on, slug");
  std::vector<catalogue::ComparisonRow> out;
  while (s.step("reading comparisons"))
    out.push_back({s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7), s.text(8)});
  return out;
}

std::vector<catalogue::DirectiveRow> Store::directives() const {
  Stmt s(db_, "SELECT x.id, d.name, x.line, x.date, x.editor, x.action, x.a, x.b, x.note, x.status, x.detail "
              "FROM directives x JOIN drops d ON d.id = x.drop_id ORDER BY x.id");
  std::vector<catalogue::DirectiveRow> out;
  while (s.step("reading directives"))
    out.push_back({s.integer(0), s.text(1), int(s.integer(2)), s.text(3), s.text(4), s.text(5), s.text(6),
                   s.text(7), s.text(8), s.text(9), s.text(10)});
  return out;
}

std::vector<panel::ReviewRow> Store::reviews() const {
  Stmt s(db_, "SELECT r.id, d.name, r.line, r.panel_date, r.tool, r.reviewer, r.verdict, r.quote, d.run_id, d.at "
              "FROM reviews r JOIN drops d ON d.id = r.drop_id ORDER BY r.id");
  std::vector<panel::ReviewRow> out;
  while (s.step("reading panel reviews"))
    out.push_back({s.integer(0), s.text(1), int(s.integer(2)), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7),
                   s.text(8), s.text(9)});
  return out;
}

std::vector<panel::VoteRow> Store::votes() const {
  Stmt s(db_, "SELECT v.id, d.name, v.line, v.tool, v.voter, v.vote, v.cast_at, d.run_id "
              "FROM votes v JOIN drops d ON d.id = v.drop_id ORDER BY v.id");
  std::vector<panel::VoteRow> out;
  while (s.step("reading votes"))
    out.push_back({s.integer(0), s.text(1), int(s.integer(2)), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7)});
  return out;
}

std::vector<panel::DropNote> Store::drop_notes(int limit) const {
  Stmt s(db_, "SELECT d.name, d.run_id, d.at, n.line, n.note FROM drop_notes n JOIN drops d ON d.id = n.drop_id "
              "ORDER BY n.drop_id DESC, n.id LIMIT ?");
  s.bind(1, std::int64_t(limit));
  std::vector<panel::DropNote> out;
  while (s.step("reading notes on taken files"))
    out.push_back({s.text(0), s.text(1), s.text(2), int(s.integer(3)), s.text(4)});
  return out;
}

void Store::save_catalogue(const std::vector<catalogue::ToolRow>& tools,
                           const std::vector<std::pair<std::string, std::string>>& members,
                           const std::vector<catalogue::ComparisonRow>& comparisons,
                           const std::vector<catalogue::DirectiveRow>& directives) {
  Transaction t(db_);
  Stmt ts(db_, "INSERT INTO tools(id, slug, seq, created_at, absorbed_into, name, json) VALUES(?,?,?,?,?,?,?) "
               "ON CONFLICT(id) DO UPDATE SET absorbed_into = excluded.absorbed_into, name = excluded.name, "
               "json = excluded.json");
  for (const auto& r : tools) {
    ts.bind(1, r.id).bind(2, r.slug).bind(3, r.seq).bind(4, r.created_at).bind(5, r.absorbed_into).bind(6, r.name)
        .bind(7, r.json);
    ts.step("storing a tool");
    ts.reset();
  }
  exec("DELETE FROM tool_members", "replacing tool members");
  Stmt ms(db_, "INSERT INTO tool_members(record_id, tool_id) VALUES(?,?)");
  for (const auto& [record, tool] : members) {
    ms.bind(1, record).bind(2, tool);
    ms.step("storing a tool member");
    ms.reset();
  }
  Stmt cs(db_, "INSERT INTO comparisons(slug, a, b, category, published_on, reason, run_id, withdrawn_on, "
               "withdrawn_reason) VALUES(?,?,?,?,?,?,?,?,?) ON CONFLICT(slug) DO UPDATE SET "
               "withdrawn_on = excluded.withdrawn_on, withdrawn_reason = excluded.withdrawn_reason");
  for (const auto& c : comparisons) {
    cs.bind(1, c.slug).bind(2, c.a).bind(3, c.b).bind(4, c.category).bind(5, c.published_on).bind(6, c.reason)
        .bind(7, c.run_id).bind(8, c.withdrawn_on).bind(9, c.withdrawn_reason);
    cs.step("storing a comparison");
    cs.reset();
  }
  Stmt xs(db_, "UPDATE directives SET status = ?, detail = ? WHERE id = ?");
  for (const auto& d : directives) {
    xs.bind(1, d.status).bind(2, d.detail).bind(3, d.id);
    xs.step("updating a directive");
    xs.reset();
  }
  t.commit();
}

}  // namespace tv
