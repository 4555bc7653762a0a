// Server: the HTTP/1.1 transport of `pipeline serve`, meant to sit behind nginx on loopback. It
// reads requests, refuses the ones that break its rules itself, and hands the rest, decoded, to
// a Handler, which answers through a Reply whenever it likes and from whichever thread.
//
// What the server answers itself (the Handler never sees these requests; the page comes from
// Handler::error_page with a fixed sentence, and nothing the client sent is put into the page
// or the log except a path with every byte outside [A-Za-z0-9/_.-] replaced by '?'):
//   400  a request line or header Beast cannot parse (an HTTP version other than 1.0 and 1.1
//        among them); a target that is not a path ("*", "http://host/x"); a path or query or
//        form that breaks the rules in form.hpp;
//   405  a method other than GET, HEAD and POST (with Allow: GET, HEAD, POST);
//   408  a request that has begun but is not complete within Limits::read_timeout;
//   413  a body over Limits::max_body_bytes (by Content-Length, before the body is read, or by
//        chunks growing past it);
//   415  a POST whose body is not application/x-www-form-urlencoded or multipart/form-data
//        with a boundary (RFC 8058's one-click is either; a charset parameter must
//        say utf-8);
//   431  a header section over Limits::max_header_bytes;
//   503  more than Limits::max_connections connections at once (the new one is answered at
//        once, with Retry-After: 1, and closed), or no Reply within Limits::reply_timeout.
// After a 400 parse error, a 408, a 413, a 431, a 503 and any refusal made before a body
// was read, the connection is closed; otherwise it stays open as the client asked.
//
// Every response carries Content-Length (but a 204), Date, Cache-Control: no-store,
// X-Content-Type-Options: nosniff, Referrer-Policy: no-referrer and a Content-Security-Policy
// that allows only the site's own style sheet and forms; a Response header of the same name
// (compared without case) replaces a default one. Content-Length, Connection, Date and
// Transfer-Encoding belong to the server; a header with a control character in its name or
// value is dropped with a warning. A HEAD request reaches the Handler as "HEAD": answer it as a
// GET, and the server sends the head of that answer without the body.
//
// Each request is one spdlog line: info for the Handler's answers, warn for the server's own
// refusals (with the sentence). Threads: one io_context run by `threads` threads; each
// connection is served on its own strand, so Handler::handle and Handler::error_page may be
// called from several threads at once when `threads` > 1.
#pragma once
#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace tv::serve {

namespace detail {
class Core;  // http_server.cpp: the io_context, the acceptor and the connections
}

struct Request {
  std::string method;                        // "GET", "HEAD" or "POST"
  std::string path;                          // the target's path, percent-decoded, no query
  std::map<std::string, std::string> query;  // the decoded query parameters
  std::map<std::string, std::string> form;   // a POST's decoded form body ({} otherwise)
  std::string content_type;                  // lower-cased media type without parameters, or ""
  std::string client;  // the peer's IP; when the peer is loopback and Limits::trust_proxy, the
                       // X-Real-IP header's, else the last X-Forwarded-For hop's (each only
                       // when it is an IP address)
};

struct Response {
  int status = 200;  // 200-599; anything else is sent as a 500
  std::string body;
  std::string content_type = "text/html; charset=utf-8";
  std::string location;  // sent as Location when not empty (for 303)
  std::vector<std::pair<std::string, std::string>> headers;  // extra ones (e.g. Retry-After)
};

// Answers one request. Call it exactly once, from any thread; the write is posted onto the
// connection's strand. When the connection has gone meanwhile (the client left, the reply
// came after reply_timeout's 503, the server stopped) the answer is dropped without a word.
// A second call is a programmer error: it asserts in a debug build and is ignored otherwise.
// A Reply dropped without a call leaves the client to reply_timeout's 503.
using Reply = std::function<void(Response)>;

class Handler {
 public:
  virtual ~Handler() = default;
  // Must not block: it runs on an I/O thread. It may call `reply` before it returns or later
  // from another thread. An exception escaping it is answered with a 500.
  virtual void handle(Request request, Reply reply) = 0;
  // The page for a refusal the server makes itself; `what` is one plain sentence of the
  // server's own ("The request body is larger than 4096 bytes."), never text from the request.
  // Called on I/O threads (and once in Server's constructor, for the busy page). An exception
  // escaping it is replaced by a plain-text page holding `what`.
  virtual Response error_page(int status, const std::string& what) = 0;
};

struct Limits {
  std::size_t max_body_bytes = 4096;    // a larger body: 413, without reading it
  std::size_t max_header_bytes = 8192;  // a larger request line + header section: 431
  // One more: 503 at once and closed. Past twice this many (the 503s still being written
  // count too) a new connection is closed without a word. Keep it well under `ulimit -n`.
  std::size_t max_connections = 512;
  // A request, from its first byte to its last, must arrive within this: else 408 and close
  // (slowloris). A connection's first request must also begin within it. A response the
  // client does not take within it ends the connection.
  std::chrono::milliseconds read_timeout{10000};
  std::chrono::milliseconds idle_timeout{30000};   // a kept-alive connection with no new request
  std::chrono::milliseconds reply_timeout{30000};  // no Reply within this: 503 and close
  // stop(): how long in-flight requests may take to finish before their connections are cut.
  std::chrono::milliseconds drain_timeout{5000};
  bool trust_proxy = true;  // take the client from X-Real-IP / X-Forwarded-For of a loopback peer
};

class Server {
 public:
  // Binds `listen` ("127.0.0.1:8025", "[::1]:8025"; port 0 takes any free port) and renders
  // the busy page. Throws std::runtime_error naming the address when the address is not an IP
  // address and port or cannot be bound. Nothing is served before run().
  Server(const std::string& listen, const Limits& limits, Handler& handler, int threads = 1);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  unsigned short port() const;  // the bound port (useful with port 0)

  // Serves on the calling thread and `threads` - 1 more until stop(); returns once every
  // connection is closed. Call it once.
  void run();

  // Stops accepting, closes idle connections, lets the requests in flight finish (their
  // answers say Connection: close) for at most Limits::drain_timeout, then cuts what is left;
  // run() then returns. It only writes a byte to a pipe, so it may be called from any thread
  // and from a signal handler, before run() and more than once.
  void stop();

 private:
  std::unique_ptr<detail::Core> core_;
};

}  // namespace tv::serve
