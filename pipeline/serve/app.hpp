// App: what `pipeline serve` answers (docs/serve.md). The routes of the sign-up form, the
// confirmation link and the unsubscribe link, on top of the HTTP layer (http_server.hpp), with
// every change to a reader made through the group-committing Writer, so an answer that says
// it is done (200, 303) comes only after the change is on disk.
//
//   POST /subscribe    form: email, website (a honeypot: humans leave it empty). A pending
//                      reader and a confirmation mail owed (double opt-in), then 303 to the
//                      site's "check your inbox" page; the same answer whether the address was
//                      new, pending, subscribed or suppressed, so nobody learns who is on the
//                      list. Per client at most serve.signups_per_client_per_hour (else 429);
//                      per address at most serve.confirmations_per_address_per_day mails.
//   GET  /confirm      ?email&token: subscribed (idempotent), 200 and a page saying so. A forged
//                      or altered token, or an expired one: 403 and a page saying what to do.
//   GET  /unsubscribe  ?email&token: a page with one button; changes nothing (mail scanners
//                      follow links).
//   POST /unsubscribe  ?email&token in the query (RFC 8058: the List-Unsubscribe URL, body
//                      List-Unsubscribe=One-Click) or in the button's form: unsubscribed at
//                      once, 200. A bad token: 403, nothing changes.
// Unknown paths get 404; a known path with another method 405. Every page comes from
// templates/notice.mustache; values are escaped by the template, and nothing a client sent is
// shown but the address it asked about, escaped.
#pragma once
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

#include "pipeline/serve/http_server.hpp"
#include "pipeline/serve/writer.hpp"
#include "stages/site/pages.hpp"
#include "stages/site/templates.hpp"

namespace tv::serve {

struct AppSettings {
  std::string site_title, base_url;  // site.title, site.base_url
  std::string list_id;               // digest.list_id: the tokens are signed for it
  std::string secret;                // the digest secret
  int confirm_days = 7;
  int signups_per_client_per_hour = 10;
  int confirmations_per_address_per_day = 3;
  std::function<std::int64_t()> now;  // Unix seconds; the real clock unless a test's
};

class App final : public Handler {
 public:
  App(AppSettings settings, const site::Templates& templates, Writer& writer);
  void handle(Request request, Reply reply) override;
  Response error_page(int status, const std::string& what) override;

 private:
  void subscribe(const Request& r, Reply reply);
  void confirm(const Request& r, Reply reply);
  void unsubscribe_page(const Request& r, Reply reply);
  void unsubscribe(const Request& r, Reply reply);
  Response page(int status, const site::Notice& n) const;
  bool client_allowed(const std::string& client);

  AppSettings s_;
  const site::Templates& templates_;
  Writer& writer_;
  site::Index ix_;
  std::mutex clients_mu_;
  std::unordered_map<std::string, std::deque<std::int64_t>> clients_;  // sign-up times per client
};

}  // namespace tv::serve
