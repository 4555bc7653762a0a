// Config: every setting of the pipeline, with its default, and how it is read.
//
// Settings come from three places, the first that sets a key wins:
//   1. the command line, as --section.key=value;
//   2. the ini file named by --config (every key documented in the shipped pipeline.ini);
//   3. the defaults embedded below.
// Relative paths resolve against the config file's folder, or against the current folder
// when no config file is named. An unknown key, a bad value or a missing config file is a
// ConfigError whose message names the key or the file.
//
// Reviewers are the one open-ended part: `panel.reviewers` lists their ids in scorecard order,
// and each id has `reviewer.<id>.name` and `reviewer.<id>.role` (an ini section
// `[reviewer.<id>]`, or --reviewer.<id>.name=... on the command line). The four ids shipped
// (builder, skeptic, futurist, buyer) have embedded names and roles; any other id listed must
// be given a name. A reviewer.<id>.* key for an id that is not listed is a ConfigError.
#pragma once
#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace tv {

struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// One member of the review panel, as panel review files name them (reviewer="builder").
struct Reviewer {
  std::string id;    // [a-z0-9_-]+, as written in review files
  std::string name;  // display name, "The Builder"
  std::string role;  // one line: what this reviewer writes about
};

// The panel shipped: builder, skeptic, futurist, buyer, with their names and roles.
const std::vector<Reviewer>& default_reviewers();

struct Config {
  std::filesystem::path config_file;  // empty when running on the embedded defaults

  struct Paths {
    std::filesystem::path inbox = "inbox";        // where editors and the scraper drop files
    std::filesystem::path outbox = "outbox";      // generated site and digests
    std::filesystem::path state = "state";        // state database, logs, lock, archive
    std::filesystem::path archive = "state/archive";  // taken inputs, kept forever
                                                      // (default: <paths.state>/archive)
    std::filesystem::path rejected = "rejected";  // inputs moved aside, each with a .reason.txt
    std::filesystem::path profiles = "profiles";  // per-site extraction profiles
    std::filesystem::path templates = "templates";
  } paths;

  struct Inbox {
    int min_age_seconds = 5;   // files changed more recently are left for the next run
    std::size_t max_file_bytes = 32u << 20;  // larger files are moved aside unread
  } inbox;

  struct Limits {
    std::size_t max_page_bytes = 8u << 20;  // HTML pages larger than this are moved aside
    std::size_t max_depth = 512;            // deeper element nesting is moved aside
    std::size_t min_free_mb = 64;           // a run starts only with this much room to write
  } limits;

  struct Run {
    int jobs = 0;  // worker threads for parsing pages; 0 = one per core
    std::string date;  // the date the run publishes under, YYYY-MM-DD; "" = today (UTC)
  } run;

  struct Pair {
    int max_new_per_run = 20;       // new comparisons published by one run, at most
    int max_per_tool_per_week = 3;  // comparisons one tool may appear in per ISO week
  } pair;

  // The review panel, in scorecard order (panel.reviewers, reviewer.<id>.name/.role).
  std::vector<Reviewer> reviewers = default_reviewers();

  struct Site {
    std::string base_url = "https://www.tool-verdicts.example";  // http(s)://host[/path], no
                                                                 // trailing slash
    std::string title = "Tool Verdicts";  // the site's name, in page titles and the header
    int per_page = 20;                    // tools per category page (at least 1)
  } site;

  // Sending the digest (docs/digest.md). Credentials never come from here: see Secrets.
  struct Smtp {
    std::string url = "smtp://localhost:25";      // smtp://host[:port] or smtps://host[:port]
    std::string from = "digest@tool-verdicts.example";  // the envelope and From address
    std::string tls = "starttls";                 // smtp:// only: "starttls" (required) or "none"
    std::filesystem::path ca_file;                // "" = the system's CA store
    std::filesystem::path credentials_file;       // "" = TV_SMTP_USERNAME/TV_SMTP_PASSWORD or no AUTH
    int connect_timeout_seconds = 10;
    int response_timeout_seconds = 60;            // for each reply of the server
    double rate_per_second = 10;                  // messages per second at most; 0 = no limit
    int retries = 3;                              // more tries per reader after a 4xx or a dropped connection
    int retry_delay_ms = 2000;                    // before the first retry; doubles each time
    int max_connection_failures = 5;              // consecutive; then the send stops
    std::string bounce_address;                   // VERP: bounces@x -> bounces+TOKEN@x; "" = from
    std::filesystem::path dkim_key_file;          // "" = no DKIM signature
    std::string dkim_selector;
    std::string dkim_domain;                      // "" = the domain of `from`
  } smtp;

  // The weekly digest (docs/digest.md).
  struct Digest {
    std::filesystem::path subscribers = "subscribers.csv";  // email,name,status
    std::string weekday = "monday";               // the nightly run writes the digest file on this day
    std::string list_name = "Weekly AI Tool Verdicts";  // From name, List-Id and subject
    std::string list_id = "weekly.tool-verdicts.example";  // List-Id (RFC 2919)
    std::string unsubscribe_mailto = "unsubscribe@tool-verdicts.example";
    std::filesystem::path secret_file;            // "" = TV_DIGEST_SECRET only
    int weekday_number = 1;                       // `weekday` as 1 (Monday) .. 7, set by load_config
    std::filesystem::path bounce_maildir;         // "" = no bounce processing by the nightly run
    int soft_bounce_limit = 3;                    // soft bounces that suppress a reader
  } digest;

  // `pipeline serve` (docs/serve.md).
  struct Serve {
    std::string listen = "127.0.0.1:8025";
    int confirm_days = 7;
    int max_connections = 512;
    int max_body_bytes = 4096;
    int read_timeout_ms = 10000;
    int signups_per_client_per_hour = 10;
    int confirmations_per_address_per_day = 3;
  } serve;

  struct Log {
    std::string level = "info";   // trace, debug, info, warn, error
    std::string file = "logs/pipeline.jsonl";  // JSON lines, relative to paths.state
  } log;

  // The reviewer ids in scorecard order (what review files may name).
  std::vector<std::string> reviewer_ids() const;
};

// One --section.key=value from the command line, already split from the command's own args.
struct Override {
  std::string key;
  std::string value;
};

// Reads the config file (when `file` is not empty), applies the overrides on top, resolves
// relative paths, validates. Throws ConfigError naming the key or the file.
// The date a run publishes under: run.date, or today in UTC.
std::string run_day(const Config& cfg);

Config load_config(const std::filesystem::path& file, const std::vector<Override>& overrides);

// Every key with its default and its one-line documentation, in file order; used by
// `pipeline --help` and by the test that checks pipeline.ini documents every key. The
// reviewer keys are listed for the shipped reviewers (reviewer.builder.name, ...).
struct KeyDoc {
  std::string key;
  std::string default_value;
  std::string doc;
};
const std::vector<KeyDoc>& config_keys();

}  // namespace tv
