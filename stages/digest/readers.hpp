// Readers: the newsletter's readers as the state store keeps them (docs/subscribers.md), and
// the rules for changing them. Plain types and pure decisions; pipeline/store_readers.cpp
// stores them, `pipeline subscribers`, `pipeline serve` and `pipeline bounces` ask for changes.
//
// A reader is keyed by the whole address folded to lower case (digest::reader_key); the
// spelling given first is kept for To:. Every change of status is appended to the reader's
// history with when and how it happened; nothing is ever deleted.
//
//   (new) ──form──▶ pending ──confirm──▶ subscribed ──one-click, page, mailto, editor──▶ unsubscribed
//                                         │   ▲                                            │
//                     import ─────────────┘   └──────── form + confirm (the reader again) ──┘
//                                         ├──bounce (hard, or soft past the score)──▶ bounced
//                                         └──complaint──────────────────────────────▶ complained
//
// bounced and complained are *suppressed*: nothing is mailed to them, a confirmation neither.
// An import never subscribes a reader who unsubscribed or is suppressed.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tv::digest {

enum class ReaderStatus { pending, subscribed, unsubscribed, bounced, complained };
std::string_view to_string(ReaderStatus);
std::optional<ReaderStatus> reader_status(std::string_view);
// bounced or complained: never mailed again, not even a confirmation.
bool suppressed(ReaderStatus);

// How a change came about, for the history.
enum class How { form, confirm, one_click, page, mailto, bounce, complaint, import, editor };
std::string_view to_string(How);
std::optional<How> how(std::string_view);

struct Reader {
  std::int64_t id = 0;       // the store's row id; names the reader in VERP bounce addresses
  std::string key;           // reader_key(email)
  std::string email;         // the spelling given first
  std::string name;          // may be empty
  ReaderStatus status = ReaderStatus::pending;
  std::string since;         // UTC ISO-8601: when the status last changed
  std::string created_at;    // UTC ISO-8601
  double bounce_score = 0;   // soft bounces, by the scoring in docs/subscribers.md
  std::string last_bounce;   // YYYY-MM-DD of the last soft bounce counted ("" none)
};

struct ReaderEvent {
  std::string key, at;
  std::string previous;  // the status before ("" for a new reader)
  ReaderStatus status = ReaderStatus::pending;
  How how = How::editor;
  std::string detail;
};

// One change the store applies when its condition holds, in one transaction with the others
// of its batch. `from` lists the statuses it may change (empty: any); `create` lets it add a
// reader who is not there yet (with `email` and `name`). A change to the status a reader
// already has is no change and adds no history.
struct ReaderChange {
  std::string key, email, name;
  ReaderStatus to = ReaderStatus::subscribed;
  How how = How::editor;
  std::string detail;
  std::vector<ReaderStatus> from;
  bool create = false;
};
enum class Applied { changed, created, unchanged, refused };  // refused: `from` or `create` said no

// What `change` does to a reader whose status is `now` (nullopt: no such reader yet). The one
// rule the store applies and a dry run previews.
Applied decide(std::optional<ReaderStatus> now, const ReaderChange& change);

// What an import of a subscribers file does to one reader (the file's verdict for the key,
// after "an unsubscribe anywhere in the file wins"): subscribed adds a new reader or confirms a
// pending one; unsubscribed adds or unsubscribes one. Never re-subscribes an unsubscribed or
// suppressed reader.
ReaderChange import_change(const std::string& key, const std::string& email, const std::string& name,
                           bool subscribed, const std::string& file);

}  // namespace tv::digest
