// Smtp: hands one message to an SMTP server for one recipient, and says what became of it in
// the terms the ledger needs (ledger.hpp). libcurl does the protocol; one Session keeps one
// curl handle, so consecutive messages reuse the connection (libcurl keeps it open between
// transfers and starts the next message with a fresh MAIL FROM).
//
// TLS: smtps:// is TLS from the first byte; smtp:// with `require_starttls` upgrades with
// STARTTLS and fails when the server does not offer it. The server's certificate and name
// are always verified (against `ca_file` when given, else the system's store). Credentials,
// when given, are sent with AUTH (libcurl picks the mechanism).
//
// Outcome of one send (send() never throws for anything the network or server does):
//   accepted   250 to the final dot
//   refused    a 5xx reply to RCPT or to the message: final for this recipient
//   deferred   a 4xx reply: try again later
//   broken     no message went out: could not connect, the connection dropped or timed out
//              before the server's 354; safe to retry
//   uncertain  the message was handed over (on_data ran) but no reply to it came (the
//              connection died or timed out after the data): it may have been delivered
//   fatal      a problem no retry can mend and no reader's own: TLS or certificate
//              failure, STARTTLS not offered or required, authentication refused or
//              required, a 5xx to MAIL FROM (the sender refused); stop sending
#pragma once
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

namespace tv::digest {

struct SmtpOptions {
  std::string url;                  // smtp://host[:port] or smtps://host[:port]
  bool require_starttls = false;    // smtp.tls = starttls
  std::string ca_file;              // "" = the system's CA store
  std::string username, password;   // "" = no AUTH
  long connect_timeout_ms = 10000;
  long response_timeout_ms = 60000;  // for each reply of the server
};

enum class Delivery { accepted, refused, deferred, broken, uncertain, fatal };

struct Attempt {
  Delivery delivery = Delivery::broken;
  long code = 0;       // the server's last reply code, 0 when none came
  std::string detail;  // "550 5.1.1 mailbox unavailable" or what libcurl said
};

// The seam the send loop talks to: the libcurl Session below, or a test's stand-in.
class Transport {
 public:
  virtual ~Transport() = default;
  // `on_data` runs once, just before the first byte of the message body is given to the
  // server (after its 354 reply); it may throw, which abandons the send (the exception
  // propagates after the connection is dropped).
  virtual Attempt send(const std::string& from, const std::string& to, const std::string& message,
                       const std::function<void()>& on_data) = 0;
};

struct SmtpError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Session final : public Transport {
 public:
  explicit Session(SmtpOptions options);  // throws SmtpError when libcurl cannot start
  ~Session() override;
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  Attempt send(const std::string& from, const std::string& to, const std::string& message,
               const std::function<void()>& on_data) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

std::string_view to_string(Delivery);

}  // namespace tv::digest
