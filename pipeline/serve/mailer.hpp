// Mailer: the thread of `pipeline serve` that sends the confirmation mails the store owes
// (double opt-in). The Writer queues a mail in the same commit as the pending reader, so a
// kill between the answer and the mail loses nothing: the next start sends what is queued.
//
// Each mail is sent once the server takes it (250: `sent`); a 5xx for the address fails it for
// good (`failed`); a reader who is no longer pending by the time it is their turn (confirmed
// already through an earlier mail, unsubscribed, suppressed) is `dropped` unsent. A 4xx or a
// connection problem leaves the mail queued and the thread waits a while before it tries
// again. A kill between the server's 250 and the store's record sends that one mail again on
// the next start: a second confirmation link is harmless, a lost one is not.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>

#include "pipeline/store.hpp"
#include "stages/digest/dkim.hpp"
#include "stages/digest/smtp.hpp"

namespace tv::serve {

struct MailerSettings {
  std::string from_email, from_name;  // smtp.from, digest.list_name
  std::string bounce_address;         // the envelope sender ("" = from_email)
  std::string base_url, list_id, secret;
  int confirm_days = 7;
  const digest::DkimSigner* dkim = nullptr;  // signs each mail when set (smtp.dkim_key_file)
};

class Mailer {
 public:
  // Opens its own connection to the store; `transport` is the libcurl session (or a test's).
  Mailer(const std::filesystem::path& db, MailerSettings settings, std::unique_ptr<digest::Transport> transport);
  ~Mailer();  // stops after the mail in hand
  Mailer(const Mailer&) = delete;
  Mailer& operator=(const Mailer&) = delete;
  void wake();  // mails were queued

 private:
  void loop();
  bool send_queued();  // false: a temporary problem, wait before trying again
  Store store_;
  MailerSettings s_;
  std::unique_ptr<digest::Transport> transport_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false, woken_ = true;
  std::thread thread_;
};

// The confirmation message for one reader (RFC 5322, text/plain, CRLF): what they signed up
// for, the link, and that nothing happens if they ignore it.
std::string confirmation_message(const MailerSettings& s, const std::string& email, const std::string& token,
                                 const std::string& date, const std::string& message_id);

}  // namespace tv::serve
