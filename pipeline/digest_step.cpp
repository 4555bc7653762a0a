#include "pipeline/digest_step.hpp"

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "stages/common/atomic_file.hpp"
#include "stages/common/utc.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace tv {
namespace {

digest::States parse_states(const std::map<std::string, std::string>& rows) {
  digest::States out;
  for (const auto& [id, text] : rows) {
    json j = json::parse(text, nullptr, false);
    if (!j.is_discarded()) out[id] = digest::state_from_json(j);
  }
  return out;
}

// A secret or credentials file: its lines, trailing CR/LF and spaces trimmed.
std::vector<std::string> read_secret_lines(const fs::path& file, const char* key) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ConfigError("cannot read " + file.string() + " (" + key + "): no such file or not readable");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
    lines.push_back(line);
  }
  std::error_code ec;
  auto perms = fs::status(file, ec).permissions();
  if (!ec && (perms & fs::perms::others_read) != fs::perms::none)
    spdlog::warn("{} ({}) can be read by every user of this machine; chmod 600 it", file.string(), key);
  return lines;
}

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

}  // namespace

digest::Settings digest_settings(const Config& cfg) {
  return {cfg.site.title,     cfg.site.base_url,   cfg.digest.list_name,         cfg.digest.list_id,
          cfg.digest.list_name, cfg.smtp.from, cfg.digest.unsubscribe_mailto};
}

site::Templates load_digest_templates(const Config& cfg) {
  return site::Templates::load(cfg.paths.templates / "digest", digest::kTemplates);
}

std::size_t record_tool_history(Store& store, const json& site_doc, const std::string& date) {
  const auto previous = parse_states(store.tool_states(date));
  std::map<std::string, digest::ToolState> now;
  if (auto it = site_doc.find("tools"); it != site_doc.end() && it->is_array())
    for (const auto& t : *it) {
      auto s = digest::state_of_site_tool(t);
      if (!s.id.empty()) now[s.id] = std::move(s);
    }
  // Tools merged away: their last live state, marked with where they went.
  const auto rows = store.tools();
  std::map<std::string, std::string> into, names;
  for (const auto& t : rows) {
    names[t.id] = t.name;
    if (!t.absorbed_into.empty()) into[t.id] = t.absorbed_into;
  }
  for (const auto& t : rows) {
    if (t.absorbed_into.empty()) continue;
    auto p = previous.find(t.id);
    digest::ToolState s = p != previous.end() ? p->second : digest::ToolState{};
    if (p == previous.end()) {
      s.id = t.id;
      s.slug = t.slug;
      s.name = t.name;
    }
    s.absorbed_into = catalogue::survivor(into, t.id);
    s.absorbed_into_name = names[s.absorbed_into];
    now[t.id] = std::move(s);
  }
  std::vector<std::pair<std::string, std::string>> changed;
  for (const auto& [id, s] : now) {
    auto p = previous.find(id);
    if (p == previous.end() || !(p->second == s)) changed.emplace_back(id, digest::to_json(s).dump());
  }
  store.save_tool_states(date, changed);
  return changed.size();
}

WeekDigest week_digest(const Store& store, const digest::WeekSpan& span) {
  if (auto frozen = store.frozen_digest(span.id)) return {digest::week_from_json(json::parse(*frozen)), true};
  auto before = parse_states(store.tool_states(digest::day_before(span.monday)));
  auto after = parse_states(store.tool_states(span.sunday));
  return {digest::week_changes(span, store.tools(), store.comparisons(), before, after), false};
}

DigestFiles write_digest_files(const Config& cfg, const digest::Letter& letter, const std::string& week,
                               const std::string& date) {
  const auto settings = digest_settings(cfg);
  digest::Addressee archive;
  archive.email = settings.from_email;
  archive.name = settings.list_name;
  archive.unsubscribe_url = settings.base_url + "/unsubscribe";
  archive.message_id = "<" + week + ".archive@" + digest::domain_of(settings.from_email) + ">";
  archive.date = date;
  DigestFiles files{cfg.paths.outbox / "digest" / (week + ".eml"), cfg.paths.outbox / "digest" / (week + ".html")};
  write_file_atomic(files.eml, digest::compose(letter, settings, archive));
  std::string html = letter.html;
  for (auto pos = html.find(letter.marker); pos != std::string::npos; pos = html.find(letter.marker, pos))
    html.replace(pos, letter.marker.size(), archive.unsubscribe_url);
  write_file_atomic(files.html, html);
  return files;
}

Secrets load_secrets(const Config& cfg) {
  Secrets s;
  s.digest_secret = env("TV_DIGEST_SECRET");
  if (s.digest_secret.empty() && !cfg.digest.secret_file.empty()) {
    auto lines = read_secret_lines(cfg.digest.secret_file, "digest.secret_file");
    if (!lines.empty()) s.digest_secret = lines.front();
  }
  if (s.digest_secret.empty())
    throw ConfigError("no digest secret: set TV_DIGEST_SECRET in the environment or name a file holding it in "
                      "digest.secret_file (e.g. `head -c 32 /dev/urandom | base64 > digest.secret; chmod 600 "
                      "digest.secret`); it signs each reader's unsubscribe link");
  if (s.digest_secret.size() < 16)
    throw ConfigError("the digest secret is too short (" + std::to_string(s.digest_secret.size()) +
                      " bytes): use at least 16 random bytes, e.g. `head -c 32 /dev/urandom | base64`");
  if (!cfg.smtp.credentials_file.empty()) {
    auto lines = read_secret_lines(cfg.smtp.credentials_file, "smtp.credentials_file");
    if (lines.size() < 2 || lines[0].empty())
      throw ConfigError(cfg.smtp.credentials_file.string() +
                        " (smtp.credentials_file) must hold the user name on its first line and the password on "
                        "its second");
    s.smtp_username = lines[0];
    s.smtp_password = lines[1];
  } else {
    s.smtp_username = env("TV_SMTP_USERNAME");
    s.smtp_password = env("TV_SMTP_PASSWORD");
  }
  return s;
}

std::optional<digest::DkimSigner> load_dkim(const Config& cfg) {
  if (cfg.smtp.dkim_key_file.empty()) return std::nullopt;
  std::ifstream in(cfg.smtp.dkim_key_file, std::ios::binary);
  if (!in)
    throw ConfigError("cannot read smtp.dkim_key_file " + cfg.smtp.dkim_key_file.string() + ": no such file or not readable");
  std::string pem(std::istreambuf_iterator<char>(in), {});
  const std::string domain = cfg.smtp.dkim_domain.empty() ? digest::domain_of(cfg.smtp.from) : cfg.smtp.dkim_domain;
  try {
    return digest::DkimSigner({domain, cfg.smtp.dkim_selector, std::move(pem)});
  } catch (const digest::DkimError& e) {
    throw ConfigError("smtp.dkim_key_file " + cfg.smtp.dkim_key_file.string() + ": " + e.what());
  }
}

digest::SmtpOptions smtp_options(const Config& cfg, const Secrets& secrets) {
  digest::SmtpOptions o;
  o.url = cfg.smtp.url;
  o.require_starttls = cfg.smtp.tls == "starttls" && cfg.smtp.url.rfind("smtp://", 0) == 0;
  o.ca_file = cfg.smtp.ca_file.string();
  o.username = secrets.smtp_username;
  o.password = secrets.smtp_password;
  o.connect_timeout_ms = cfg.smtp.connect_timeout_seconds * 1000L;
  o.response_timeout_ms = cfg.smtp.response_timeout_seconds * 1000L;
  return o;
}

SendOptions send_options(const Config& cfg, const std::string& week) {
  SendOptions o;
  o.journal = cfg.paths.state / "digest" / (week + ".journal");
  o.rate_per_second = cfg.smtp.rate_per_second;
  o.retries = cfg.smtp.retries;
  o.retry_delay_ms = cfg.smtp.retry_delay_ms;
  o.max_connection_failures = cfg.smtp.max_connection_failures;
  return o;
}

std::string mail_date(std::chrono::system_clock::time_point when) {
  return format_utc(when, "%a, %d %b %Y %H:%M:%S +0000");
}

}  // namespace tv
