// The transport under Server: an acceptor and one Connection per client, each a small state
// machine on its own strand. Beast parses (its request_parser, fed by hand so the header can be
// judged before the body is read and the first byte of a request can start its deadline); the
// answers are rendered here into one buffer and written with one async_write.
//
// A connection's life: idle (waiting for a request's first byte; idle_timeout, or read_timeout
// before the first request) -> reading (read_timeout for the whole request) -> waiting (for
// the Reply; reply_timeout) -> writing (read_timeout) -> idle again, or lingering: after an
// answer that ends the connection the server shuts its sending side and reads and drops what
// the client still sends for a moment, so the client reads the answer instead of a reset.
// One timer per connection carries the deadline of the current phase.
#include "pipeline/serve/http_server.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <cassert>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <list>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <thread>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/string_body.hpp>
#include <spdlog/spdlog.h>

#include "pipeline/serve/form.hpp"

namespace tv::serve {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = net::ip::tcp;
using boost::system::error_code;
using Clock = std::chrono::steady_clock;
using Strand = net::strand<net::io_context::executor_type>;
using Socket = net::basic_stream_socket<tcp, Strand>;
using Acceptor = net::basic_socket_acceptor<tcp, Strand>;
using Timer = net::basic_waitable_timer<Clock, net::wait_traits<Clock>, Strand>;
using Descriptor = net::posix::basic_stream_descriptor<Strand>;
using Parser = http::request_parser<http::string_body>;

namespace {

constexpr std::size_t kReadChunk = 4096;
constexpr std::chrono::milliseconds kLinger{1000};
constexpr std::chrono::milliseconds kBackoffExhausted{100};  // EMFILE and the like
constexpr std::chrono::milliseconds kBackoffOther{10};
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
constexpr std::pair<std::string_view, std::string_view> kDefaultHeaders[] = {
    {"Cache-Control", "no-store"},
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"Content-Security-Policy",
     "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'"},
};

enum class After { keep, close };  // what becomes of the connection once an answer is written

std::string_view sv(beast::string_view s) { return {s.data(), s.size()}; }

char lower(char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// What of the request may go into the log: [A-Za-z0-9/_.-] kept, every other byte a '?'.
std::string log_safe(std::string_view s, std::size_t max = 80) {
  std::string out;
  for (std::size_t i = 0; i < s.size() && i < max; ++i) {
    char c = s[i];
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '/' || c == '_' || c == '.' || c == '-';
    out.push_back(keep ? c : '?');
  }
  if (s.size() > max) out += "...";
  if (out.empty()) out = "-";
  return out;
}

// Text of the application's (an exception's message) for the log: printable ASCII only.
std::string printable(std::string_view s, std::size_t max = 200) {
  std::string out;
  for (std::size_t i = 0; i < s.size() && i < max; ++i)
    out.push_back(s[i] >= 0x20 && s[i] < 0x7f ? s[i] : '?');
  return out;
}

bool valid_header_name(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    bool t = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
    if (!t) return false;
  }
  return true;
}

bool valid_header_value(std::string_view s) {
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t') || u == 0x7f) return false;
  }
  return true;
}

// "application/x-www-form-urlencoded; charset=UTF-8" -> the lower-cased type, and whether a
// charset parameter, if any, says utf-8.
struct MediaType {
  std::string type;
  bool utf8 = true;
  std::string boundary;  // multipart/form-data's
};
MediaType parse_media_type(std::string_view v) {
  MediaType m;
  std::size_t semi = v.find(';');
  for (char c : trim(v.substr(0, semi))) m.type.push_back(lower(c));
  while (semi != std::string_view::npos) {
    std::size_t next = v.find(';', semi + 1);
    std::string_view param = trim(v.substr(semi + 1, next == std::string_view::npos ? next : next - semi - 1));
    std::size_t eq = param.find('=');
    if (eq != std::string_view::npos && iequals(trim(param.substr(0, eq)), "charset")) {
      std::string_view value = trim(param.substr(eq + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        value = value.substr(1, value.size() - 2);
      if (!iequals(value, "utf-8")) m.utf8 = false;
    } else if (eq != std::string_view::npos && iequals(trim(param.substr(0, eq)), "boundary")) {
      std::string_view value = trim(param.substr(eq + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
      m.boundary = std::string(value);
    }
    semi = next;
  }
  return m;
}

net::ip::address unmapped(const net::ip::address& a) {
  if (a.is_v6() && a.to_v6().is_v4_mapped())
    return net::ip::make_address_v4(net::ip::v4_mapped, a.to_v6());
  return a;
}

std::optional<std::string> ip_text(std::string_view s) {
  error_code ec;
  auto a = net::ip::make_address(std::string(trim(s)), ec);
  if (ec) return std::nullopt;
  return unmapped(a).to_string();
}

bool parse_listen(const std::string& s, tcp::endpoint& ep, std::string& why) {
  std::string host, port;
  if (!s.empty() && s.front() == '[') {
    std::size_t close = s.find(']');
    if (close == std::string::npos || close + 1 >= s.size() || s[close + 1] != ':') {
      why = "expected [IPv6 address]:port, such as [::1]:8025";
      return false;
    }
    host = s.substr(1, close - 1);
    port = s.substr(close + 2);
  } else {
    std::size_t colon = s.rfind(':');
    if (colon == std::string::npos) {
      why = "expected an IP address and a port, such as 127.0.0.1:8025";
      return false;
    }
    host = s.substr(0, colon);
    port = s.substr(colon + 1);
    if (host.find(':') != std::string::npos) {
      why = "an IPv6 address goes in brackets, such as [::1]:8025";
      return false;
    }
  }
  unsigned long n = 0;
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
      (n = std::stoul(port)) > 65535) {
    why = "the port is not a number from 0 to 65535";
    return false;
  }
  error_code ec;
  auto address = net::ip::make_address(host, ec);
  if (ec) {
    why = "the host is not an IP address";
    return false;
  }
  ep = tcp::endpoint(address, static_cast<unsigned short>(n));
  return true;
}

// "Sun, 06 Nov 1994 08:49:37 GMT", made once a second per thread (not with strftime, whose
// day and month names follow the locale).
std::string_view http_date() {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  thread_local std::time_t last = -1;
  thread_local char buf[40];
  thread_local int len = 0;
  std::time_t now = std::time(nullptr);
  if (now != last) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    len = std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday % 7],
                        tm.tm_mday, kMonths[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour,
                        tm.tm_min, tm.tm_sec);
    last = now;
  }
  return {buf, static_cast<std::size_t>(len)};
}

void header(std::string& out, std::string_view name, std::string_view value) {
  out += name;
  out += ": ";
  out += value;
  out += "\r\n";
}

bool server_owned(std::string_view name) {
  return iequals(name, "Content-Length") || iequals(name, "Connection") ||
         iequals(name, "Transfer-Encoding") || iequals(name, "Date");
}

// The whole answer, head and (unless `head_only`) body, into `out`.
void render(std::string& out, const Response& r, bool head_only, After after, unsigned version) {
  auto app_has = [&](std::string_view name) {
    for (const auto& h : r.headers)
      if (iequals(h.first, name)) return true;
    return false;
  };
  out.clear();
  out += "HTTP/1.1 ";
  out += std::to_string(r.status);
  out += ' ';
  std::string_view reason = sv(http::obsolete_reason(http::int_to_status(unsigned(r.status))));
  out += reason.empty() || reason.front() == '<' ? "Unknown" : reason;
  out += "\r\n";
  if (!r.content_type.empty() && !app_has("Content-Type")) {
    if (valid_header_value(r.content_type)) header(out, "Content-Type", r.content_type);
    else spdlog::warn("http: dropped a content type holding a control character");
  }
  if (r.status != 204) header(out, "Content-Length", std::to_string(r.body.size()));
  header(out, "Date", http_date());
  if (!r.location.empty() && !app_has("Location")) {
    if (valid_header_value(r.location)) header(out, "Location", r.location);
    else spdlog::warn("http: dropped a Location holding a control character");
  }
  for (const auto& [name, value] : kDefaultHeaders)
    if (!app_has(name)) header(out, name, value);
  for (const auto& [name, value] : r.headers) {
    if (server_owned(name)) continue;
    if (!valid_header_name(name) || !valid_header_value(value)) {
      spdlog::warn("http: dropped a header whose name or value is not valid");
      continue;
    }
    header(out, name, value);
  }
  if (after == After::close) header(out, "Connection", "close");
  else if (version == 10) header(out, "Connection", "keep-alive");
  out += "\r\n";
  if (!head_only && r.status != 204 && r.status != 304) out += r.body;
}

bool resource_exhausted(const error_code& ec) {
  if (ec.category() != boost::system::system_category()) return false;
  int v = ec.value();
  return v == EMFILE || v == ENFILE || v == ENOBUFS || v == ENOMEM;
}

// True at most once a second per `last`, so a flood of refusals does not flood the log.
bool may_warn(std::atomic<std::int64_t>& last) {
  std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(Clock::now().time_since_epoch()).count();
  std::int64_t seen = last.load(std::memory_order_relaxed);
  return now > seen && last.compare_exchange_strong(seen, now, std::memory_order_relaxed);
}

}  // namespace

namespace detail {

class Connection;

// Lets a Reply be called at any time, from any thread, even after the Server is gone (a
// handler's writer thread may answer a request during or after the server's destruction):
// the Core closes the gate before its io_context goes, and a Reply posts to a connection only
// while holding the gate open, so no strand is ever touched after the io_context's services.
struct ReplyGate {
  std::mutex mu;
  bool open = true;
};

class Core {
 public:
  Core(const std::string& listen, const Limits& limits, Handler& handler, int threads);
  ~Core();
  unsigned short port() const { return port_; }
  void run();
  void stop() noexcept;

  // For the connections.
  const Limits limits;
  Handler& handler;
  std::atomic<std::int64_t> last_refusal_warning{0};
  const std::shared_ptr<ReplyGate> reply_gate = std::make_shared<ReplyGate>();
  Response error_page(int status, const std::string& what);  // never throws
  const std::string& busy_page() const { return busy_; }
  void closed(Connection& c);  // from Connection::close(), on the connection's strand

 private:
  void accept();
  void on_accept(error_code ec, Socket socket);
  void on_stop();
  template <class F>
  void for_each_connection(F f);

  // The open connections, for stop(): added on accept, erased by Connection::close().
  std::mutex mu_;
  std::list<std::weak_ptr<Connection>> connections_;
  net::io_context ioc_;
  Strand strand_;  // the acceptor's, the stop pipe's and the two timers'
  Acceptor acceptor_;
  Timer backoff_;
  Timer drain_;
  Descriptor stop_reader_;
  int stop_writer_ = -1;
  int threads_;
  unsigned short port_ = 0;
  std::string busy_;  // the whole 503 answer for a connection over the cap, rendered once
  std::atomic<bool> stopping_{false};
  std::atomic<std::size_t> open_{0};      // connections holding a socket, refused ones too
  std::atomic<std::size_t> refusing_{0};  // of those, the ones being told 503
  std::atomic<std::int64_t> last_accept_warning_{0};
};

// Shared by the copies of one Reply.
struct ReplySlot {
  std::shared_ptr<ReplyGate> gate;
  std::weak_ptr<Connection> connection;
  std::uint64_t generation = 0;
  std::atomic<bool> used{false};
};

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  enum class Mode { serve, refuse };

  Connection(Core& core, Socket socket, Mode mode)
      : core_(core), strand_(socket.get_executor()), socket_(std::move(socket)), timer_(strand_),
        mode_(mode) {}

  const Strand& strand() const { return strand_; }
  Mode mode() const { return mode_; }
  std::list<std::weak_ptr<Connection>>::iterator slot;  // in Core's registry, under its lock

  // These run on the strand.
  void start();
  void begin_stop();
  void force_close() { close(); }

  // From any thread.
  static void post_reply(std::shared_ptr<Connection> self, std::uint64_t generation, Response r);

 private:
  enum class Phase { idle, reading, waiting, writing, lingering, closed };

  void begin_request();
  void begin_reading();
  void do_read();
  void on_read(error_code ec, std::size_t n);
  void parse_buffer();
  void parse_failed(const error_code& ec);
  bool check_header();
  void send_continue();
  void finish_request();
  Reply make_reply();
  void on_reply(std::uint64_t generation, Response r);
  void refuse(int status, const std::string& sentence, After after,
              std::initializer_list<std::pair<const char*, const char*>> extra = {});
  void write_response(Response r, After after, const std::string* refusal);
  void log(int status, const std::string* refusal);
  void on_write(const error_code& ec);
  void linger();
  void drain();
  void close();
  void set_deadline(Clock::duration d);
  void arm();
  void on_timer();
  void on_deadline();
  After after_header() const {
    return parser_->is_done() && parser_->keep_alive() ? After::keep : After::close;
  }

  Core& core_;
  const Strand strand_;
  Socket socket_;
  Timer timer_;
  const Mode mode_;
  beast::flat_buffer buffer_;
  std::optional<Parser> parser_;
  Request req_;
  std::string out_;
  Phase phase_ = Phase::idle;
  bool first_request_ = true;
  bool stopping_ = false;
  bool read_pending_ = false;
  bool continue_pending_ = false;
  bool header_checked_ = false;
  bool want_continue_ = false;
  bool close_after_write_ = false;
  int timer_waits_ = 0;
  std::uint64_t generation_ = 0;
  Clock::time_point deadline_;
  Clock::time_point started_;
  std::string peer_;
  bool peer_loopback_ = false;
  std::string client_;  // this request's client: the peer or what the proxy says
  std::string boundary_;  // this request's multipart/form-data boundary, if it has one
};

// ---- Connection ----------------------------------------------------------------------------

void Connection::start() {
  error_code ec;
  auto ep = socket_.remote_endpoint(ec);
  if (ec) {  // gone before we could look at it
    close();
    return;
  }
  auto address = unmapped(ep.address());
  peer_ = address.to_string();
  peer_loopback_ = address.is_loopback();
  client_ = peer_;
  socket_.set_option(tcp::no_delay(true), ec);
  if (mode_ == Mode::refuse) {
    if (may_warn(core_.last_refusal_warning))
      spdlog::warn("http: refused a connection from {}: {} connections are open", client_,
                   core_.limits.max_connections);
    phase_ = Phase::writing;
    close_after_write_ = true;
    set_deadline(core_.limits.read_timeout);
    net::async_write(socket_, net::buffer(core_.busy_page()),
                     [self = shared_from_this()](error_code e, std::size_t) { self->on_write(e); });
    return;
  }
  begin_request();
}

void Connection::begin_request() {
  phase_ = Phase::idle;
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(
      std::min<std::size_t>(core_.limits.max_header_bytes, UINT32_MAX)));
  parser_->body_limit(core_.limits.max_body_bytes);
  header_checked_ = want_continue_ = false;
  req_ = Request{};
  client_ = peer_;
  if (buffer_.size() > 0) {  // the client sent its next request already
    begin_reading();
    parse_buffer();
    return;
  }
  set_deadline(first_request_ ? core_.limits.read_timeout : core_.limits.idle_timeout);
  do_read();
}

void Connection::begin_reading() {
  phase_ = Phase::reading;
  first_request_ = false;
  started_ = Clock::now();
  set_deadline(core_.limits.read_timeout);
}

void Connection::do_read() {
  assert(!read_pending_);
  read_pending_ = true;
  socket_.async_read_some(buffer_.prepare(kReadChunk),
                          [self = shared_from_this()](error_code ec, std::size_t n) { self->on_read(ec, n); });
}

void Connection::on_read(error_code ec, std::size_t n) {
  read_pending_ = false;
  if (phase_ == Phase::lingering) {
    if (ec && ec != net::error::operation_aborted) close();  // EOF: the client has read the answer
    else drain();
    return;
  }
  // A read cancelled by a deadline, or one that raced it: whoever moved on owns the connection.
  if (phase_ != Phase::idle && phase_ != Phase::reading) return;
  if (ec) {  // EOF or reset: the client left, perhaps mid-request; there is no one to answer
    close();
    return;
  }
  buffer_.commit(n);
  if (phase_ == Phase::idle) begin_reading();
  parse_buffer();
}

void Connection::parse_buffer() {
  for (;;) {
    if (parser_->is_done()) {
      finish_request();
      return;
    }
    if (buffer_.size() == 0) {
      do_read();
      return;
    }
    error_code ec;
    std::size_t used = parser_->put(buffer_.data(), ec);
    buffer_.consume(used);
    if (ec == http::error::need_more) {
      do_read();
      return;
    }
    if (ec) {
      parse_failed(ec);
      return;
    }
    // The parser is not eager: it stops after the header, so the header is judged before a
    // byte of the body is taken.
    if (!header_checked_ && parser_->is_header_done()) {
      header_checked_ = true;
      if (!check_header()) return;
      if (want_continue_ && buffer_.size() == 0) {
        send_continue();
        return;
      }
    }
  }
}

void Connection::parse_failed(const error_code& ec) {
  if (ec == http::error::body_limit)
    refuse(413, "The request body is larger than " + std::to_string(core_.limits.max_body_bytes) + " bytes.",
           After::close);
  else if (ec == http::error::header_limit)
    refuse(431, "The request's header section is larger than " +
                    std::to_string(core_.limits.max_header_bytes) + " bytes.",
           After::close);
  else
    refuse(400, "The request is not well-formed HTTP.", After::close);
}

bool Connection::check_header() {
  const auto& m = parser_->get();
  if (core_.limits.trust_proxy && peer_loopback_) {
    // nginx sets X-Real-IP; failing that, the hop nearest to us is the last one in the last
    // X-Forwarded-For line (the ones before it are whatever the client wrote).
    std::optional<std::string> proxied;
    if (auto it = m.find("X-Real-IP"); it != m.end()) {
      proxied = ip_text(sv(it->value()));
    } else {
      std::string_view last;
      auto [from, to] = m.equal_range("X-Forwarded-For");
      for (auto it = from; it != to; ++it) last = sv(it->value());
      if (!last.empty()) {
        std::size_t comma = last.rfind(',');
        proxied = ip_text(comma == std::string_view::npos ? last : last.substr(comma + 1));
      }
    }
    if (proxied) client_ = std::move(*proxied);
  }
  http::verb verb = m.method();
  if (verb != http::verb::get && verb != http::verb::head && verb != http::verb::post) {
    refuse(405, "The method is not one this server answers.", after_header(),
           {{"Allow", "GET, HEAD, POST"}});
    return false;
  }
  std::string_view target = sv(m.target());
  if (target.empty() || target.front() != '/') {
    refuse(400, "The request target is not a path.", after_header());
    return false;
  }
  std::size_t q = target.find('?');
  std::string problem;
  auto path = decode_path(target.substr(0, q), &problem);
  if (!path) {
    refuse(400, "The address is malformed: " + problem + ".", after_header());
    return false;
  }
  req_.path = std::move(*path);
  if (q != std::string_view::npos) {
    auto query = decode_form(target.substr(q + 1), &problem);
    if (!query) {
      refuse(400, "The query is malformed: " + problem + ".", after_header());
      return false;
    }
    req_.query = std::move(*query);
  }
  bool utf8 = true;
  if (auto it = m.find(http::field::content_type); it != m.end()) {
    MediaType type = parse_media_type(sv(it->value()));
    req_.content_type = std::move(type.type);
    utf8 = type.utf8;
    boundary_ = std::move(type.boundary);
  }
  // Forms, as browsers send them, and as RFC 8058 asks one-click unsubscribes to be sent.
  const bool form = req_.content_type == "application/x-www-form-urlencoded" ||
                    (req_.content_type == "multipart/form-data" && !boundary_.empty());
  if (verb == http::verb::post && (!form || !utf8)) {
    refuse(415, "The body must be a form sent as application/x-www-form-urlencoded or multipart/form-data in UTF-8.",
           after_header());
    return false;
  }
  if (m.version() == 11 && !parser_->is_done()) {
    auto it = m.find(http::field::expect);
    want_continue_ = it != m.end() && iequals(trim(sv(it->value())), "100-continue");
  }
  return true;
}

// curl and some libraries wait up to a second for this before they send a body.
void Connection::send_continue() {
  want_continue_ = false;
  continue_pending_ = true;
  net::async_write(socket_, net::buffer(kContinue.data(), kContinue.size()),
                   [self = shared_from_this()](error_code ec, std::size_t) {
                     self->continue_pending_ = false;
                     if (self->phase_ != Phase::reading) return;
                     if (ec) self->close();
                     else self->parse_buffer();
                   });
}

void Connection::finish_request() {
  auto& m = parser_->get();
  if (m.method() == http::verb::post) {
    std::string problem;
    auto form = req_.content_type == "multipart/form-data" ? decode_multipart_form(m.body(), boundary_, &problem)
                                                              : decode_form(m.body(), &problem);
    if (!form) {
      refuse(400, "The form is malformed: " + problem + ".", after_header());
      return;
    }
    req_.form = std::move(*form);
  }
  req_.method = std::string(sv(m.method_string()));
  req_.client = client_;
  phase_ = Phase::waiting;
  ++generation_;  // a Reply of an earlier request that turns up now is dropped
  set_deadline(core_.limits.reply_timeout);
  const char* threw = nullptr;
  std::string what;
  try {
    core_.handler.handle(std::move(req_), make_reply());
  } catch (const std::exception& e) {
    threw = "an exception";
    what = printable(e.what());
  } catch (...) {
    threw = "an unknown exception";
  }
  if (threw && phase_ == Phase::waiting) {
    spdlog::warn("http: the handler threw {}: {}", threw, what);
    ++generation_;
    refuse(500, "The server failed to answer the request.", after_header());
  }
}

Reply Connection::make_reply() {
  auto slot = std::make_shared<ReplySlot>();
  slot->gate = core_.reply_gate;
  slot->connection = weak_from_this();
  slot->generation = generation_;
  return [slot](Response r) {
    bool again = slot->used.exchange(true, std::memory_order_acq_rel);
    assert(!again && "a Reply was called twice");
    if (again) return;
    std::lock_guard lock(slot->gate->mu);
    if (!slot->gate->open) return;  // the server is gone: nobody to answer
    // The connection (and the strand it holds) is let go inside the lock, before the
    // io_context can be destroyed.
    if (auto c = slot->connection.lock()) post_reply(std::move(c), slot->generation, std::move(r));
  };
}

void Connection::post_reply(std::shared_ptr<Connection> self, std::uint64_t generation, Response r) {
  Strand strand = self->strand_;
  net::post(strand, [self = std::move(self), generation, r = std::move(r)]() mutable {
    self->on_reply(generation, std::move(r));
  });
}

void Connection::on_reply(std::uint64_t generation, Response r) {
  if (generation != generation_ || phase_ != Phase::waiting) return;  // too late: dropped
  if (r.status < 200 || r.status > 599) {
    spdlog::warn("http: the handler answered with status {}; sent a 500 instead", r.status);
    r = core_.error_page(500, "The server failed to answer the request.");
  }
  write_response(std::move(r), after_header(), nullptr);
}

void Connection::refuse(int status, const std::string& sentence, After after,
                        std::initializer_list<std::pair<const char*, const char*>> extra) {
  Response r = core_.error_page(status, sentence);
  for (const auto& [name, value] : extra) r.headers.emplace_back(name, value);
  write_response(std::move(r), after, &sentence);
}

void Connection::write_response(Response r, After after, const std::string* refusal) {
  if (stopping_) after = After::close;
  const auto& m = parser_->get();
  render(out_, r, m.method() == http::verb::head, after, m.version());
  log(r.status, refusal);
  phase_ = Phase::writing;
  close_after_write_ = after == After::close;
  set_deadline(core_.limits.read_timeout);
  net::async_write(socket_, net::buffer(out_),
                   [self = shared_from_this()](error_code ec, std::size_t) { self->on_write(ec); });
}

void Connection::log(int status, const std::string* refusal) {
  const auto& m = parser_->get();
  std::string_view target = sv(m.target());
  std::string method = log_safe(sv(m.method_string()), 16);
  std::string path = log_safe(target.substr(0, target.find('?')));
  double ms = std::chrono::duration<double, std::milli>(Clock::now() - started_).count();
  if (refusal)
    spdlog::warn("http: {} {} {} in {:.1f} ms from {}: {}", method, path, status, ms, client_, *refusal);
  else
    spdlog::info("http: {} {} {} in {:.1f} ms from {}", method, path, status, ms, client_);
}

void Connection::on_write(const error_code& ec) {
  if (phase_ != Phase::writing) return;
  if (ec) {
    close();
    return;
  }
  if (close_after_write_ || stopping_) linger();
  else begin_request();
}

void Connection::linger() {
  phase_ = Phase::lingering;
  error_code ec;
  socket_.shutdown(tcp::socket::shutdown_send, ec);
  if (ec) {
    close();
    return;
  }
  set_deadline(std::min<Clock::duration>(kLinger, core_.limits.read_timeout));
  drain();
}

void Connection::drain() {
  if (read_pending_) return;  // a cancelled read still to be told; on_read comes back here
  buffer_.clear();
  read_pending_ = true;
  socket_.async_read_some(buffer_.prepare(kReadChunk),
                          [self = shared_from_this()](error_code ec, std::size_t n) { self->on_read(ec, n); });
}

void Connection::begin_stop() {
  stopping_ = true;
  if (phase_ == Phase::idle) close();
}

void Connection::close() {
  if (phase_ == Phase::closed) return;
  phase_ = Phase::closed;
  error_code ec;
  socket_.close(ec);
  timer_.cancel();
  core_.closed(*this);
}

// The timer is re-armed only when a deadline comes earlier than the one it waits for; a later
// one is picked up when it fires. Most phase changes thus cost no timer operation.
void Connection::set_deadline(Clock::duration d) {
  deadline_ = Clock::now() + d;
  if (timer_waits_ == 0 || deadline_ < timer_.expiry()) {
    timer_.expires_at(deadline_);
    arm();
  }
}

void Connection::arm() {
  ++timer_waits_;
  timer_.async_wait([self = shared_from_this()](error_code) { self->on_timer(); });
}

void Connection::on_timer() {
  --timer_waits_;
  if (phase_ == Phase::closed || timer_waits_ > 0) return;
  if (Clock::now() >= deadline_) {
    on_deadline();
  } else {
    timer_.expires_at(deadline_);
    arm();
  }
}

void Connection::on_deadline() {
  switch (phase_) {
    case Phase::idle:  // nothing begun: close without a word
      close();
      break;
    case Phase::reading:
      if (continue_pending_) {  // not two writes at once; the client is not reading anyway
        close();
        break;
      }
      if (read_pending_) {
        error_code ec;
        socket_.cancel(ec);
      }
      refuse(408, "The request did not arrive in time.", After::close);
      break;
    case Phase::waiting:
      ++generation_;
      refuse(503, "The server did not answer in time.", After::close, {{"Retry-After", "1"}});
      break;
    case Phase::writing:  // the client does not take its answer
    case Phase::lingering:
      close();
      break;
    case Phase::closed:
      break;
  }
}

// ---- Core ----------------------------------------------------------------------------------

Core::Core(const std::string& listen, const Limits& l, Handler& h, int threads)
    : limits(l), handler(h), ioc_(std::max(threads, 1)), strand_(net::make_strand(ioc_)),
      acceptor_(strand_), backoff_(strand_), drain_(strand_), stop_reader_(strand_),
      threads_(std::max(threads, 1)) {
  tcp::endpoint ep;
  std::string why;
  if (!parse_listen(listen, ep, why)) throw std::runtime_error("cannot listen on " + listen + ": " + why);
  error_code ec;
  auto check = [&] {
    if (ec) throw std::runtime_error("cannot listen on " + listen + ": " + ec.message());
  };
  acceptor_.open(ep.protocol(), ec);
  check();
  acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  check();
  acceptor_.bind(ep, ec);
  check();
  acceptor_.listen(net::socket_base::max_listen_connections, ec);
  check();
  port_ = acceptor_.local_endpoint(ec).port();
  int fds[2];
  if (::pipe2(fds, O_NONBLOCK | O_CLOEXEC) != 0)
    throw std::runtime_error(std::string("cannot make the stop pipe: ") + std::strerror(errno));
  stop_reader_.assign(fds[0]);
  stop_writer_ = fds[1];

  Response busy = error_page(503, "The server is busy; try again in a moment.");
  busy.headers.emplace_back("Retry-After", "1");
  render(busy_, busy, false, After::close, 11);

  struct rlimit rl {};
  if (::getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
      limits.max_connections + 64 > rl.rlim_cur)
    spdlog::warn("http: max_connections {} leaves little of the {} file descriptors the process may "
                 "open; raise `ulimit -n`",
                 limits.max_connections, static_cast<unsigned long long>(rl.rlim_cur));
}

Core::~Core() {
  {
    std::lock_guard lock(reply_gate->mu);
    reply_gate->open = false;
  }
  if (stop_writer_ >= 0) ::close(stop_writer_);
}

void Core::run() {
  accept();
  stop_reader_.async_wait(Descriptor::wait_read, [this](error_code) { on_stop(); });
  std::vector<std::thread> more;
  for (int i = 1; i < threads_; ++i) more.emplace_back([this] { ioc_.run(); });
  ioc_.run();
  for (auto& t : more) t.join();
}

void Core::stop() noexcept {
  char byte = 1;
  if (::write(stop_writer_, &byte, 1) < 0) {
    // EAGAIN: the pipe is full, so a byte is there already. Nothing else can go wrong that a
    // signal handler could do something about.
  }
}

void Core::accept() {
  acceptor_.async_accept(net::make_strand(ioc_), [this](error_code ec, Socket socket) {
    on_accept(ec, std::move(socket));
  });
}

void Core::on_accept(error_code ec, Socket socket) {
  if (ec == net::error::operation_aborted || stopping_.load()) return;  // `socket` closes itself
  if (ec) {
    // The listening socket stays readable while accept(2) fails for want of a descriptor, so
    // accepting again at once would spin; wait a little and let connections end meanwhile.
    bool exhausted = resource_exhausted(ec);
    if (may_warn(last_accept_warning_))
      spdlog::warn("http: cannot accept a connection: {}; trying again shortly", ec.message());
    backoff_.expires_after(exhausted ? kBackoffExhausted : kBackoffOther);
    backoff_.async_wait([this](error_code e) {
      if (!e && !stopping_.load()) accept();
    });
    return;
  }
  auto mode = Connection::Mode::serve;
  std::size_t refusing = refusing_.load();
  if (open_.load() - refusing >= limits.max_connections) {
    if (refusing >= limits.max_connections) {  // a flood: not even a 503
      accept();
      return;
    }
    mode = Connection::Mode::refuse;
  }
  auto c = std::make_shared<Connection>(*this, std::move(socket), mode);
  {
    std::lock_guard<std::mutex> lock(mu_);
    c->slot = connections_.insert(connections_.end(), c);
  }
  ++open_;
  if (mode == Connection::Mode::refuse) ++refusing_;
  net::dispatch(c->strand(), [c] { c->start(); });
  accept();
}

template <class F>
void Core::for_each_connection(F f) {
  std::vector<std::shared_ptr<Connection>> all;
  {
    std::lock_guard<std::mutex> lock(mu_);
    all.reserve(connections_.size());
    for (const auto& w : connections_)
      if (auto c = w.lock()) all.push_back(std::move(c));
  }
  for (const auto& c : all) f(c);
}

void Core::on_stop() {
  if (stopping_.exchange(true)) return;
  error_code ec;
  acceptor_.close(ec);
  backoff_.cancel();
  // The pipe stays open (no wait on it, so no work for run()): a later stop() must find a
  // reader, or its write would raise SIGPIPE.
  std::size_t n = 0;
  for_each_connection([&n](const std::shared_ptr<Connection>& c) {
    ++n;
    net::post(c->strand(), [c] { c->begin_stop(); });
  });
  spdlog::info("http: stopping; {} connection(s) open", n);
  if (open_.load() == 0) return;
  drain_.expires_after(limits.drain_timeout);
  drain_.async_wait([this](error_code e) {
    if (e) return;  // every connection ended in time
    std::size_t left = 0;
    for_each_connection([&left](const std::shared_ptr<Connection>& c) {
      ++left;
      net::post(c->strand(), [c] { c->force_close(); });
    });
    if (left > 0)
      spdlog::warn("http: {} connection(s) still busy {} ms after stop; closed them", left,
                   limits.drain_timeout.count());
  });
}

void Core::closed(Connection& c) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    connections_.erase(c.slot);
  }
  if (c.mode() == Connection::Mode::refuse) --refusing_;
  // The last one out during a stop lets run() return before drain_timeout.
  if (--open_ == 0 && stopping_.load()) net::post(strand_, [this] { drain_.cancel(); });
}

Response Core::error_page(int status, const std::string& what) {
  try {
    Response r = handler.error_page(status, what);
    r.status = status;
    return r;
  } catch (...) {
    Response r;
    r.status = status;
    r.body = what + "\n";
    r.content_type = "text/plain; charset=utf-8";
    return r;
  }
}

}  // namespace detail

// ---- Server --------------------------------------------------------------------------------

Server::Server(const std::string& listen, const Limits& limits, Handler& handler, int threads)
    : core_(std::make_unique<detail::Core>(listen, limits, handler, threads)) {}
Server::~Server() = default;
unsigned short Server::port() const { return core_->port(); }
void Server::run() { core_->run(); }
void Server::stop() { core_->stop(); }

}  // namespace tv::serve
