#include "pipeline/serve/app.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

#include "stages/digest/readers.hpp"
#include "stages/digest/subscribers.hpp"
#include "stages/digest/token.hpp"

namespace tv::serve {
namespace {

using digest::Applied;
using digest::How;
using digest::ReaderStatus;

std::string field(const Request& r, const char* name) {
  if (auto it = r.query.find(name); it != r.query.end()) return it->second;
  if (auto it = r.form.find(name); it != r.form.end()) return it->second;
  return "";
}

site::Notice notice(std::string heading, std::vector<std::string> paragraphs, std::string url = "/") {
  site::Notice n;
  n.title = heading;
  n.heading = std::move(heading);
  n.paragraphs = std::move(paragraphs);
  n.url = std::move(url);
  return n;
}

site::Notice bad_link(const std::string& what) {
  return notice("This link does not work",
                {"The " + what + " link is not one we sent, or it was changed on the way: nothing was changed.",
                 "Use the link exactly as it is in the message, or copy the whole of it into your browser's address "
                 "bar. To leave the list, the link at the foot of any digest works too."});
}

// The decision of a request that makes one change, whatever the store holds (the change's own
// `from` says when it applies).
std::function<Plan(const Store&, const std::vector<Store::Confirmation>&)> one_change(digest::ReaderChange c) {
  return [c = std::move(c)](const Store&, const std::vector<Store::Confirmation>&) {
    Plan p;
    p.changes.push_back(c);
    return p;
  };
}

digest::ReaderChange change(const std::string& key, const std::string& email, ReaderStatus to, How how,
                            std::string detail, std::vector<ReaderStatus> from, bool create) {
  digest::ReaderChange c;
  c.key = key;
  c.email = email;
  c.to = to;
  c.how = how;
  c.detail = std::move(detail);
  c.from = std::move(from);
  c.create = create;
  return c;
}

site::Notice store_busy() {
  return notice("Please try again in a minute",
                {"We could not record that just now, so nothing was changed. Please try again in a minute."});
}

}  // namespace

App::App(AppSettings settings, const site::Templates& templates, Writer& writer)
    : s_(std::move(settings)), templates_(templates), writer_(writer),
      ix_(site::notice_index(s_.site_title, s_.base_url)) {
  if (!s_.now)
    s_.now = [] {
      return std::int64_t(
          std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
    };
}

Response App::page(int status, const site::Notice& n) const {
  Response r;
  r.status = status;
  site::Templates::Shared shared{{"site", &ix_.site}, {"nav", &ix_.nav}};
  r.body = templates_.render("notice", site::notice_page(ix_, n), shared);
  return r;
}

Response App::error_page(int status, const std::string& what) {
  const char* heading = status == 404   ? "Page not found"
                        : status == 405 ? "Not allowed here"
                        : status == 413 ? "Too much sent"
                        : status == 429 ? "Too many sign-ups"
                        : status == 503 ? "Busy, please try again"
                        : status >= 500 ? "Something went wrong"
                                        : "The request could not be read";
  return page(status, notice(heading, {what}));
}

void App::handle(Request r, Reply reply) {
  const bool get = r.method == "GET" || r.method == "HEAD";
  const bool post = r.method == "POST";
  auto wrong_method = [&](const char* allow) {
    Response resp = error_page(405, std::string("This address answers ") + allow + " only.");
    resp.headers.push_back({"Allow", allow});
    reply(std::move(resp));
  };
  if (r.path == "/subscribe") {
    if (!post) return wrong_method("POST");
    return subscribe(r, std::move(reply));
  }
  if (r.path == "/confirm") {
    if (!get) return wrong_method("GET, HEAD");
    return confirm(r, std::move(reply));
  }
  if (r.path == "/unsubscribe") {
    if (get) return unsubscribe_page(r, std::move(reply));
    if (post) return unsubscribe(r, std::move(reply));
    return wrong_method("GET, HEAD, POST");
  }
  reply(error_page(404, "There is no page at this address. The site's pages are at the address below."));
}

bool App::client_allowed(const std::string& client) {
  const std::int64_t now = s_.now();
  std::lock_guard lock(clients_mu_);
  if (clients_.size() > 100000) clients_.clear();  // a flood of addresses must not grow memory forever
  auto& times = clients_[client];
  while (!times.empty() && times.front() <= now - 3600) times.pop_front();
  if (times.size() >= std::size_t(s_.signups_per_client_per_hour)) return false;
  times.push_back(now);
  return true;
}

void App::subscribe(const Request& r, Reply reply) {
  auto check_inbox = [] {
    Response resp;
    resp.status = 303;
    resp.location = site::kCheckInboxUrl;
    resp.body = "";
    return resp;
  };
  const std::string email = field(r, "email");
  // The honeypot: a bot fills every field. It is told what a person is told, and nothing happens.
  if (!field(r, "website").empty()) {
    spdlog::info("serve: a sign-up with the honeypot field filled was ignored");
    return reply(check_inbox());
  }
  if (const std::string problem = digest::address_problem(email); !problem.empty())
    return reply(page(400, notice("That address will not work",
                                  {"\"" + email + "\" is not an address we can mail: it " + problem + ".",
                                   "Go back and check the address for a typing mistake."})));
  if (!client_allowed(r.client))
    return reply(page(429, notice("Too many sign-ups",
                                  {"Too many sign-ups came from your network in the last hour. Please try again "
                                   "later."})));
  const std::string key = digest::reader_key(email);
  const std::int64_t now = s_.now();
  const auto per_day = std::size_t(s_.confirmations_per_address_per_day);
  const std::string client = r.client;
  Job job;
  job.decide = [key, email, client, now, per_day](const Store& store, const std::vector<Store::Confirmation>& pending) {
    Plan p;
    const auto status = store.reader_status_now(key);
    // Subscribed readers need no mail; suppressed addresses get none, a confirmation neither.
    if (status && (*status == ReaderStatus::subscribed || digest::suppressed(*status))) return p;
    p.changes.push_back(
        change(key, email, ReaderStatus::pending, How::form, "signed up on the site", {ReaderStatus::unsubscribed}, true));
    std::size_t sent = store.confirmations_since(key, "", now - 86400, false);
    for (const auto& q : pending) sent += q.key == key;
    if (sent < per_day) p.confirmations.push_back({0, key, email, client, now});
    else spdlog::info("serve: a sign-up for an address already sent {} confirmation(s) today: no more mail", sent);
    return p;
  };
  job.done = [this, reply, check_inbox](std::optional<std::vector<Applied>> applied) {
    reply(applied ? check_inbox() : page(503, store_busy()));
  };
  writer_.submit(std::move(job));
}

void App::confirm(const Request& r, Reply reply) {
  const std::string email = field(r, "email");
  const std::string key = digest::reader_key(email);
  const auto check = digest::check_confirm_token(s_.secret, s_.list_id, key, field(r, "token"), s_.now(),
                                                 std::int64_t(s_.confirm_days) * 86400);
  if (check == digest::TokenCheck::forged) return reply(page(403, bad_link("confirmation")));
  if (check == digest::TokenCheck::expired)
    return reply(page(403, notice("This link has expired",
                                  {"Confirmation links work for " + std::to_string(s_.confirm_days) +
                                       " days, and this one is older: nothing was changed.",
                                   "Sign up again with the form below and follow the new link."})));
  Job job;
  job.decide = one_change(change(key, email, ReaderStatus::subscribed, How::confirm, "followed the confirmation link",
                                 {ReaderStatus::pending}, false));
  job.done = [this, reply, email](std::optional<std::vector<Applied>> applied) {
    if (!applied) return reply(page(503, store_busy()));
    if (applied->front() == Applied::refused)
      return reply(page(403, notice("This link is no longer valid",
                                    {"This address has left the list, or was never signed up with this link, since "
                                     "it was sent: nothing was changed.",
                                     "To receive the digest again, sign up with the form below."})));
    reply(page(200, notice("You are subscribed",
                           {email + " will receive the Weekly AI Tool Verdicts from the next issue on.",
                            "Every digest ends with a link to leave the list in one click."})));
  };
  writer_.submit(std::move(job));
}

void App::unsubscribe_page(const Request& r, Reply reply) {
  const std::string email = field(r, "email");
  const std::string token = field(r, "token");
  if (!digest::unsubscribe_token_matches(s_.secret, s_.list_id, email, token))
    return reply(page(403, bad_link("unsubscribe")));
  site::Notice n = notice("Leave the Weekly AI Tool Verdicts?",
                          {"Press the button to stop the digest going to " + email + ". Nothing changes until you do."});
  n.form_action = "/unsubscribe";
  n.form_email = email;
  n.form_token = token;
  n.form_button = "Unsubscribe";
  reply(page(200, n));
}

void App::unsubscribe(const Request& r, Reply reply) {
  const std::string email = field(r, "email");
  if (!digest::unsubscribe_token_matches(s_.secret, s_.list_id, email, field(r, "token")))
    return reply(page(403, bad_link("unsubscribe")));
  // RFC 8058: a mail client's one-click POST carries exactly this body; anything else is the
  // page's button.
  const auto oc = r.form.find("List-Unsubscribe");
  const bool one_click = oc != r.form.end() && oc->second == "One-Click";
  const std::string key = digest::reader_key(email);
  Job job;
  // A reader the store has not met (a link in a digest sent before readers lived in the
  // store) is recorded as unsubscribed, so no later import subscribes them again.
  job.decide = one_change(change(key, email, ReaderStatus::unsubscribed, one_click ? How::one_click : How::page,
                                 one_click ? "the mail client's one-click unsubscribe (RFC 8058)"
                                           : "the unsubscribe page's button",
                                 {ReaderStatus::pending, ReaderStatus::subscribed}, true));
  job.done = [this, reply, email](std::optional<std::vector<Applied>> applied) {
    if (!applied) return reply(page(503, store_busy()));
    reply(page(200, notice("You have left the list",
                           {email + " will receive no more digests, starting with any being sent right now.",
                            "Changed your mind? Sign up again with the form below."})));
  };
  writer_.submit(std::move(job));
}

}  // namespace tv::serve
