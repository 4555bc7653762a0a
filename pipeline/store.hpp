// Store: everything the pipeline remembers between nights, in one SQLite file (WAL mode).
// This is the only module that speaks SQL; the schema is written down in docs/state.md and
// migrated forward by `PRAGMA user_version`. Its API is in the pipeline's own terms (runs,
// inbox drops, taken inputs, records), narrow enough that a server database could stand in.
//
// Errors: every failure throws StoreError with SQLite's message and what was being done;
// the driver turns it into the run-failed exit status. Writes that belong together happen in
// one transaction, so a crash leaves either all of them or none.
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "stages/catalogue/catalogue.hpp"
#include "stages/catalogue/rows.hpp"
#include "stages/digest/ledger.hpp"
#include "stages/digest/readers.hpp"
#include "stages/panel/rows.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace tv {

struct StoreError : std::runtime_error {
  explicit StoreError(const std::string& what, int os_error = 0) : std::runtime_error(what), os_error(os_error) {}
  int os_error;  // the errno when the operating system refused the I/O (ENOSPC, EFBIG, EROFS, ...); else 0
};

// The StoreError for a failed call on `db`: "state store: <doing>: <SQLite's message>", plus the
// system's reason ("(File too large)") and its errno when SQLite's failure was an I/O one.
StoreError store_error(sqlite3* db, const std::string& doing);

enum class DropOutcome { taken, duplicate, rejected };

// One file that the inbox gave a run, and what became of it.
struct Drop {
  std::string run_id;
  std::string name;      // the name the file had in the inbox (may be hostile: display escaped)
  std::string sha256;
  std::int64_t size = 0;
  DropOutcome outcome = DropOutcome::taken;
  std::string kind;      // sniffed kind: "html", "panel-reviews", "binary", ...
  std::string moved_to;  // where the file is now (archive or rejected folder)
  std::string reason;    // for rejected: the editor-facing sentence; for duplicate: of what
  std::string at;        // UTC ISO-8601, when it was filed
  std::string day;       // the date the run publishes under (run.date, or that day in UTC)
  std::string claim;     // its path while claimed (inbox/.processing/STAMP-SEQ~NAME): how a
                         // rerun finds what a killed run decided for a file it had not yet moved
};

// A normalised record as stored: its JSON (the export format) plus indexed columns.
struct StoredRecord {
  std::string name;
  std::string category;
  std::string json;
};

struct RunRow {
  std::string id, command, started_at, finished_at, outcome;
  int exit_code = -1;
  int taken = 0, duplicates = 0, rejected = 0, records = 0;
};

class Store {
 public:
  // Opens (creating if needed) and migrates the database. Throws StoreError.
  static Store open(const std::filesystem::path& file);
  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  int schema_version() const;

  void begin_run(const std::string& run_id, const std::string& command, const std::string& at);
  void end_run(const RunRow& finished);
  std::optional<RunRow> last_run() const;

  // The drop that first took these bytes, if any bytes with this hash were ever taken.
  std::optional<Drop> find_taken(const std::string& sha256) const;
  // The drop recorded for a claimed path, if a run recorded one (then only its move is left).
  std::optional<Drop> find_by_claim(const std::string& claim) const;

  // Records a batch of drops, each with what was taken from it, in one transaction. The
  // rows' id, file, run_id and taken_at fields are ignored: they come from the drop.
  struct DropRecords {
    Drop drop;
    std::vector<StoredRecord> records;
    std::vector<catalogue::DirectiveRow> directives;  // from a taken directives file
    std::vector<panel::ReviewRow> reviews;            // from a taken panel reviews file
    std::vector<panel::VoteRow> votes;                // the good rows of a taken votes file
    std::vector<panel::DropNote> notes;               // problems inside a taken file (bad rows)
  };
  void record(const std::vector<DropRecords>& batch);

  // Every content hash ever taken (to skip re-reading duplicates without a query per file).
  std::vector<std::string> taken_hashes() const;

  // Rejected drops: the latest run date first, then by name (an order that does not depend on
  // which worker finished first, nor on whether a run was interrupted and resumed).
  std::vector<Drop> rejected_drops(int limit = 1000) const;

  // Every stored record's JSON, in the order they were taken.
  std::vector<std::string> record_jsons() const;

  // The catalogue (docs/state.md): every record with its id "<sha256>:<ordinal>", every tool
  // (live and absorbed, by creation order), the record -> tool map, every comparison ever
  // published, every directive ever taken.
  std::vector<catalogue::RecordIn> records() const;
  std::vector<catalogue::ToolRow> tools() const;
  std::vector<std::pair<std::string, std::string>> tool_members() const;
  std::vector<catalogue::ComparisonRow> comparisons() const;
  std::vector<catalogue::DirectiveRow> directives() const;

  // Every review and vote ever taken, in arrival order (row id), with their file's name, run
  // and time filled in from the drop.
  std::vector<panel::ReviewRow> reviews() const;
  std::vector<panel::VoteRow> votes() const;
  // Problems inside taken files, newest file first, each file's notes in line order; at most
  // `limit` notes.
  std::vector<panel::DropNote> drop_notes(int limit = 1000) const;

  // Writes one night's catalogue in one transaction: tool rows upserted (slug, seq and
  // created_at never change), the record -> tool map replaced, comparison rows upserted
  // (only the withdrawal of an existing one changes), directive statuses updated.
  void save_catalogue(const std::vector<catalogue::ToolRow>& tools,
                      const std::vector<std::pair<std::string, std::string>>& members,
                      const std::vector<catalogue::ComparisonRow>& comparisons,
                      const std::vector<catalogue::DirectiveRow>& directives);

  // The digest (docs/digest.md; pipeline/store_digest.cpp).
  // Each tool's latest recorded state (digest::ToolState as JSON) on or before `date`
  // (YYYY-MM-DD), by tool id.
  std::map<std::string, std::string> tool_states(const std::string& date) const;
  // Records states seen on `date`, (tool id, JSON), in one transaction; a state already
  // recorded for that tool and date is replaced.
  void save_tool_states(const std::string& date, const std::vector<std::pair<std::string, std::string>>& states);
  // The content a week's digest was frozen with when its sending began, if it has begun.
  std::optional<std::string> frozen_digest(const std::string& week) const;
  // In one transaction: freezes the week's content (unless frozen already; the first wins)
  // and adds each row not yet in the ledger for that week as queued. Existing rows are kept
  // as they are.
  void queue_digest(const std::string& week, const std::string& content, const std::vector<digest::SendRow>& rows,
                    const std::string& at);
  // The weeks whose sending has begun, newest first.
  std::vector<std::string> digest_weeks(int limit = 8) const;
  // A week's ledger in the order it was queued.
  std::vector<digest::SendRow> ledger(const std::string& week) const;
  // Every row in `status`, all weeks, newest week first (the editor's list of uncertain ones).
  std::vector<digest::SendRow> ledger_rows(digest::SendStatus status) const;
  // Applies `updates` to the week's rows, in order, in one transaction.
  void update_ledger(const std::string& week, const std::vector<digest::SendUpdate>& updates, const std::string& at);

  // Readers (docs/subscribers.md; pipeline/store_readers.cpp).
  std::optional<digest::Reader> reader(const std::string& key) const;
  std::optional<digest::Reader> reader_by_id(std::int64_t id) const;
  // Every reader in the order they joined; or only those with `status`.
  std::vector<digest::Reader> readers() const;
  std::vector<digest::Reader> readers(digest::ReaderStatus status) const;
  // How many readers have each status.
  std::map<digest::ReaderStatus, std::size_t> reader_counts() const;
  // A reader's history, oldest first.
  std::vector<digest::ReaderEvent> reader_history(const std::string& key) const;
  // Applies each change whose condition holds (digest::ReaderChange), in order, with its history,
  // in one transaction: one commit, one fsync, however many changes. A new confirmation mail
  // owed to a reader (`pipeline serve`) may be queued in the same transaction.
  struct Confirmation {
    std::int64_t id = 0;
    std::string key, email, client;
    std::int64_t issued = 0;  // Unix seconds: signed into the link, which expires from it
  };
  std::vector<digest::Applied> change_readers(const std::vector<digest::ReaderChange>& changes, const std::string& at,
                                              const std::vector<Confirmation>& confirmations = {});
  // A reader's status now, or nullopt for no such reader (prepared once: the send asks before
  // every message whether the reader is still subscribed).
  std::optional<digest::ReaderStatus> reader_status_now(const std::string& key) const;
  // Confirmation mails: those still owed, oldest first; how many were queued for a key or a
  // client since `since_unix`; and recording what became of one.
  std::vector<Confirmation> queued_confirmations(int limit = 100) const;
  std::size_t confirmations_since(const std::string& key, const std::string& client, std::int64_t since_unix,
                                  bool by_client) const;
  void settle_confirmation(std::int64_t id, const std::string& status, const std::string& detail,
                           const std::string& at);

  // Bounces (pipeline/bounces_step.hpp). A message of the bounce Maildir, by its unique name:
  // "read" (acted on, moved to cur/) or "problem" (left in new/, with the reason).
  struct BounceMessage {
    std::string name, at, outcome, detail;
  };
  std::optional<BounceMessage> bounce_message(const std::string& name) const;
  std::vector<BounceMessage> bounce_problems(int limit = 200) const;
  // Records a message with what it changed, in one transaction: the reader changes, each
  // reader's new soft-bounce score and day, and the message's row (replacing a problem row).
  struct BounceScore {
    std::string key;
    double score = 0;
    std::string day;
  };
  std::vector<digest::Applied> record_bounce(const BounceMessage& message, const std::vector<digest::ReaderChange>& changes,
                                             const std::vector<BounceScore>& scores);
  // The reader a digest message went to, by its Message-ID ("" when none).
  std::string reader_key_by_message_id(const std::string& message_id) const;

 private:
  explicit Store(sqlite3* db) : db_(db) {}
  void exec(const char* sql, const char* doing) const;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* ledger_update_ = nullptr;  // prepared once: update_ledger runs per message
  mutable sqlite3_stmt* reader_status_ = nullptr;  // prepared once: reader_status_now runs per message
};

std::string_view to_string(DropOutcome);

}  // namespace tv
