#include "pipeline/serve/mailer.hpp"

#include <spdlog/spdlog.h>

#include <chrono>

#include "pipeline/digest_step.hpp"
#include "stages/common/utc.hpp"
#include "stages/digest/mime.hpp"
#include "stages/digest/readers.hpp"
#include "stages/digest/subscribers.hpp"
#include "stages/digest/token.hpp"
#include "stages/ingest/content_hash.hpp"

namespace tv::serve {
namespace {

constexpr auto kRetryAfter = std::chrono::seconds(30);

}  // namespace

std::string confirmation_message(const MailerSettings& s, const std::string& email, const std::string& token,
                                 const std::string& date, const std::string& message_id) {
  const std::string link = digest::confirm_url(s.base_url, email, token);
  const std::string text =
      "Someone, probably you, asked for the " + s.from_name + " to be sent to this address.\n\n"
      "To start receiving it, open this link within " + std::to_string(s.confirm_days) + " days:\n\n" + link +
      "\n\nIf you did not ask for it, ignore this message: nothing will be sent to you.\n";
  std::string m;
  for (const auto& h : {digest::header("Date", date), digest::header("Message-ID", message_id),
                        "From: " + digest::address(s.from_name, s.from_email), "To: " + digest::address("", email),
                        digest::header("Subject", "Confirm your subscription to " + s.from_name),
                        std::string("Auto-Submitted: auto-generated"), std::string("MIME-Version: 1.0"),
                        std::string("Content-Type: text/plain; charset=utf-8"),
                        std::string("Content-Transfer-Encoding: quoted-printable")})
    m += h + "\r\n";
  return m + "\r\n" + digest::quoted_printable(text);
}

Mailer::Mailer(const std::filesystem::path& db, MailerSettings settings, std::unique_ptr<digest::Transport> transport)
    : store_(Store::open(db)), s_(std::move(settings)), transport_(std::move(transport)) {
  thread_ = std::thread([this] { loop(); });
}

Mailer::~Mailer() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

void Mailer::wake() {
  {
    std::lock_guard lock(mu_);
    woken_ = true;
  }
  cv_.notify_all();
}

void Mailer::loop() {
  for (;;) {
    {
      std::unique_lock lock(mu_);
      cv_.wait_for(lock, kRetryAfter, [this] { return stopping_ || woken_; });
      if (stopping_) return;
      woken_ = false;
    }
    try {
      send_queued();
    } catch (const std::exception& e) {
      spdlog::error("serve: confirmation mails: {}", e.what());
    }
  }
}

bool Mailer::send_queued() {
  for (;;) {
    const auto queued = store_.queued_confirmations(50);
    if (queued.empty()) return true;
    for (const auto& c : queued) {
      {
        std::lock_guard lock(mu_);
        if (stopping_) return true;
      }
      const auto status = store_.reader_status_now(c.key);
      if (status != digest::ReaderStatus::pending) {
        store_.settle_confirmation(c.id, "dropped",
                                   "the reader is " + std::string(status ? digest::to_string(*status) : "gone") +
                                       " by now",
                                   utc_now());
        continue;
      }
      const std::string token = digest::confirm_token(s_.secret, s_.list_id, c.key, c.issued);
      const std::string mid = "<confirm." + ingest::sha256_hex(token).substr(0, 24) + "@" +
                              digest::domain_of(s_.from_email) + ">";
      std::string message = confirmation_message(s_, c.email, token, mail_date(std::chrono::system_clock::now()), mid);
      if (s_.dkim) message.insert(0, s_.dkim->signature(message));
      const auto a = transport_->send(s_.bounce_address.empty() ? s_.from_email : s_.bounce_address, c.email, message,
                                      [] {});
      if (a.delivery == digest::Delivery::accepted) {
        store_.settle_confirmation(c.id, "sent", a.detail, utc_now());
      } else if (a.delivery == digest::Delivery::refused) {
        store_.settle_confirmation(c.id, "failed", a.detail, utc_now());
      } else {
        spdlog::warn("serve: a confirmation mail waits: {}", a.detail);
        return false;  // 4xx, a broken connection or a stopped session: try the queue again later
      }
    }
  }
}

}  // namespace tv::serve
