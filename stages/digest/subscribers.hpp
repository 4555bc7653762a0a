// Subscribers: reads the digest's subscriber list (CSV, header email,name,status; format and
// address policy in docs/subscribers.md) into plain values, and decides who is mailed. Pure: no
// I/O, no store, no clock; never throws (but std::bad_alloc).
//
// Takes the file's bytes as they are (any size, any content). A bad row is not fatal: it is
// reported with its 1-based line (the first line of its record) and a sentence naming the
// column, then skipped; the good rows still count. Only a problem of the whole file (too big,
// binary or UTF-16, no header or the wrong one) sets `file_error`; the file then yields no rows.
//
// CSV is RFC 4180, read the way stages/votes reads votes files: double-quoted fields may hold
// commas, line breaks and "" for a quote; CRLF or LF; an optional UTF-8 byte-order mark; blank
// lines skipped. The header is email,name,status (each trimmed, any case), nothing more.
//
// Per row: exactly 3 fields. email trimmed and valid by `address_problem` (the policy: what
// real mail servers deliver to, and nothing that could break a mail header); name trimmed,
// may be empty, valid UTF-8 without control characters (it goes into a To: header), at most
// kMaxNameBytes; status subscribed or unsubscribed (trimmed, any case).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "stages/common/csv.hpp"

namespace tv::digest {

inline constexpr std::size_t kMaxBytes = 16u << 20;  // 16 MiB
inline constexpr std::size_t kMaxNameBytes = 200;
inline constexpr std::size_t kMaxErrors = 100;       // reported; the rest are counted

enum class Status { subscribed, unsubscribed };

// "subscribed", "unsubscribed".
std::string_view to_string(Status);

struct Row {
  std::string email;  // trimmed, as written
  std::string key;    // the reader's key: reader_key(email)
  std::string name;   // trimmed; may be empty
  Status status = Status::subscribed;
  int line = 0;       // 1-based first line of the record
};

using csv::RowError;
using csv::to_string;
using csv::report;  // report(parsed): the editor-facing problem list (stages/common/csv.hpp)

struct Parsed : csv::Problems {
  std::vector<Row> rows;            // the good rows, in file order
};

Parsed parse_subscribers(std::string_view bytes);

// Empty when `address` is one we mail (docs/subscribers.md, "Address policy"); else the reason,
// a phrase such as "it has no @ sign" that fits after "is not an address we mail: ".
std::string address_problem(std::string_view address);
bool valid_address(std::string_view address);

// The key a reader is known by: the whole address folded to ASCII lower case (addresses we
// mail are ASCII), as every real list does: `Ada@Example.org` and `ada@example.org` are one
// reader. The spelling given first is kept for To:.
std::string reader_key(std::string_view address);

// The domain of an address: what follows its last '@' ("" when there is none).
std::string domain_of(std::string_view address);

struct Recipient {
  std::string email;  // as written in the first subscribed row
  std::string key;    // the dedupe key (Row::key): the ledger knows the reader by it
  std::string name;   // from that row
  int line = 0;       // that row's line
  std::int64_t id = 0;  // the reader's id in the store (names them in bounce tokens); 0 = not stored
};

// Who is mailed: each subscribed address once (by key; the first row wins for the name and the
// spelling), minus every key that appears with status unsubscribed anywhere in the file, in
// file order. An unsubscribe wins whatever the order of the rows.
std::vector<Recipient> recipients(const Parsed&);

}  // namespace tv::digest
