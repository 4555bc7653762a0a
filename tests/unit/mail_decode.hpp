// Test helpers: decoders for the mail the digest writes, written apart from the encoders in
// stages/digest (so a test compares the encoder against an independent reading, not against
// itself). Shared by the mime, digest_letter and digest_send suites.
#pragma once
#include <cctype>
#include <string>
#include <vector>

namespace tv::test {

inline std::vector<std::string> split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  for (;;) {
    auto at = s.find(sep, pos);
    out.push_back(s.substr(pos, at == std::string::npos ? std::string::npos : at - pos));
    if (at == std::string::npos) return out;
    pos = at + sep.size();
  }
}

// RFC 2045 quoted-printable. `ok` (when given) turns false on a malformed escape, which is
// kept as it is.
inline std::string qp_decode(const std::string& s, bool* ok = nullptr) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '=') {
      out += s[i];
    } else if (s.compare(i + 1, 2, "\r\n") == 0) {
      i += 2;
    } else if (i + 2 < s.size() && std::isxdigit((unsigned char)s[i + 1]) && std::isxdigit((unsigned char)s[i + 2])) {
      out += char(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      if (ok) *ok = false;
      out += s[i];
    }
  }
  return out;
}

// RFC 4648 base64 (padding ends it).
inline std::string b64_decode(const std::string& s) {
  const std::string t = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  unsigned v = 0;
  int bits = 0;
  for (char c : s) {
    if (c == '=') break;
    v = v << 6 | unsigned(t.find(c));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += char((v >> bits) & 0xFF);
    }
  }
  return out;
}

// Header lines unfolded: a line starting with a space or tab continues the one before.
inline std::vector<std::string> unfold(const std::vector<std::string>& lines) {
  std::vector<std::string> logical;
  for (const auto& l : lines) {
    if (!l.empty() && (l[0] == ' ' || l[0] == '\t') && !logical.empty())
      logical.back() += l;
    else
      logical.push_back(l);
  }
  return logical;
}

}  // namespace tv::test
