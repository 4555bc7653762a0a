#include "pipeline/config.hpp"

#include <boost/program_options.hpp>

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "stages/common/utc.hpp"
#include "stages/digest/calendar.hpp"
#include "stages/digest/subscribers.hpp"
#include "stages/pair/pair.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace tv {

const std::vector<Reviewer>& default_reviewers() {
  static const std::vector<Reviewer> panel{
      {"builder", "The Builder", "Developer experience: the primitive, the DX bet, the first hour with it"},
      {"skeptic", "The Skeptic", "Competitors, failure modes, and what kills it in a year"},
      {"futurist", "The Futurist", "The trend it bets on and its second-order effects"},
      {"buyer", "The Buyer", "Who pays, the moat, and whether the business survives"},
  };
  return panel;
}

std::vector<std::string> Config::reviewer_ids() const {
  std::vector<std::string> ids;
  for (const auto& r : reviewers) ids.push_back(r.id);
  return ids;
}

namespace {

// Settings read as text and turned into structure after every source is read.
struct Raw {
  std::string panel_reviewers = "builder, skeptic, futurist, buyer";
};

// reviewer.<id>.name / .role values, as given, with where each came from. The keys are
// open-ended (one pair per reviewer id), so they live beside the program_options table.
struct ReviewerKeys {
  struct Given {
    std::string value, where;
  };
  std::map<std::string, Given> values;  // "reviewer.builder.name" -> value
};

// The one table of keys: name, where it lives in Config, its documentation.
// config_keys() and the program_options description are both built from it.
po::options_description describe(Config& c, Raw& raw) {
  po::options_description d("configuration keys");
  // Each value carries its default as text, so `config_keys()` can show it.
  auto path = [](fs::path* p) {
    return po::value<std::string>()
        ->default_value(p->string())
        ->notifier([p](const std::string& s) { *p = s; });
  };
  auto num = [](auto* v) { return po::value(v)->default_value(*v, std::to_string(*v)); };
  auto text = [](std::string* v) { return po::value(v)->default_value(*v); };
  d.add_options()
    ("paths.inbox", path(&c.paths.inbox), "where editors and the scraper drop files")
    ("paths.outbox", path(&c.paths.outbox), "generated site and digests")
    ("paths.state", path(&c.paths.state), "state database, logs, run lock")
    ("paths.archive", path(&c.paths.archive), "taken inputs, kept forever")
    ("paths.rejected", path(&c.paths.rejected), "inputs moved aside, each beside a .reason.txt")
    ("paths.profiles", path(&c.paths.profiles), "per-site extraction profiles (*.profile)")
    ("paths.templates", path(&c.paths.templates), "page templates")
    ("inbox.min_age_seconds", num(&c.inbox.min_age_seconds),
     "files changed more recently than this are left for the next run")
    ("inbox.max_file_bytes", num(&c.inbox.max_file_bytes),
     "larger inbox files are moved aside unread")
    ("limits.max_page_bytes", num(&c.limits.max_page_bytes),
     "larger HTML pages are moved aside")
    ("limits.max_depth", num(&c.limits.max_depth),
     "pages nesting elements deeper than this are moved aside")
    ("limits.min_free_mb", num(&c.limits.min_free_mb),
     "a run starts only when every disk it writes has this many MiB free (and `ulimit -f` allows as much)")
    ("run.jobs", num(&c.run.jobs), "worker threads for parsing pages; 0 = one per core")
    ("run.date", text(&c.run.date),
     "the date a run publishes under (YYYY-MM-DD), for backfills; empty = today in UTC")
    ("pair.max_new_per_run", num(&c.pair.max_new_per_run),
     "new comparisons one run publishes, at most (the rest wait for later nights)")
    ("pair.max_per_tool_per_week", num(&c.pair.max_per_tool_per_week),
     "comparisons one tool may appear in per ISO week, at most (editor pins excepted)")
    ("panel.reviewers", text(&raw.panel_reviewers),
     "the review panel: reviewer ids, comma-separated, in scorecard order; each needs "
     "reviewer.<id>.name (and may have reviewer.<id>.role)")
    ("site.base_url", text(&c.site.base_url),
     "the published site's address, http(s)://host[/path], no trailing slash")
    ("site.title", text(&c.site.title), "the site's name, in page titles and the header")
    ("site.per_page", num(&c.site.per_page), "tools per category page (at least 1)")
    ("smtp.url", text(&c.smtp.url), "the SMTP server: smtp://host[:port] or smtps://host[:port]")
    ("smtp.from", text(&c.smtp.from), "the digest's sender address (envelope and From)")
    ("smtp.tls", text(&c.smtp.tls),
     "for smtp:// URLs: starttls (required; the send fails without it) or none; smtps:// is always TLS")
    ("smtp.ca_file", path(&c.smtp.ca_file), "CA certificates to verify the server with; empty = the system's")
    ("smtp.credentials_file", path(&c.smtp.credentials_file),
     "a file holding the SMTP user name on its first line and the password on its second; empty = "
     "TV_SMTP_USERNAME and TV_SMTP_PASSWORD from the environment, or no AUTH")
    ("smtp.connect_timeout_seconds", num(&c.smtp.connect_timeout_seconds), "connecting to the server, at most")
    ("smtp.response_timeout_seconds", num(&c.smtp.response_timeout_seconds), "waiting for each reply, at most")
    ("smtp.rate_per_second", po::value(&c.smtp.rate_per_second)->default_value(c.smtp.rate_per_second, "10"),
     "messages sent per second, at most; 0 = no limit")
    ("smtp.retries", num(&c.smtp.retries), "more tries per reader after a 4xx reply or a dropped connection")
    ("smtp.retry_delay_ms", num(&c.smtp.retry_delay_ms), "wait before the first retry; doubles each time")
    ("smtp.max_connection_failures", num(&c.smtp.max_connection_failures),
     "consecutive connection failures after which the send stops (the rest stay queued)")
    ("smtp.bounce_address", text(&c.smtp.bounce_address),
     "the envelope sender for bounces, e.g. bounces@example.org: each digest goes out as "
     "bounces+TOKEN@example.org (VERP, the token naming the reader); empty = smtp.from")
    ("smtp.dkim_key_file", path(&c.smtp.dkim_key_file),
     "a PEM RSA private key to DKIM-sign every digest and confirmation with; empty = no signature")
    ("smtp.dkim_selector", text(&c.smtp.dkim_selector), "the DKIM selector (s=), with smtp.dkim_key_file")
    ("smtp.dkim_domain", text(&c.smtp.dkim_domain),
     "the DKIM signing domain (d=); empty = the domain of smtp.from")
    ("digest.subscribers", path(&c.digest.subscribers),
     "a subscribers CSV (email,name,status) imported into the store before every send, when it exists")
    ("digest.bounce_maildir", path(&c.digest.bounce_maildir),
     "the Maildir the MTA delivers bounces, complaints and mailto: unsubscribes to; the nightly run reads it; "
     "empty = none")
    ("digest.soft_bounce_limit", num(&c.digest.soft_bounce_limit),
     "soft bounces (one a day at most, forgotten after 7 quiet days) that suppress a reader")
    ("serve.listen", text(&c.serve.listen), "where `pipeline serve` listens: host:port (behind the site's web server)")
    ("serve.confirm_days", num(&c.serve.confirm_days), "days a sign-up's confirmation link stays valid")
    ("serve.max_connections", num(&c.serve.max_connections), "connections served at once; more get 503")
    ("serve.max_body_bytes", num(&c.serve.max_body_bytes), "larger request bodies get 413")
    ("serve.read_timeout_ms", num(&c.serve.read_timeout_ms),
     "a request must arrive whole within this; slower clients get 408")
    ("serve.signups_per_client_per_hour", num(&c.serve.signups_per_client_per_hour),
     "sign-ups one client address may post an hour; more get 429")
    ("serve.confirmations_per_address_per_day", num(&c.serve.confirmations_per_address_per_day),
     "confirmation mails one address is sent a day at most, however often it is signed up")
    ("digest.weekday", text(&c.digest.weekday),
     "the day the nightly run writes last week's digest file (monday..sunday)")
    ("digest.list_name", text(&c.digest.list_name), "the newsletter's name: From, List-Id and subject")
    ("digest.list_id", text(&c.digest.list_id), "the List-Id (RFC 2919), a dot-separated name")
    ("digest.unsubscribe_mailto", text(&c.digest.unsubscribe_mailto),
     "the address of the mailto: unsubscribe link")
    ("digest.secret_file", path(&c.digest.secret_file),
     "a file holding the secret that signs unsubscribe links; empty = TV_DIGEST_SECRET from the environment")
    ("log.level", text(&c.log.level), "trace, debug, info, warn or error")
    ("log.file", text(&c.log.file),
     "JSON-lines log file, relative to paths.state");
  return d;
}

std::string trim(std::string s) {
  auto ws = [](unsigned char ch) { return std::isspace(ch) != 0; };
  s.erase(s.begin(), std::find_if_not(s.begin(), s.end(), ws));
  s.erase(std::find_if_not(s.rbegin(), s.rend(), ws).base(), s.end());
  return s;
}

bool known(const po::options_description& d, const std::string& key) {
  return d.find_nothrow(key, false) != nullptr;
}

// "reviewer.<id>.name" or "reviewer.<id>.role": the id; "" for any other key.
std::string reviewer_key_id(const std::string& key) {
  const std::string prefix = "reviewer.";
  if (key.rfind(prefix, 0) != 0) return "";
  auto dot = key.rfind('.');
  if (dot <= prefix.size()) return "";
  std::string field = key.substr(dot + 1);
  if (field != "name" && field != "role") return "";
  return key.substr(prefix.size(), dot - prefix.size());
}

// Stores one key=value, naming `where` (a file and line, or "the command line") on error.
// program_options keeps the first value stored, so the command line is stored first; the
// reviewer keys follow the same rule.
void store_one(const po::options_description& d, po::variables_map& vm, ReviewerKeys& rk, const std::string& key,
               const std::string& value, const std::string& where) {
  if (!reviewer_key_id(key).empty()) {
    rk.values.emplace(key, ReviewerKeys::Given{value, where});  // keeps an earlier value
    return;
  }
  if (!known(d, key))
    throw ConfigError(where + ": unknown configuration key '" + key +
                      "' (pipeline.ini lists every key)");
  if (vm.count(key) && !vm[key].defaulted()) return;  // set by a source that wins
  po::parsed_options parsed(&d);
  po::option opt(key, {value});
  parsed.options.push_back(opt);
  try {
    po::store(parsed, vm);
  } catch (const po::error&) {
    throw ConfigError(where + ": bad value '" + value + "' for " + key);
  }
}

// A deliberately small ini reader: "[section]", "key = value", '#' or ';' comments.
// It exists so that every error can name the file and line, which program_options cannot.
void read_ini(const fs::path& file, const po::options_description& d, po::variables_map& vm, ReviewerKeys& rk) {
  std::ifstream in(file);
  if (!in) throw ConfigError("cannot read config file " + file.string() + ": no such file or not readable");
  std::string line, section;
  for (int lineno = 1; std::getline(in, line); ++lineno) {
    std::string where = file.string() + ":" + std::to_string(lineno);
    line = trim(line);
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    if (line.front() == '[') {
      if (line.back() != ']') throw ConfigError(where + ": section header without ']'");
      section = trim(line.substr(1, line.size() - 2));
      continue;
    }
    auto eq = line.find('=');
    if (eq == std::string::npos) throw ConfigError(where + ": expected 'key = value', got '" + line + "'");
    std::string key = trim(line.substr(0, eq));
    std::string value = trim(line.substr(eq + 1));
    if (!section.empty()) key = section + "." + key;
    store_one(d, vm, rk, key, value, where);
  }
}

void resolve(fs::path& p, const fs::path& base) {
  if (p.empty()) throw ConfigError("a path setting is empty");
  if (p.is_relative()) p = (base / p).lexically_normal();
}

bool valid_reviewer_id(const std::string& id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](unsigned char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
  });
}

// panel.reviewers and the reviewer.<id>.* keys -> the panel, in order.
std::vector<Reviewer> build_reviewers(const std::string& list, const ReviewerKeys& rk) {
  std::vector<Reviewer> out;
  std::stringstream ss(list);
  for (std::string id; std::getline(ss, id, ',');) {
    id = trim(id);
    if (!valid_reviewer_id(id))
      throw ConfigError("bad value '" + list + "' for panel.reviewers: '" + id +
                        "' is not a reviewer id (lower-case letters, digits, '_' and '-', comma-separated, "
                        "e.g. builder, skeptic)");
    for (const auto& r : out)
      if (r.id == id) throw ConfigError("bad value '" + list + "' for panel.reviewers: '" + id + "' is listed twice");
    Reviewer r{id, "", ""};
    for (const auto& d : default_reviewers())
      if (d.id == id) r = d;
    if (auto it = rk.values.find("reviewer." + id + ".name"); it != rk.values.end()) {
      r.name = trim(it->second.value);
      if (r.name.empty())
        throw ConfigError(it->second.where + ": reviewer." + id + ".name is empty: give the reviewer a display name");
    }
    if (auto it = rk.values.find("reviewer." + id + ".role"); it != rk.values.end()) r.role = trim(it->second.value);
    if (r.name.empty())
      throw ConfigError("reviewer." + id + ".name is missing: '" + id +
                        "' is listed in panel.reviewers but has no display name (add a [reviewer." + id +
                        "] section with name = ... to the config file)");
    out.push_back(std::move(r));
  }
  if (out.empty()) throw ConfigError("panel.reviewers is empty: list at least one reviewer id");
  for (const auto& [key, given] : rk.values) {
    std::string id = reviewer_key_id(key);
    if (std::none_of(out.begin(), out.end(), [&](const Reviewer& r) { return r.id == id; }))
      throw ConfigError(given.where + ": " + key + " is for reviewer '" + id +
                        "', who is not in panel.reviewers (" + list + "); add the id there or delete the key");
  }
  return out;
}

// site.base_url, checked, with one trailing slash taken off.
std::string site_base_url(std::string url) {
  if (url.size() > 1 && url.back() == '/') url.pop_back();
  static const std::regex shape(R"(https?://[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?(/[A-Za-z0-9._~%!$&'()*+,;=:@-]+)*)");
  if (!std::regex_match(url, shape))
    throw ConfigError("bad value '" + url + "' for site.base_url: write http(s)://host or http(s)://host/path, "
                      "without a query, fragment or trailing slash, e.g. https://www.tool-verdicts.example");
  return url;
}

void validate_mail(const Config& c) {
  static const std::regex url(R"((smtps?)://[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?(/[A-Za-z0-9.-]*)?)");
  if (!std::regex_match(c.smtp.url, url))
    throw ConfigError("bad value '" + c.smtp.url + "' for smtp.url: write smtp://host[:port] or smtps://host[:port], "
                      "e.g. smtp://mail.example.com:587");
  if (c.smtp.tls != "starttls" && c.smtp.tls != "none")
    throw ConfigError("bad value '" + c.smtp.tls + "' for smtp.tls: use starttls or none");
  if (!digest::valid_address(c.smtp.from))
    throw ConfigError("bad value '" + c.smtp.from + "' for smtp.from: it " + digest::address_problem(c.smtp.from) +
                      "; write a plain address such as digest@example.com");
  if (!digest::valid_address(c.digest.unsubscribe_mailto))
    throw ConfigError("bad value '" + c.digest.unsubscribe_mailto + "' for digest.unsubscribe_mailto: it " +
                      digest::address_problem(c.digest.unsubscribe_mailto));
  static const std::regex list_id(R"([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)");
  if (!std::regex_match(c.digest.list_id, list_id))
    throw ConfigError("bad value '" + c.digest.list_id + "' for digest.list_id: write a dot-separated name such as "
                      "weekly.tool-verdicts.example");
  if (trim(c.digest.list_name).empty()) throw ConfigError("digest.list_name is empty: give the newsletter a name");
  if (c.smtp.connect_timeout_seconds < 1 || c.smtp.response_timeout_seconds < 1)
    throw ConfigError("smtp.connect_timeout_seconds and smtp.response_timeout_seconds must be at least 1");
  if (!(c.smtp.rate_per_second >= 0)) throw ConfigError("smtp.rate_per_second must be 0 (no limit) or more");
  if (c.smtp.retries < 0 || c.smtp.retries > 10) throw ConfigError("smtp.retries must be between 0 and 10");
  if (c.smtp.retry_delay_ms < 0) throw ConfigError("smtp.retry_delay_ms must be 0 or more");
  if (c.smtp.max_connection_failures < 1) throw ConfigError("smtp.max_connection_failures must be at least 1");
  if (!c.smtp.bounce_address.empty() &&
      (!digest::valid_address(c.smtp.bounce_address) || c.smtp.bounce_address.find('+') != std::string::npos))
    throw ConfigError("bad value '" + c.smtp.bounce_address + "' for smtp.bounce_address: write a plain address "
                      "without '+', such as bounces@example.org (each digest goes out as bounces+TOKEN@example.org)");
  if (!c.smtp.dkim_key_file.empty() && c.smtp.dkim_selector.empty())
    throw ConfigError("smtp.dkim_key_file is set but smtp.dkim_selector is empty: name the selector its DNS record "
                      "is published under (<selector>._domainkey.<domain>)");
  if (c.digest.soft_bounce_limit < 1) throw ConfigError("digest.soft_bounce_limit must be at least 1");
  if (c.serve.confirm_days < 1 || c.serve.confirm_days > 90)
    throw ConfigError("serve.confirm_days must be between 1 and 90");
  if (c.serve.max_connections < 1 || c.serve.max_body_bytes < 256 || c.serve.read_timeout_ms < 100)
    throw ConfigError("serve.max_connections must be at least 1, serve.max_body_bytes at least 256 and "
                      "serve.read_timeout_ms at least 100");
  if (c.serve.signups_per_client_per_hour < 1 || c.serve.confirmations_per_address_per_day < 1)
    throw ConfigError("serve.signups_per_client_per_hour and serve.confirmations_per_address_per_day must be at "
                      "least 1");
}

void validate(const Config& c) {
  if (c.inbox.min_age_seconds < 0) throw ConfigError("inbox.min_age_seconds must be 0 or more");
  if (c.inbox.max_file_bytes == 0) throw ConfigError("inbox.max_file_bytes must be more than 0");
  if (c.limits.max_page_bytes == 0) throw ConfigError("limits.max_page_bytes must be more than 0");
  if (c.limits.max_depth < 16) throw ConfigError("limits.max_depth must be at least 16");
  if (c.run.jobs < 0 || c.run.jobs > 256) throw ConfigError("run.jobs must be between 0 and 256");
  if (c.pair.max_new_per_run < 0) throw ConfigError("pair.max_new_per_run must be 0 or more");
  if (c.pair.max_per_tool_per_week < 0) throw ConfigError("pair.max_per_tool_per_week must be 0 or more");
  if (!c.run.date.empty() && pair::iso_week(c.run.date).empty())
    throw ConfigError("bad value '" + c.run.date + "' for run.date: use YYYY-MM-DD, e.g. 2026-11-23");
  static const std::array<const char*, 5> levels{"trace", "debug", "info", "warn", "error"};
  if (std::find(levels.begin(), levels.end(), c.log.level) == levels.end())
    throw ConfigError("bad value '" + c.log.level + "' for log.level: use trace, debug, info, warn or error");
  if (c.site.per_page < 1) throw ConfigError("site.per_page must be at least 1");
  if (trim(c.site.title).empty()) throw ConfigError("site.title is empty: give the site a name");
  validate_mail(c);
  if (fs::path(c.log.file).is_absolute() || c.log.file.empty())
    throw ConfigError("log.file must be a relative path (it lives under paths.state)");
}

}  // namespace

Config load_config(const fs::path& file, const std::vector<Override>& overrides) {
  Config c;
  Raw raw;
  auto d = describe(c, raw);
  po::variables_map vm;
  ReviewerKeys rk;
  for (const auto& o : overrides) store_one(d, vm, rk, o.key, o.value, "command line --" + o.key);
  fs::path base = fs::current_path();
  if (!file.empty()) {
    read_ini(file, d, vm, rk);
    c.config_file = fs::absolute(file).lexically_normal();
    base = c.config_file.parent_path();
  }
  po::notify(vm);
  // The archive follows the state folder unless it was set on its own.
  if (vm["paths.archive"].defaulted()) c.paths.archive = c.paths.state / "archive";
  for (fs::path* p : {&c.paths.inbox, &c.paths.outbox, &c.paths.state, &c.paths.archive,
                      &c.paths.rejected, &c.paths.profiles, &c.paths.templates, &c.digest.subscribers})
    resolve(*p, base);
  for (fs::path* p : {&c.smtp.ca_file, &c.smtp.credentials_file, &c.smtp.dkim_key_file, &c.digest.secret_file,
                      &c.digest.bounce_maildir})
    if (!p->empty()) resolve(*p, base);
  c.reviewers = build_reviewers(raw.panel_reviewers, rk);
  c.site.base_url = site_base_url(c.site.base_url);
  c.digest.weekday_number = digest::parse_weekday(trim(c.digest.weekday));
  if (c.digest.weekday_number == 0)
    throw ConfigError("bad value '" + c.digest.weekday + "' for digest.weekday: use monday, tuesday, ... or sunday");
  validate(c);
  return c;
}

const std::vector<KeyDoc>& config_keys() {
  static const std::vector<KeyDoc> keys = [] {
    Config c;
    Raw raw;
    auto d = describe(c, raw);
    std::vector<KeyDoc> out;
    for (const auto& opt : d.options())
    {
      // format_parameter() reads "arg (=DEFAULT)".
      std::string f = opt->format_parameter();
      auto b = f.find("(="), e = f.rfind(')');
      std::string def = (b != std::string::npos && e > b) ? f.substr(b + 2, e - b - 2) : "";
      out.push_back({opt->long_name(), def, opt->description()});
      if (opt->long_name() == "panel.reviewers")
        for (const auto& r : default_reviewers()) {
          out.push_back({"reviewer." + r.id + ".name", r.name, "display name of the reviewer '" + r.id + "'"});
          out.push_back({"reviewer." + r.id + ".role", r.role, "what the reviewer '" + r.id + "' writes about, one line"});
        }
    }
    return out;
  }();
  return keys;
}

std::string run_day(const Config& cfg) {
  return cfg.run.date.empty() ? format_utc(std::chrono::system_clock::now(), "%Y-%m-%d") : cfg.run.date;
}

}  // namespace tv
