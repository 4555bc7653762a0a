#include "stages/digest/mime.hpp"

#include <algorithm>

#include "stages/common/inbox_text.hpp"

namespace tv::digest {
namespace {

constexpr std::size_t kMaxLine = 78;  // RFC 5322 "SHOULD"; never near the 998 limit
constexpr std::string_view kFffd = "\xEF\xBF\xBD";

bool plain_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// The code points of `s` as byte ranges, so encoded words never split a character.
std::vector<std::string_view> characters(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t start = i;
    inbox_text::next_code_point(s, i);
    out.push_back(s.substr(start, i - start));
  }
  return out;
}

// Encoded words for `text`, each "=?UTF-8?B?...?=" at most 75 characters (RFC 2047 §2),
// split between characters.
std::vector<std::string> encoded_words(std::string_view text) {
  // Bytes per word: base64 of 39 is 52, + 12 of wrapper = 64, so a word fits after any of our
  // header names ("Subject: " + 64 = 73) and on a folded line.
  constexpr std::size_t kMaxPayload = 39;
  std::vector<std::string> words;
  std::string chunk;
  for (auto ch : characters(text)) {
    if (chunk.size() + ch.size() > kMaxPayload) {
      words.push_back("=?UTF-8?B?" + base64(chunk) + "?=");
      chunk.clear();
    }
    chunk += ch;
  }
  if (!chunk.empty()) words.push_back("=?UTF-8?B?" + base64(chunk) + "?=");
  return words;
}

// Joins tokens with single spaces, folding (CRLF + space) before a token that would take the
// line past kMaxLine. `used` is what the line already holds ("Subject: ").
std::string fold(const std::vector<std::string>& tokens, std::size_t used) {
  std::string out;
  std::size_t line = used;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto& t = tokens[i];
    if (i > 0) {
      if (line + 1 + t.size() > kMaxLine) {
        out += "\r\n ";
        line = 1;
      } else {
        out += ' ';
        ++line;
      }
    }
    out += t;
    line += t.size();
  }
  return out;
}

std::vector<std::string> words_of(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    auto sp = s.find(' ', i);
    if (sp == std::string_view::npos) sp = s.size();
    if (sp > i) out.emplace_back(s.substr(i, sp - i));
    i = sp + 1;
  }
  return out;
}

// A word longer than this is never written as it is: folding cannot split it, and with the
// header's name and a fold it could pass the 998-octet line limit (RFC 5322 2.1.1). Links
// (List-Unsubscribe, about 110) stay readable; only a pathological value is encoded.
constexpr std::size_t kLongestPlainWord = 900;

// The value's tokens: plain ASCII words as they are (a long one is left whole: it cannot be
// folded), or encoded words when any character is not ASCII, the text looks like an encoded
// word itself, or a word is too long for any line.
std::vector<std::string> value_tokens(const std::string& safe) {
  if (plain_ascii(safe) && safe.find("=?") == std::string::npos) {
    auto words = words_of(safe);
    if (std::none_of(words.begin(), words.end(), [](std::string_view w) { return w.size() > kLongestPlainWord; }))
      return words;
  }
  return encoded_words(safe);
}

}  // namespace

std::string base64(std::string_view in) {
  static const char* const t = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    unsigned v = (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8 | (unsigned char)in[i + 2];
    out += t[v >> 18], out += t[(v >> 12) & 63], out += t[(v >> 6) & 63], out += t[v & 63];
  }
  if (i + 1 == in.size()) {
    unsigned v = (unsigned char)in[i] << 16;
    out += t[v >> 18], out += t[(v >> 12) & 63], out += "==";
  } else if (i + 2 == in.size()) {
    unsigned v = (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8;
    out += t[v >> 18], out += t[(v >> 12) & 63], out += t[(v >> 6) & 63], out += '=';
  }
  return out;
}

std::string header_safe(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  bool space = false;
  auto put_space = [&] { space = !out.empty(); };
  while (i < text.size()) {
    std::size_t start = i;
    long cp = inbox_text::next_code_point(text, i);
    if (cp == ' ' || cp == '\t' || inbox_text::is_control(cp) || cp == 0x2028 || cp == 0x2029) {
      put_space();
      continue;
    }
    if (space) out += ' ';
    space = false;
    if (cp < 0) out += kFffd;
    else out.append(text.substr(start, i - start));
  }
  return out;
}

std::string header(std::string_view name, std::string_view value) {
  std::string safe = header_safe(value);
  std::string out(name);
  out += ": ";
  return out + fold(value_tokens(safe), out.size());
}

std::string address(std::string_view display_name, std::string_view email) {
  std::string mail = header_safe(email);
  for (char& c : mail)
    if (c == ' ' || c == '<' || c == '>' || c == ',') c = '_';  // cannot be valid here; never a second address
  std::string name = header_safe(display_name);
  if (name.empty()) return "<" + mail + ">";
  std::vector<std::string> tokens;
  if (plain_ascii(name) && name.find("=?") == std::string::npos && name.size() <= kLongestPlainWord) {
    std::string quoted = "\"";
    for (char c : name) {
      if (c == '"' || c == '\\') quoted += '\\';
      quoted += c;
    }
    tokens.push_back(quoted + "\"");
  } else {
    tokens = encoded_words(name);
  }
  tokens.push_back("<" + mail + ">");
  return fold(tokens, 4);  // "To: " or "From: "-sized start; the caller prefixes the name
}

std::string quoted_printable(std::string_view text) {
  static const char* const hex = "0123456789ABCDEF";
  std::string out, line;
  auto flush_soft = [&] {
    out += line;
    out += "=\r\n";
    line.clear();
  };
  auto emit = [&](std::string_view piece) {
    if (line.size() + piece.size() > 75) flush_soft();  // 75 + "=" = 76
    line += piece;
  };
  auto encoded = [&](unsigned char c) {
    char b[3] = {'=', hex[c >> 4], hex[c & 15]};
    return std::string(b, 3);
  };
  // Normalise: ill-formed UTF-8 to U+FFFD, then encode line by line.
  std::string clean;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t start = i;
    long cp = inbox_text::next_code_point(text, i);
    clean.append(cp < 0 ? kFffd : text.substr(start, i - start));
  }
  std::size_t pos = 0;
  while (pos <= clean.size()) {
    auto nl = clean.find('\n', pos);
    std::string_view l = std::string_view(clean).substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    for (std::size_t k = 0; k < l.size(); ++k) {
      unsigned char c = static_cast<unsigned char>(l[k]);
      const bool last = k + 1 == l.size();
      const bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last);
      const bool dot_first = c == '.' && line.empty();
      if (literal && !dot_first) {
        char one[1] = {static_cast<char>(c)};
        emit(std::string_view(one, 1));
      } else {
        emit(encoded(c));
      }
    }
    out += line;
    line.clear();
    if (nl == std::string::npos) break;
    out += "\r\n";
    pos = nl + 1;
  }
  return out;
}

std::string multipart_alternative(const std::vector<std::string>& headers, std::string_view text,
                                  std::string_view html, std::string_view boundary) {
  return multipart_alternative_encoded(headers, quoted_printable(text), quoted_printable(html), boundary);
}

std::string multipart_alternative_encoded(const std::vector<std::string>& headers, std::string_view text_qp,
                                          std::string_view html_qp, std::string_view boundary) {
  std::string out;
  out.reserve(text_qp.size() + html_qp.size() + 2048);
  for (const auto& h : headers) out.append(h).append("\r\n");
  out += "MIME-Version: 1.0\r\n";
  out.append("Content-Type: multipart/alternative; boundary=\"").append(boundary).append("\"\r\n\r\n");
  auto part = [&](const char* type, std::string_view body) {
    out.append("--").append(boundary).append("\r\n");
    out.append("Content-Type: ").append(type).append("; charset=UTF-8\r\n");
    out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
    out.append(body).append("\r\n");
  };
  part("text/plain", text_qp);
  part("text/html", html_qp);
  out.append("--").append(boundary).append("--\r\n");
  return out;
}

}  // namespace tv::digest
