#include "stages/digest/smtp.hpp"

#include <curl/curl.h>

#include <cstring>
#include <exception>

namespace tv::digest {
namespace {

// libcurl's global state, set up once for the process before the first handle.
struct Global {
  Global() { curl_global_init(CURL_GLOBAL_DEFAULT); }
  ~Global() { curl_global_cleanup(); }
};

// Reads the message to libcurl, noting when the first byte goes (after the server's 354) and
// when the last has gone.
struct Upload {
  const std::string* message = nullptr;
  std::size_t offset = 0;
  const std::function<void()>* on_data = nullptr;
  bool started = false, finished = false;
  std::exception_ptr error;  // what on_data threw, rethrown after curl returns
};

std::size_t read_message(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* u = static_cast<Upload*>(user);
  if (!u->started) {
    u->started = true;
    try {
      if (*u->on_data) (*u->on_data)();
    } catch (...) {
      u->error = std::current_exception();
      return CURL_READFUNC_ABORT;
    }
  }
  std::size_t n = std::min(size * count, u->message->size() - u->offset);
  std::memcpy(buffer, u->message->data() + u->offset, n);
  u->offset += n;
  if (n == 0) u->finished = true;
  return n;
}

// The reply text libcurl saw last: its error buffer holds "RCPT failed: 550" and the like.
std::string describe(CURLcode rc, const char* errbuf, long code) {
  std::string text = errbuf[0] ? errbuf : curl_easy_strerror(rc);
  if (code > 0 && text.find(std::to_string(code)) == std::string::npos) text = std::to_string(code) + ": " + text;
  return text;
}

// "smtp://host:port" gets the sender's domain as its path: libcurl sends the path as the
// EHLO name, and without one it would say whatever it finds there.
std::string with_ehlo_name(const std::string& url, const std::string& from) {
  auto scheme = url.find("://");
  if (scheme == std::string::npos || url.find('/', scheme + 3) != std::string::npos) return url;
  auto at = from.rfind('@');
  return url + "/" + (at == std::string::npos ? std::string("localhost") : from.substr(at + 1));
}

}  // namespace

struct Session::Impl {
  SmtpOptions options;
  CURL* curl = nullptr;
  char errbuf[CURL_ERROR_SIZE] = {};
};

Session::Session(SmtpOptions options) : impl_(std::make_unique<Impl>()) {
  static Global global;
  impl_->options = std::move(options);
  impl_->curl = curl_easy_init();
  if (!impl_->curl) throw SmtpError("libcurl could not start (curl_easy_init failed)");
}

Session::~Session() {
  if (impl_ && impl_->curl) curl_easy_cleanup(impl_->curl);
}

Attempt Session::send(const std::string& from, const std::string& to, const std::string& message,
                      const std::function<void()>& on_data) {
  CURL* c = impl_->curl;
  const SmtpOptions& o = impl_->options;
  Upload upload;
  upload.message = &message;
  upload.on_data = &on_data;
  curl_slist* rcpt = curl_slist_append(nullptr, ("<" + to + ">").c_str());
  const std::string url = with_ehlo_name(o.url, from), mail_from = "<" + from + ">";
  impl_->errbuf[0] = 0;

  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_READFUNCTION, read_message);
  curl_easy_setopt(c, CURLOPT_READDATA, &upload);
  curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, curl_off_t(message.size()));
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, impl_->errbuf);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, o.connect_timeout_ms);
  curl_easy_setopt(c, CURLOPT_SERVER_RESPONSE_TIMEOUT, std::max(1L, o.response_timeout_ms / 1000));
  // A stalled upload counts as a dead connection too: under 1 byte/s for the response timeout.
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, std::max(1L, o.response_timeout_ms / 1000));
  curl_easy_setopt(c, CURLOPT_USE_SSL, o.require_starttls ? long(CURLUSESSL_ALL) : long(CURLUSESSL_NONE));
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!o.ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, o.ca_file.c_str());
  if (!o.username.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, o.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, o.password.c_str());
  }
  // Only ever SMTP, whatever the URL says after a redirect-like trick.
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");

  CURLcode rc = curl_easy_perform(c);
  curl_slist_free_all(rcpt);
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, nullptr);
  if (upload.error) std::rethrow_exception(upload.error);

  long code = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
  Attempt a;
  a.code = code;
  if (rc == CURLE_OK) {
    a.delivery = Delivery::accepted;
    a.detail = code > 0 ? std::to_string(code) + " accepted" : "accepted";
    return a;
  }
  a.detail = describe(rc, impl_->errbuf, code);
  switch (rc) {
    case CURLE_LOGIN_DENIED:
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
      a.delivery = Delivery::fatal;
      return a;
    default:
      break;
  }
  // A reply to the message itself (after the final dot) or to MAIL/RCPT: 5xx final, 4xx later.
  // libcurl reports the last reply code it read, so a code here belongs to this transfer's
  // last command only when the transfer ended on a reply rather than on a dead connection.
  const bool replied = rc == CURLE_SEND_ERROR || rc == CURLE_WEIRD_SERVER_REPLY;
  // A refusal of the sender (MAIL) or of the session (530 "STARTTLS first", 530/535/538
  // "authentication required") is not about this reader: no reader can be mailed, stop.
  const bool session = std::string_view(impl_->errbuf).rfind("MAIL failed", 0) == 0 || code == 530 ||
                       code == 535 || code == 538;
  if (replied && session && code >= 500 && code < 600) {
    a.delivery = Delivery::fatal;
  } else if (replied && code >= 500 && code < 600) {
    a.delivery = Delivery::refused;
  } else if (replied && code >= 400 && code < 500) {
    a.delivery = Delivery::deferred;
  } else if (upload.started) {
    // The server may have the whole message; with no reply we cannot know it did not take it.
    a.delivery = Delivery::uncertain;
  } else {
    a.delivery = Delivery::broken;
  }
  return a;
}

std::string_view to_string(Delivery d) {
  switch (d) {
    case Delivery::accepted: return "accepted";
    case Delivery::refused: return "refused";
    case Delivery::deferred: return "deferred";
    case Delivery::broken: return "broken";
    case Delivery::uncertain: return "uncertain";
    case Delivery::fatal: return "fatal";
  }
  return "?";
}

}  // namespace tv::digest
