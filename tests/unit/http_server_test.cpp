// http_server: a real Server on 127.0.0.1 (port 0) in a thread, spoken to over plain sockets
// with raw bytes. Each refusal is checked by its exact status line and sentence, and by the
// server going on to serve a good request afterwards. Where a test waits for a timeout it uses
// short limits and waits for the event itself (the server closing the socket), with a generous
// upper bound (kPatience), never a fixed sleep standing in for the event.
#include <boost/test/unit_test.hpp>
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <future>
#include <mutex>
#include <ostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "pipeline/serve/http_server.hpp"

namespace bdata = boost::unit_test::data;
using namespace tv::serve;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

constexpr auto kPatience = 10s;  // the upper bound of any wait for an event

// A blocking client socket whose reads give up after kPatience. It uses no Boost.Test macro
// (they are not thread-safe): a failed connect shows as an empty response.
class Client {
 public:
  explicit Client(unsigned short port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    timeval tv{std::chrono::duration_cast<std::chrono::seconds>(kPatience).count(), 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd_ >= 0 && ::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~Client() {
    if (fd_ >= 0) ::close(fd_);
  }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  void send(std::string_view s) {
    while (!s.empty()) {
      ssize_t n = ::send(fd_, s.data(), s.size(), MSG_NOSIGNAL);
      if (n <= 0) return;  // the server has gone; what it said is still to be read
      s.remove_prefix(std::size_t(n));
    }
  }

  // One whole response: the head and Content-Length bytes of body (none after a HEAD).
  // "" when the connection ends first.
  std::string response(bool head = false) {
    for (;;) {
      std::size_t end = buf_.find("\r\n\r\n");
      if (end != std::string::npos) {
        std::size_t len = head ? 0 : content_length(buf_.substr(0, end + 2));
        if (buf_.size() >= end + 4 + len) {
          std::string r = buf_.substr(0, end + 4 + len);
          buf_.erase(0, end + 4 + len);
          return r;
        }
      }
      if (!fill()) return "";
    }
  }

  // Reads until the server closes; true when it did (false after kPatience). `*rest` gets
  // what came meanwhile.
  bool closes(std::string* rest = nullptr) {
    while (fill()) {
    }
    if (rest) *rest = buf_;
    buf_.clear();
    return closed_;
  }

 private:
  static std::size_t content_length(const std::string& head) {
    std::size_t at = head.find("\r\nContent-Length: ");
    return at == std::string::npos ? 0 : std::stoul(head.substr(at + 18));
  }
  bool fill() {
    if (fd_ < 0) return false;
    char b[4096];
    ssize_t n = ::recv(fd_, b, sizeof b, 0);
    if (n > 0) {
      buf_.append(b, std::size_t(n));
      return true;
    }
    closed_ = n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
    return false;
  }
  int fd_ = -1;
  std::string buf_;
  bool closed_ = false;
};

std::string status(const std::string& r) { return r.substr(0, r.find("\r\n")); }
std::string body(const std::string& r) {
  std::size_t end = r.find("\r\n\r\n");
  return end == std::string::npos ? "" : r.substr(end + 4);
}
// The value of header `name` (exact case), "" when absent.
std::string header(const std::string& r, const std::string& name) {
  std::string head = r.substr(0, r.find("\r\n\r\n") + 2);
  std::size_t at = head.find("\r\n" + name + ": ");
  if (at == std::string::npos) return "";
  at += name.size() + 4;
  return head.substr(at, head.find("\r\n", at) - at);
}

template <class F>
bool eventually(F f) {
  for (auto end = Clock::now() + kPatience; Clock::now() < end; std::this_thread::sleep_for(1ms))
    if (f()) return true;
  return f();
}

std::string fields(const std::map<std::string, std::string>& m) {
  std::string s;
  for (const auto& [k, v] : m) s += (s.empty() ? "" : ",") + k + "=" + v;
  return s;
}

// Answers /echo with what it got; /later from a worker thread after a short queue; /never
// not at all (it keeps the Reply); /throw by throwing; /headers and /see-other with headers.
class TestHandler : public Handler {
 public:
  TestHandler() : worker_([this] { work(); }) {}
  ~TestHandler() override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      done_ = true;
    }
    cv_.notify_all();
    worker_.join();
  }

  static std::string describe(const Request& r) {
    return r.method + " " + r.path + " q[" + fields(r.query) + "] f[" + fields(r.form) + "] ct[" +
           r.content_type + "] from " + r.client;
  }

  void handle(Request r, Reply reply) override {
    ++handled;
    std::lock_guard<std::mutex> lock(mu_);
    if (r.path == "/never") {
      kept_.push_back(std::move(reply));
    } else if (r.path == "/later") {
      queue_.emplace_back(describe(r), std::move(reply));
      cv_.notify_one();
    } else if (r.path == "/throw") {
      throw std::runtime_error("boom\nwith a line break");
    } else if (r.path == "/headers") {
      Response x;
      x.body = "h";
      x.headers = {{"Cache-Control", "max-age=60"}, {"Retry-After", "5"}, {"Bad\r\nName", "x"},
                   {"X-Injected", "a\r\nSet-Cookie: yes"}, {"Content-Length", "999"}};
      reply(std::move(x));
    } else if (r.path == "/see-other") {
      Response x;
      x.status = 303;
      x.location = "/thanks";
      reply(std::move(x));
    } else {
      Response x;
      x.body = describe(r);
      x.content_type = "text/plain; charset=utf-8";
      reply(std::move(x));
    }
  }

  Response error_page(int status, const std::string& what) override {
    Response r;
    r.status = status;
    r.body = "error " + std::to_string(status) + ": " + what;
    r.content_type = "text/plain; charset=utf-8";
    return r;
  }

  std::vector<Reply> take_kept() {
    std::lock_guard<std::mutex> lock(mu_);
    return std::move(kept_);
  }

  std::atomic<int> handled{0};

 private:
  void work() {
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      cv_.wait(lock, [&] { return done_ || !queue_.empty(); });
      if (queue_.empty()) return;
      auto [text, reply] = std::move(queue_.front());
      queue_.pop_front();
      lock.unlock();
      std::this_thread::sleep_for(20ms);
      Response x;
      x.body = text;
      reply(std::move(x));
      lock.lock();
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;
  std::deque<std::pair<std::string, Reply>> queue_;
  std::vector<Reply> kept_;
  std::thread worker_;
};

// A Server running in a thread; the destructor stops it and insists that run() returns.
struct Served {
  explicit Served(const Limits& limits = Limits{}, int threads = 1)
      : server("127.0.0.1:0", limits, handler, threads), runner([this] {
          server.run();
          returned.set_value();
        }) {}
  ~Served() {
    server.stop();
    if (!run_returns()) {
      std::fprintf(stderr, "http_server test: run() did not return after stop()\n");
      std::abort();
    }
    runner.join();
  }
  bool run_returns() { return done.wait_for(kPatience) == std::future_status::ready; }
  unsigned short port() const { return server.port(); }

  TestHandler handler;
  Server server;
  std::promise<void> returned;
  std::future<void> done = returned.get_future();
  std::thread runner;
};

const std::string kGood = "GET /echo?x=1 HTTP/1.1\r\nHost: t\r\n\r\n";

std::string post(const std::string& body, const std::string& type = "application/x-www-form-urlencoded",
                 const std::string& path = "/echo") {
  return "POST " + path + " HTTP/1.1\r\nHost: t\r\nContent-Type: " + type +
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// A request the server refuses, what it answers, and whether it then closes the connection.
struct BadCase {
  std::string name;
  std::string request;
  std::string status;
  std::string sentence;
  bool closes;
  std::string header_line = "";  // a header the answer must carry, "Name: value"
};
std::ostream& operator<<(std::ostream& os, const BadCase& c) { return os << c.name; }

const std::string kMalformedQuery = "The query is malformed: ";
const std::string kMalformedForm = "The form is malformed: ";
const std::string kMalformedPath = "The address is malformed: ";
const std::string k400 = "HTTP/1.1 400 Bad Request";

std::string chunked_past_limit() {
  std::string chunk(2048, 'a');
  return "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-www-form-urlencoded\r\n"
         "Transfer-Encoding: chunked\r\n\r\n800\r\n" + chunk + "\r\n800\r\n" + chunk + "\r\n1\r\na\r\n0\r\n\r\n";
}

std::string many_fields(int n) {
  std::string s = "GET /echo?";
  for (int i = 0; i < n; ++i) s += (i ? "&f" : "f") + std::to_string(i) + "=x";
  return s + " HTTP/1.1\r\nHost: t\r\n\r\n";
}

const BadCase kBad[] = {
    // The request line and header.
    {"garbage", "GARBAGE\r\n\r\n", k400, "The request is not well-formed HTTP.", true},
    {"extra_word_in_request_line", "GET /echo HTTP/1.1 extra\r\nHost: t\r\n\r\n", k400,
     "The request is not well-formed HTTP.", true},
    {"header_without_colon", "GET /echo HTTP/1.1\r\nHost t\r\n\r\n", k400,
     "The request is not well-formed HTTP.", true},
    {"raw_control_in_target", "GET /a\x01z HTTP/1.1\r\nHost: t\r\n\r\n", k400,
     "The request is not well-formed HTTP.", true},
    {"http_2", "GET /echo HTTP/2.0\r\nHost: t\r\n\r\n", k400, "The request is not well-formed HTTP.", true},
    {"unknown_method", "BREW /echo HTTP/1.1\r\nHost: t\r\n\r\n", "HTTP/1.1 405 Method Not Allowed",
     "The method is not one this server answers.", false, "Allow: GET, HEAD, POST"},
    {"delete", "DELETE /echo HTTP/1.1\r\nHost: t\r\n\r\n", "HTTP/1.1 405 Method Not Allowed",
     "The method is not one this server answers.", false, "Allow: GET, HEAD, POST"},
    {"header_too_large", "GET /echo HTTP/1.1\r\nHost: t\r\nX-Big: " + std::string(9000, 'a') + "\r\n\r\n",
     "HTTP/1.1 431 Request Header Fields Too Large",
     "The request's header section is larger than 8192 bytes.", true},
    // The body.
    {"body_too_large_by_content_length",
     "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-www-form-urlencoded\r\n"
     "Content-Length: 100000\r\n\r\naaaa",
     "HTTP/1.1 413 Payload Too Large", "The request body is larger than 4096 bytes.", true},
    {"body_too_large_by_chunks", chunked_past_limit(), "HTTP/1.1 413 Payload Too Large",
     "The request body is larger than 4096 bytes.", true},
    {"post_not_a_form", post("{\"a\":1}", "application/json"), "HTTP/1.1 415 Unsupported Media Type",
     "The body must be a form sent as application/x-www-form-urlencoded or multipart/form-data in UTF-8.", true},
    {"post_form_in_latin1", post("a=1", "application/x-www-form-urlencoded; charset=iso-8859-1"),
     "HTTP/1.1 415 Unsupported Media Type",
     "The body must be a form sent as application/x-www-form-urlencoded or multipart/form-data in UTF-8.", true},
    {"multipart_without_a_boundary", post("a=1", "multipart/form-data"), "HTTP/1.1 415 Unsupported Media Type",
     "The body must be a form sent as application/x-www-form-urlencoded or multipart/form-data in UTF-8.", true},
    {"multipart_with_a_file", post("--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n\r\nhi\r\n--XyZ--\r\n",
                                   "multipart/form-data; boundary=XyZ"),
     k400, "The form is malformed: a part is a file, not a form field.", false},
    {"post_without_a_type", "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\n\r\n",
     "HTTP/1.1 415 Unsupported Media Type",
     "The body must be a form sent as application/x-www-form-urlencoded or multipart/form-data in UTF-8.", false},
    // The target.
    {"absolute_form", "GET http://example.com/echo HTTP/1.1\r\nHost: t\r\n\r\n", k400,
     "The request target is not a path.", false},
    {"asterisk", "GET * HTTP/1.1\r\nHost: t\r\n\r\n", k400, "The request target is not a path.", false},
    {"dot_dot", "GET /a/../echo HTTP/1.1\r\nHost: t\r\n\r\n", k400,
     kMalformedPath + "the path has a .. segment.", false},
    {"encoded_dot_dot", "GET /a/%2e%2e/echo HTTP/1.1\r\nHost: t\r\n\r\n", k400,
     kMalformedPath + "the path has a .. segment.", false},
    {"nul_in_path", "GET /echo%00 HTTP/1.1\r\nHost: t\r\n\r\n", k400,
     kMalformedPath + "the path holds a NUL, a line break or a control character.", false},
    {"crlf_in_path", "GET /echo%0d%0aX:y HTTP/1.1\r\nHost: t\r\n\r\n", k400,
     kMalformedPath + "the path holds a NUL, a line break or a control character.", false},
    {"bad_percent_in_path", "GET /echo%zz HTTP/1.1\r\nHost: t\r\n\r\n", k400,
     kMalformedPath + "a percent sign is not followed by two hex digits.", false},
    // The query.
    {"query_percent_zz", "GET /echo?a=%zz HTTP/1.1\r\nHost: t\r\n\r\n", k400,
     kMalformedQuery + "a percent sign is not followed by two hex digits.", false},
    {"query_percent_4", "GET /echo?a=%4 HTTP/1.1\r\nHost: t\r\n\r\n", k400,
     kMalformedQuery + "a percent sign is not followed by two hex digits.", false},
    {"query_crlf", "GET /echo?a=%0d%0a HTTP/1.1\r\nHost: t\r\n\r\n", k400,
     kMalformedQuery + "a field holds a line break or a control character.", false},
    {"query_nul", "GET /echo?a=%00 HTTP/1.1\r\nHost: t\r\n\r\n", k400,
     kMalformedQuery + "a field holds a line break or a control character.", false},
    {"query_invalid_utf8", "GET /echo?a=%ff HTTP/1.1\r\nHost: t\r\n\r\n", k400,
     kMalformedQuery + "a field is not valid UTF-8.", false},
    {"query_repeated_key", "GET /echo?a=1&a=2 HTTP/1.1\r\nHost: t\r\n\r\n", k400,
     kMalformedQuery + "a field name appears more than once.", false},
    {"query_33_fields", many_fields(33), k400, kMalformedQuery + "there are more than 32 fields.", false},
    {"query_long_field", "GET /echo?a=" + std::string(2049, 'x') + " HTTP/1.1\r\nHost: t\r\n\r\n", k400,
     kMalformedQuery + "a field is longer than 2048 bytes.", false},
    // The form.
    {"form_percent_zz", post("a=%zz"), k400, kMalformedForm + "a percent sign is not followed by two hex digits.",
     false},
    {"form_crlf", post("email=a%40b.c%0d%0aBcc:x"), k400,
     kMalformedForm + "a field holds a line break or a control character.", false},
    {"form_nul", post("a=%00"), k400, kMalformedForm + "a field holds a line break or a control character.", false},
    {"form_invalid_utf8", post("a=%ff"), k400, kMalformedForm + "a field is not valid UTF-8.", false},
    {"form_repeated_key", post("email=a&email=b"), k400, kMalformedForm + "a field name appears more than once.",
     false},
};

// Swaps the default logger for one writing into a string, for as long as it lives.
class CapturedLog {
 public:
  CapturedLog() : old_(spdlog::default_logger()) {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out_);
    sink->set_pattern("%l %v");
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("captured", sink));
  }
  ~CapturedLog() { spdlog::set_default_logger(old_); }
  std::string text() {
    spdlog::default_logger()->flush();
    return out_.str();
  }

 private:
  std::ostringstream out_;
  std::shared_ptr<spdlog::logger> old_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(http_server)

BOOST_AUTO_TEST_CASE(a_good_get_gets_the_handlers_answer_and_the_safety_headers) {
  Served s;
  Client c(s.port());
  c.send("GET /echo?a=1&b=x+y&c=%C3%A9 HTTP/1.1\r\nHost: t\r\n\r\n");
  std::string r = c.response();
  BOOST_TEST(status(r) == "HTTP/1.1 200 OK");
  BOOST_TEST(body(r) == "GET /echo q[a=1,b=x y,c=\xc3\xa9] f[] ct[] from 127.0.0.1");
  BOOST_TEST(header(r, "Content-Length") == std::to_string(body(r).size()));
  BOOST_TEST(header(r, "Content-Type") == "text/plain; charset=utf-8");
  BOOST_TEST(header(r, "Cache-Control") == "no-store");
  BOOST_TEST(header(r, "X-Content-Type-Options") == "nosniff");
  BOOST_TEST(header(r, "Referrer-Policy") == "no-referrer");
  BOOST_TEST(header(r, "Content-Security-Policy") ==
             "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'");
  BOOST_TEST(header(r, "Date").size() == 29u);
  BOOST_TEST(header(r, "Connection") == "");  // HTTP/1.1 keeps the connection without saying so
}

BOOST_AUTO_TEST_CASE(a_good_post_form_is_decoded) {
  Served s;
  Client c(s.port());
  c.send(post("email=ann%40example.com&name=Ann+B", "application/x-www-form-urlencoded; charset=UTF-8"));
  std::string r = c.response();
  BOOST_TEST(status(r) == "HTTP/1.1 200 OK");
  BOOST_TEST(body(r) ==
             "POST /echo q[] f[email=ann@example.com,name=Ann B] ct[application/x-www-form-urlencoded] from 127.0.0.1");
  c.send(post("List-Unsubscribe=One-Click", "application/x-www-form-urlencoded", "/echo?t=abc"));
  r = c.response();
  BOOST_TEST(body(r) ==
             "POST /echo q[t=abc] f[List-Unsubscribe=One-Click] ct[application/x-www-form-urlencoded] from 127.0.0.1");
}

BOOST_AUTO_TEST_CASE(a_chunked_form_within_the_limit_is_read) {
  Served s;
  Client c(s.port());
  c.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-www-form-urlencoded\r\n"
         "Transfer-Encoding: chunked\r\n\r\n4\r\na=1&\r\n3\r\nb=2\r\n0\r\n\r\n");
  std::string r = c.response();
  BOOST_TEST(status(r) == "HTTP/1.1 200 OK");
  BOOST_TEST(body(r) == "POST /echo q[] f[a=1,b=2] ct[application/x-www-form-urlencoded] from 127.0.0.1");
}

BOOST_AUTO_TEST_CASE(head_is_answered_without_a_body) {
  Served s;
  Client c(s.port());
  c.send("HEAD /echo HTTP/1.1\r\nHost: t\r\n\r\n");
  std::string r = c.response(/*head=*/true);
  BOOST_TEST(status(r) == "HTTP/1.1 200 OK");
  BOOST_TEST(header(r, "Content-Length") == std::to_string(std::string("HEAD /echo q[] f[] ct[] from 127.0.0.1").size()));
  BOOST_TEST(body(r) == "");
  // Had a body been sent, it would come before this answer's status line.
  c.send(kGood);
  BOOST_TEST(status(c.response()) == "HTTP/1.1 200 OK");
}

BOOST_AUTO_TEST_CASE(keep_alive_serves_several_requests_on_one_connection) {
  Served s;
  Client c(s.port());
  for (int i = 0; i < 3; ++i) {
    c.send(kGood);
    BOOST_TEST(status(c.response()) == "HTTP/1.1 200 OK");
  }
  // HTTP/1.0 keeps the connection only when asked, and says so.
  Client old(s.port());
  old.send("GET /echo HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
  std::string r = old.response();
  BOOST_TEST(status(r) == "HTTP/1.1 200 OK");
  BOOST_TEST(header(r, "Connection") == "keep-alive");
  old.send("GET /echo HTTP/1.0\r\n\r\n");
  r = old.response();
  BOOST_TEST(header(r, "Connection") == "close");
  BOOST_TEST(old.closes());
  // Connection: close is honoured.
  Client closing(s.port());
  closing.send("GET /echo HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
  BOOST_TEST(header(closing.response(), "Connection") == "close");
  BOOST_TEST(closing.closes());
  BOOST_TEST(s.handler.handled == 6);
}

BOOST_AUTO_TEST_CASE(pipelined_requests_are_answered_in_order) {
  Served s;
  Client c(s.port());
  c.send("GET /later?n=1 HTTP/1.1\r\nHost: t\r\n\r\nGET /echo?n=2 HTTP/1.1\r\nHost: t\r\n\r\n");
  BOOST_TEST(body(c.response()) == "GET /later q[n=1] f[] ct[] from 127.0.0.1");
  BOOST_TEST(body(c.response()) == "GET /echo q[n=2] f[] ct[] from 127.0.0.1");
}

BOOST_AUTO_TEST_CASE(a_reply_from_another_thread_is_written) {
  Served s;
  Client c(s.port());
  c.send("GET /later?a=1 HTTP/1.1\r\nHost: t\r\n\r\n");
  std::string r = c.response();
  BOOST_TEST(status(r) == "HTTP/1.1 200 OK");
  BOOST_TEST(body(r) == "GET /later q[a=1] f[] ct[] from 127.0.0.1");
}

BOOST_AUTO_TEST_CASE(the_handler_may_set_headers_but_not_smuggle_any) {
  Served s;
  Client c(s.port());
  c.send("GET /headers HTTP/1.1\r\nHost: t\r\n\r\n");
  std::string r = c.response();
  BOOST_TEST(status(r) == "HTTP/1.1 200 OK");
  BOOST_TEST(header(r, "Cache-Control") == "max-age=60");  // replaces no-store
  BOOST_TEST(r.find("no-store") == std::string::npos);
  BOOST_TEST(header(r, "Retry-After") == "5");
  BOOST_TEST(header(r, "Content-Length") == "1");
  BOOST_TEST(r.find("Set-Cookie") == std::string::npos);
  BOOST_TEST(r.find("Bad") == std::string::npos);
  BOOST_TEST(body(r) == "h");
  c.send("GET /see-other HTTP/1.1\r\nHost: t\r\n\r\n");
  r = c.response();
  BOOST_TEST(status(r) == "HTTP/1.1 303 See Other");
  BOOST_TEST(header(r, "Location") == "/thanks");
  BOOST_TEST(header(r, "Content-Length") == "0");
}

BOOST_AUTO_TEST_CASE(a_handler_that_throws_gets_a_500_and_the_connection_goes_on) {
  Served s;
  Client c(s.port());
  c.send("GET /throw HTTP/1.1\r\nHost: t\r\n\r\n");
  std::string r = c.response();
  BOOST_TEST(status(r) == "HTTP/1.1 500 Internal Server Error");
  BOOST_TEST(body(r) == "error 500: The server failed to answer the request.");
  c.send(kGood);
  BOOST_TEST(status(c.response()) == "HTTP/1.1 200 OK");
}

BOOST_AUTO_TEST_CASE(expect_100_continue_is_answered_before_the_body) {
  Served s;
  Client c(s.port());
  c.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-www-form-urlencoded\r\n"
         "Content-Length: 3\r\nExpect: 100-continue\r\n\r\n");
  BOOST_TEST(c.response() == "HTTP/1.1 100 Continue\r\n\r\n");
  c.send("a=1");
  BOOST_TEST(body(c.response()) == "POST /echo q[] f[a=1] ct[application/x-www-form-urlencoded] from 127.0.0.1");
}

BOOST_DATA_TEST_CASE(the_server_refuses_bad_requests_itself_and_keeps_serving, bdata::make(kBad), c) {
  Served s;
  {
    Client bad(s.port());
    bad.send(c.request);
    std::string r = bad.response();
    BOOST_TEST(status(r) == c.status);
    BOOST_TEST(body(r) == "error " + c.status.substr(9, 3) + ": " + c.sentence);
    BOOST_TEST(header(r, "Cache-Control") == "no-store");
    if (!c.header_line.empty()) BOOST_TEST(r.find("\r\n" + c.header_line + "\r\n") != std::string::npos);
    if (c.closes) {
      BOOST_TEST(header(r, "Connection") == "close");
      BOOST_TEST(bad.closes());
    } else {  // the same connection goes on
      BOOST_TEST(header(r, "Connection") == "");
      bad.send(kGood);
      BOOST_TEST(status(bad.response()) == "HTTP/1.1 200 OK");
    }
  }
  Client next(s.port());
  next.send(kGood);
  BOOST_TEST(status(next.response()) == "HTTP/1.1 200 OK");
  BOOST_TEST(s.handler.handled == (c.closes ? 1 : 2));  // the handler never saw the bad one
}

BOOST_AUTO_TEST_CASE(a_slow_request_gets_408_and_is_closed) {
  Limits limits;
  limits.read_timeout = 200ms;
  Served s(limits);
  {  // half the headers
    Client c(s.port());
    c.send("GET /echo HTTP/1.1\r\nHost: t\r\n");
    auto t0 = Clock::now();
    std::string got;
    BOOST_TEST(c.closes(&got));
    BOOST_TEST(status(got) == "HTTP/1.1 408 Request Timeout");
    BOOST_TEST(body(got) == "error 408: The request did not arrive in time.");
    BOOST_TEST(header(got, "Connection") == "close");
    BOOST_TEST((Clock::now() - t0 >= 150ms));
  }
  {  // the headers, but half the body
    Client c(s.port());
    c.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-www-form-urlencoded\r\n"
           "Content-Length: 10\r\n\r\na=1");
    std::string got;
    BOOST_TEST(c.closes(&got));
    BOOST_TEST(status(got) == "HTTP/1.1 408 Request Timeout");
  }
  {  // a byte at a time, each well within the timeout: the deadline is for the whole request
    Client c(s.port());
    std::thread trickle([&] {
      for (char ch : std::string("GET /ec")) {
        c.send(std::string(1, ch));
        std::this_thread::sleep_for(50ms);
      }
    });
    std::string got;
    BOOST_TEST(c.closes(&got));
    trickle.join();
    BOOST_TEST(status(got) == "HTTP/1.1 408 Request Timeout");
  }
  Client next(s.port());
  next.send(kGood);
  BOOST_TEST(status(next.response()) == "HTTP/1.1 200 OK");
  BOOST_TEST(s.handler.handled == 1);
}

BOOST_AUTO_TEST_CASE(an_idle_kept_alive_connection_is_closed_without_a_word) {
  Limits limits;
  limits.idle_timeout = 200ms;
  Served s(limits);
  Client c(s.port());
  c.send(kGood);
  BOOST_TEST(status(c.response()) == "HTTP/1.1 200 OK");
  auto t0 = Clock::now();
  std::string got = "unread";
  BOOST_TEST(c.closes(&got));
  BOOST_TEST(got == "");
  BOOST_TEST((Clock::now() - t0 >= 150ms));
}

BOOST_AUTO_TEST_CASE(a_connection_that_never_speaks_is_closed_after_read_timeout) {
  Limits limits;
  limits.read_timeout = 200ms;
  Served s(limits);
  Client c(s.port());
  std::string got = "unread";
  BOOST_TEST(c.closes(&got));
  BOOST_TEST(got == "");
}

BOOST_AUTO_TEST_CASE(no_reply_within_reply_timeout_gets_503_and_a_late_reply_is_dropped) {
  Limits limits;
  limits.reply_timeout = 200ms;
  Served s(limits);
  Client c(s.port());
  c.send("GET /never HTTP/1.1\r\nHost: t\r\n\r\n");
  std::string r = c.response();
  BOOST_TEST(status(r) == "HTTP/1.1 503 Service Unavailable");
  BOOST_TEST(body(r) == "error 503: The server did not answer in time.");
  BOOST_TEST(header(r, "Retry-After") == "1");
  BOOST_TEST(c.closes());
  auto kept = s.handler.take_kept();
  BOOST_REQUIRE_EQUAL(kept.size(), 1u);
  Response late;
  late.body = "too late";
  kept[0](late);  // the connection is gone: dropped without a word
  Client next(s.port());
  next.send(kGood);
  BOOST_TEST(status(next.response()) == "HTTP/1.1 200 OK");
}

BOOST_AUTO_TEST_CASE(a_connection_over_the_cap_gets_503_at_once) {
  Limits limits;
  limits.max_connections = 2;
  Served s(limits);
  auto a = std::make_unique<Client>(s.port());
  Client b(s.port());
  for (Client* c : {a.get(), &b}) {  // both accepted, served and now idle
    c->send(kGood);
    BOOST_TEST(status(c->response()) == "HTTP/1.1 200 OK");
  }
  {
    Client third(s.port());
    std::string got;
    BOOST_TEST(third.closes(&got));
    BOOST_TEST(status(got) == "HTTP/1.1 503 Service Unavailable");
    BOOST_TEST(header(got, "Retry-After") == "1");
    BOOST_TEST(header(got, "Connection") == "close");
    BOOST_TEST(body(got) == "error 503: The server is busy; try again in a moment.");
  }
  b.send(kGood);  // the two are still served
  BOOST_TEST(status(b.response()) == "HTTP/1.1 200 OK");
  // Once one leaves (and the server has noticed), a newcomer is served again.
  a.reset();
  BOOST_TEST(eventually([&] {
    Client c(s.port());
    c.send(kGood);
    return status(c.response()) == "HTTP/1.1 200 OK";
  }));
}

BOOST_AUTO_TEST_CASE(out_of_file_descriptors_the_acceptor_backs_off_and_recovers) {
  Served s;
  {
    Client warm(s.port());
    warm.send(kGood);
    BOOST_REQUIRE_EQUAL(status(warm.response()), "HTTP/1.1 200 OK");
  }
  rlimit old{};
  BOOST_REQUIRE_EQUAL(::getrlimit(RLIMIT_NOFILE, &old), 0);
  rlimit low = old;
  low.rlim_cur = std::min<rlim_t>(old.rlim_cur, 256);
  BOOST_REQUIRE_EQUAL(::setrlimit(RLIMIT_NOFILE, &low), 0);
  std::vector<int> filler;
  struct Restore {  // whatever happens, give the descriptors and the limit back
    std::vector<int>& fds;
    rlimit limit;
    ~Restore() {
      for (int fd : fds) ::close(fd);
      fds.clear();
      ::setrlimit(RLIMIT_NOFILE, &limit);
    }
  } restore{filler, old};
  for (int fd; (fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC)) >= 0;) filler.push_back(fd);
  BOOST_REQUIRE_EQUAL(errno, EMFILE);
  ::close(filler.back());  // room for the client's socket, none for the server's accept
  filler.pop_back();
  Client c(s.port());  // the kernel completes the handshake; accept(2) fails with EMFILE
  c.send(kGood);
  rusage before{}, after{};
  ::getrusage(RUSAGE_SELF, &before);
  std::this_thread::sleep_for(300ms);
  ::getrusage(RUSAGE_SELF, &after);
  auto cpu = [](const rusage& u) {
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000000L + u.ru_utime.tv_usec + u.ru_stime.tv_usec;
  };
  long used_us = cpu(after) - cpu(before);
  BOOST_TEST(used_us < 100000);  // CPU microseconds; a spinning acceptor would burn all 300 ms
  for (int fd : filler) ::close(fd);
  filler.clear();
  ::setrlimit(RLIMIT_NOFILE, &old);
  BOOST_TEST(status(c.response()) == "HTTP/1.1 200 OK");  // accepted on a later try
}

BOOST_AUTO_TEST_CASE(the_client_comes_from_the_proxy_only_when_trusted) {
  {
    Served s;
    Client c(s.port());
    c.send("GET /echo HTTP/1.1\r\nHost: t\r\nX-Real-IP: 203.0.113.9\r\nX-Forwarded-For: 10.0.0.1\r\n\r\n");
    BOOST_TEST(body(c.response()) == "GET /echo q[] f[] ct[] from 203.0.113.9");
    c.send("GET /echo HTTP/1.1\r\nHost: t\r\nX-Forwarded-For: 10.0.0.1, 198.51.100.7\r\n\r\n");
    BOOST_TEST(body(c.response()) == "GET /echo q[] f[] ct[] from 198.51.100.7");
    c.send("GET /echo HTTP/1.1\r\nHost: t\r\nX-Forwarded-For: 2001:db8::1\r\n\r\n");
    BOOST_TEST(body(c.response()) == "GET /echo q[] f[] ct[] from 2001:db8::1");
    c.send("GET /echo HTTP/1.1\r\nHost: t\r\nX-Real-IP: <script>\r\n\r\n");
    BOOST_TEST(body(c.response()) == "GET /echo q[] f[] ct[] from 127.0.0.1");
  }
  Limits limits;
  limits.trust_proxy = false;
  Served s(limits);
  Client c(s.port());
  c.send("GET /echo HTTP/1.1\r\nHost: t\r\nX-Real-IP: 203.0.113.9\r\n\r\n");
  BOOST_TEST(body(c.response()) == "GET /echo q[] f[] ct[] from 127.0.0.1");
}

BOOST_AUTO_TEST_CASE(the_log_has_one_line_a_request_and_no_query_or_body) {
  CapturedLog log;
  {
    Served s;
    Client c(s.port());
    c.send("GET /a%20b/echo?token=SECRET1 HTTP/1.1\r\nHost: t\r\n\r\n");
    BOOST_TEST(status(c.response()) == "HTTP/1.1 200 OK");
    c.send(post("email=SECRET2%40x.y"));
    BOOST_TEST(status(c.response()) == "HTTP/1.1 200 OK");
    c.send("GET /x%0d%0aFAKE:1?SECRET3 HTTP/1.1\r\nHost: t\r\n\r\n");
    BOOST_TEST(status(c.response()) == k400);
  }
  std::string text = log.text();
  BOOST_TEST(text.find("info http: GET /a?20b/echo 200 in ") != std::string::npos);
  BOOST_TEST(text.find("info http: POST /echo 200 in ") != std::string::npos);
  BOOST_TEST(text.find("warning http: GET /x?0d?0aFAKE?1 400 in ") != std::string::npos);
  BOOST_TEST(text.find("SECRET") == std::string::npos);
  BOOST_TEST(text.find("\nFAKE") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(many_clients_on_two_threads) {
  Served s(Limits{}, 2);
  std::vector<std::thread> clients;
  std::atomic<int> ok{0};
  for (int t = 0; t < 6; ++t)
    clients.emplace_back([&, t] {
      Client c(s.port());
      for (int i = 0; i < 40; ++i) {
        c.send(i % 4 == 0 ? "GET /later?i=" + std::to_string(i) + " HTTP/1.1\r\nHost: t\r\n\r\n"
                          : post("t=" + std::to_string(t) + "&i=" + std::to_string(i)));
        if (status(c.response()) == "HTTP/1.1 200 OK") ++ok;
      }
    });
  for (auto& t : clients) t.join();
  BOOST_TEST(ok == 240);
}

BOOST_AUTO_TEST_CASE(stop_closes_idle_connections_lets_requests_finish_and_run_returns) {
  Served s;
  Client idle(s.port());
  idle.send(kGood);
  BOOST_TEST(status(idle.response()) == "HTTP/1.1 200 OK");
  Client busy(s.port());
  busy.send("GET /later HTTP/1.1\r\nHost: t\r\n\r\n");
  BOOST_REQUIRE(eventually([&] { return s.handler.handled == 2; }));  // the request is in flight
  s.server.stop();
  std::string r = busy.response();
  BOOST_TEST(status(r) == "HTTP/1.1 200 OK");
  BOOST_TEST(header(r, "Connection") == "close");
  BOOST_TEST(busy.closes());
  BOOST_TEST(idle.closes());
  BOOST_TEST(s.run_returns());
}

BOOST_AUTO_TEST_CASE(stop_cuts_what_does_not_finish_within_drain_timeout) {
  Limits limits;
  limits.drain_timeout = 200ms;
  Served s(limits);
  Client c(s.port());
  c.send("GET /never HTTP/1.1\r\nHost: t\r\n\r\n");
  BOOST_REQUIRE(eventually([&] { return s.handler.handled == 1; }));
  s.server.stop();
  BOOST_TEST(s.run_returns());
  BOOST_TEST(c.closes());
}

BOOST_AUTO_TEST_CASE(stop_before_run_makes_run_return_at_once) {
  TestHandler handler;
  Server server("127.0.0.1:0", Limits{}, handler);
  BOOST_TEST(server.port() != 0);
  server.stop();
  server.stop();
  server.run();
  server.stop();  // after run() too: no SIGPIPE, no effect
}

BOOST_AUTO_TEST_CASE(a_bad_or_busy_address_is_an_error_naming_it) {
  TestHandler handler;
  Server first("127.0.0.1:0", Limits{}, handler);
  std::string taken = "127.0.0.1:" + std::to_string(first.port());
  auto message = [&](const std::string& listen) {
    try {
      Server second(listen, Limits{}, handler);
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  BOOST_TEST(message(taken) == "cannot listen on " + taken + ": Address already in use");
  BOOST_TEST(message("localhost:8025") == "cannot listen on localhost:8025: the host is not an IP address");
  BOOST_TEST(message("127.0.0.1") ==
             "cannot listen on 127.0.0.1: expected an IP address and a port, such as 127.0.0.1:8025");
  BOOST_TEST(message("127.0.0.1:99999") == "cannot listen on 127.0.0.1:99999: the port is not a number from 0 to 65535");
  BOOST_TEST(message("::1:8025") == "cannot listen on ::1:8025: an IPv6 address goes in brackets, such as [::1]:8025");
}

BOOST_AUTO_TEST_SUITE_END()
