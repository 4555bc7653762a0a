// digest/dkim: signatures checked by a real verifier, libopendkim's own verify mode, with the
// public key read from a key file (DKIM_QUERY_FILE: "selector._domainkey.domain v=DKIM1; ...")
// instead of DNS. Keys are made at run time with OpenSSL. The verifier reads the signed
// message whole (dkim_chunk), not through the signer's own header splitting.
//
// With TV_DKIM_SAMPLE_DIR set, "good signature" also writes good.eml, tampered.eml and
// keys.txt there, for tests/digest/dkim_verify.py:
//   TV_DKIM_SAMPLE_DIR=/tmp/dkim-sample <unit test> --run_test=dkim/good_signature_verifies
//   /usr/bin/python3 tests/digest/dkim_verify.py --dns-file /tmp/dkim-sample/keys.txt
//       /tmp/dkim-sample/good.eml
#include <boost/test/unit_test.hpp>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "stages/digest/dkim.hpp"
#include "tests/unit/test_util.hpp"

// dkim.h declares `struct dkim` at the scope it is included in, which would clash with the
// suite's namespace `dkim`: its C declarations go in namespace odkim instead (C linkage, so
// they are the same functions), after the system headers it includes. dkim.h spells bool as
// C's _Bool.
#include <inttypes.h>
#include <sys/param.h>
#include <sys/time.h>
#include <sys/types.h>
namespace odkim {
#define _Bool bool
#include <opendkim/dkim.h>
#undef _Bool
}  // namespace odkim
namespace od = odkim;

using namespace tv::digest;
namespace fs = std::filesystem;

namespace {

const std::string kDomain = "tool-verdicts.example";
const std::string kSelector = "digest2026";

// ---- Keys ------------------------------------------------------------------------------------

struct Key {
  std::string pem;         // private key, PKCS#8 PEM
  std::string public_b64;  // SubjectPublicKeyInfo DER in base64, for p=
};

std::string b64(const unsigned char* p, int n) {
  std::string out(std::size_t(4 * ((n + 2) / 3)) + 1, '\0');
  out.resize(std::size_t(EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), p, n)));
  return out;
}

std::string pem_of(EVP_PKEY* k, const EVP_CIPHER* cipher = nullptr, const char* pass = nullptr) {
  BIO* bio = BIO_new(BIO_s_mem());
  BOOST_REQUIRE(PEM_write_bio_PKCS8PrivateKey(bio, k, cipher, const_cast<char*>(pass), pass ? int(std::strlen(pass)) : 0,
                                              nullptr, nullptr) == 1);
  char* data = nullptr;
  long n = BIO_get_mem_data(bio, &data);
  std::string out(data, std::size_t(n));
  BIO_free(bio);
  return out;
}

Key key_of(EVP_PKEY* k) {
  Key key;
  key.pem = pem_of(k);
  unsigned char* der = nullptr;
  int n = i2d_PUBKEY(k, &der);
  BOOST_REQUIRE(n > 0);
  key.public_b64 = b64(der, n);
  OPENSSL_free(der);
  return key;
}

Key make_rsa(unsigned bits) {
  EVP_PKEY* k = EVP_RSA_gen(bits);
  BOOST_REQUIRE(k != nullptr);
  Key key = key_of(k);
  EVP_PKEY_free(k);
  return key;
}

const Key& rsa2048() {
  static const Key k = make_rsa(2048);
  return k;
}

// The file libopendkim's DKIM_QUERY_FILE (and dkim_verify.py) reads the public key from.
std::string key_line(const Key& key, const std::string& selector = kSelector, const std::string& domain = kDomain) {
  return selector + "._domainkey." + domain + " v=DKIM1; k=rsa; p=" + key.public_b64 + "\n";
}

DkimSigner signer(const Key& key = rsa2048()) { return DkimSigner({kDomain, kSelector, key.pem}); }

// ---- The verifier ----------------------------------------------------------------------------

struct Verdict {
  od::DKIM_STAT status = DKIM_STAT_INTERNAL;
  int sig_error = -1;  // DKIM_SIGERROR_*
  int body_hash = -1;  // DKIM_SIGBH_*
  std::string detail;
  bool ok() const { return status == DKIM_STAT_OK && sig_error == DKIM_SIGERROR_OK && body_hash == DKIM_SIGBH_MATCH; }
};

std::ostream& operator<<(std::ostream& os, const Verdict& v) {
  return os << "status " << v.status << " (" << (od::dkim_getresultstr(v.status) ? od::dkim_getresultstr(v.status) : "?")
            << "), sig error " << v.sig_error << " ("
            << (v.sig_error >= 0 && od::dkim_sig_geterrorstr(v.sig_error) ? od::dkim_sig_geterrorstr(v.sig_error) : "?")
            << "), body hash " << v.body_hash << ", \"" << v.detail << "\"";
}

Verdict verify(const std::string& message, const fs::path& key_file) {
  Verdict v;
  od::DKIM_LIB* lib = od::dkim_init(nullptr, nullptr);
  BOOST_REQUIRE(lib != nullptr);
  od::dkim_query_t method = DKIM_QUERY_FILE;
  std::string path = key_file.string();
  BOOST_REQUIRE(od::dkim_options(lib, DKIM_OP_SETOPT, DKIM_OPTS_QUERYMETHOD, &method, sizeof method) == DKIM_STAT_OK);
  BOOST_REQUIRE(od::dkim_options(lib, DKIM_OP_SETOPT, DKIM_OPTS_QUERYINFO, path.data(), path.size()) == DKIM_STAT_OK);
  od::DKIM_STAT st = DKIM_STAT_OK;
  od::DKIM* d = od::dkim_verify(lib, reinterpret_cast<const unsigned char*>("test"), nullptr, &st);
  BOOST_REQUIRE(d != nullptr);
  std::string copy = message;
  st = od::dkim_chunk(d, reinterpret_cast<unsigned char*>(copy.data()), copy.size());
  if (st == DKIM_STAT_OK) st = od::dkim_chunk(d, nullptr, 0);
  if (st == DKIM_STAT_OK) st = od::dkim_eom(d, nullptr);
  v.status = st;
  if (od::DKIM_SIGINFO* sig = od::dkim_getsignature(d)) {
    v.sig_error = od::dkim_sig_geterror(sig);
    v.body_hash = od::dkim_sig_getbh(sig);
  }
  if (const char* e = od::dkim_geterror(d)) v.detail = e;
  od::dkim_free(d);
  od::dkim_close(lib);
  return v;
}

// ---- Messages --------------------------------------------------------------------------------

// One reader's digest as compose() makes it: the same fields in the same order, an encoded
// word in the folded Subject, both unsubscribe links, multipart/alternative in
// quoted-printable, CRLF throughout. `lines` repeats a body line to reach a size.
std::string digest_message(const std::string& message_id = "<20261123060000.4f2a@tool-verdicts.example>",
                           std::size_t lines = 40) {
  const std::string boundary = "=_tv_3a9f0c2d7e1b4a6c8d0e2f41";
  std::string m =
      "Date: Mon, 23 Nov 2026 06:00:00 +0000\r\n"
      "Message-ID: " + message_id + "\r\n"
      "From: Weekly AI Tool Verdicts <digest@tool-verdicts.example>\r\n"
      "To: =?UTF-8?B?QW5uYSBLw7ZobGVy?= <anna@example.org>\r\n"
      "Subject: Weekly AI Tool Verdicts, 2026-W47: SmolLM3 vs SmolVLM2 and 5\r\n"
      " =?UTF-8?B?bW9yZSDigJQgbm93IHdpdGggcHJpY2Vz?=\r\n"
      "List-Id: Weekly AI Tool Verdicts <weekly.tool-verdicts.example>\r\n"
      "List-Unsubscribe: <https://tool-verdicts.example/unsubscribe?t=eyJlIjoiYW5uYUBleGFtcGxlLm9yZyJ9.q0Jx>,\r\n"
      " <mailto:unsubscribe@tool-verdicts.example?subject=unsubscribe>\r\n"
      "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"
      "MIME-Version: 1.0\r\n"
      "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n"
      "\r\n"
      "--" + boundary + "\r\n"
      "Content-Type: text/plain; charset=UTF-8\r\n"
      "Content-Transfer-Encoding: quoted-printable\r\n"
      "\r\n"
      "Weekly AI Tool Verdicts, 16 to 22 November 2026\r\n"
      "\r\n";
  for (std::size_t i = 0; i < lines; ++i)
    m += "- SmolLM3 vs SmolVLM2 (Developer Tools): the panel leans SmolLM3, 4 of 5 w=\r\n"
         "ould ship; community 72% ship (118 votes) =E2=80=94 see the comparison.\r\n";
  m += "Unsubscribe: https://tool-verdicts.example/unsubscribe?t=3DeyJlIjoiYW5uYUBleGFt=\r\n"
       "cGxlLm9yZyJ9.q0Jx\r\n"
       "--" + boundary + "\r\n"
       "Content-Type: text/html; charset=UTF-8\r\n"
       "Content-Transfer-Encoding: quoted-printable\r\n"
       "\r\n"
       "<!doctype html><html><body><h1>Weekly AI Tool Verdicts</h1>\r\n";
  for (std::size_t i = 0; i < lines; ++i)
    m += "<li><a href=3D\"https://tool-verdicts.example/compare/smollm3-vs-smolvlm2/\">S=\r\n"
         "molLM3 vs SmolVLM2</a>: the panel leans SmolLM3.</li>\r\n";
  m += "<p><a href=3D\"https://tool-verdicts.example/unsubscribe?t=3DeyJlIjoiYW5u\">Un=\r\n"
       "subscribe</a></p></body></html>\r\n"
       "--" + boundary + "--\r\n";
  return m;
}

void replace_once(std::string& s, const std::string& from, const std::string& to) {
  auto pos = s.find(from);
  BOOST_REQUIRE_MESSAGE(pos != std::string::npos, "not in the message: " + from);
  s.replace(pos, from.size(), to);
}

// `field` (with its CRLF) put in just before the line that starts with `before`.
std::string insert_before(std::string m, const std::string& before, const std::string& field) {
  auto pos = m.find("\r\n" + before);
  BOOST_REQUIRE(pos != std::string::npos);
  m.insert(pos + 2, field);
  return m;
}

// The value of tag `name` in the signature field, unfolded and without whitespace.
std::string tag(const std::string& sig, const std::string& name) {
  std::string flat;
  for (char c : sig.substr(sig.find(':') + 1))
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') flat += c;
  std::size_t pos = 0;
  while (pos < flat.size()) {
    auto end = flat.find(';', pos);
    if (end == std::string::npos) end = flat.size();
    std::string item = flat.substr(pos, end - pos);
    if (item.starts_with(name + "=")) return item.substr(name.size() + 1);
    pos = end + 1;
  }
  return "<absent>";
}

std::string lower(std::string s) {
  for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool says(const DkimError& e, std::initializer_list<const char*> words) {
  std::string what = e.what();
  for (const char* w : words)
    if (what.find(w) == std::string::npos) {
      BOOST_TEST_MESSAGE("DkimError \"" << what << "\" lacks \"" << w << "\"");
      return false;
    }
  BOOST_TEST_MESSAGE("DkimError: " << what);
  return true;
}

// A test's key file, in its own temporary folder.
struct KeyFile {
  tv::test::TempDir dir;
  fs::path path = dir / "keys.txt";
  explicit KeyFile(const Key& key = rsa2048()) { tv::test::write_file(path, key_line(key)); }
};

double median_us(std::vector<double> t) {
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

}  // namespace

BOOST_AUTO_TEST_SUITE(dkim)

BOOST_AUTO_TEST_CASE(good_signature_verifies) {
  KeyFile keys;
  const DkimSigner s = signer();
  const std::string message = digest_message();
  const std::string sig = s.signature(message);
  BOOST_TEST_MESSAGE(sig);

  const Verdict v = verify(sig + message, keys.path);
  BOOST_TEST(v.ok(), v);

  // The field: its name, CRLF at the end and between folded lines, none over 78 columns.
  BOOST_TEST(sig.starts_with("DKIM-Signature: v=1; a=rsa-sha256;"));
  BOOST_TEST(sig.ends_with("\r\n"));
  BOOST_TEST(sig.find("\r\n\r\n") == std::string::npos);
  for (std::size_t pos = 0; pos < sig.size();) {
    auto end = sig.find("\r\n", pos);
    BOOST_REQUIRE(end != std::string::npos);
    BOOST_TEST(end - pos <= 78u, sig.substr(pos, end - pos));
    BOOST_TEST(sig.substr(pos, end - pos).find('\n') == std::string::npos);
    if (pos > 0) BOOST_TEST((sig[pos] == '\t' || sig[pos] == ' '));
    pos = end + 2;
  }
  BOOST_TEST(tag(sig, "a") == "rsa-sha256");
  BOOST_TEST(tag(sig, "c") == "relaxed/relaxed");
  BOOST_TEST(tag(sig, "d") == kDomain);
  BOOST_TEST(tag(sig, "s") == kSelector);
  BOOST_TEST(tag(sig, "l") == "<absent>");  // the whole body is signed
  BOOST_TEST(tag(sig, "t") != "<absent>");
  // Every field present that matters, in order, then the three over-signed once more.
  BOOST_TEST(lower(tag(sig, "h")) ==
             "date:message-id:from:to:subject:list-id:list-unsubscribe:list-unsubscribe-post:mime-version:"
             "content-type:from:list-unsubscribe:list-unsubscribe-post");
  BOOST_TEST(s.domain() == kDomain);
  BOOST_TEST(s.selector() == kSelector);
  BOOST_TEST(s.key_bits() == 2048);

  if (const char* dir = std::getenv("TV_DKIM_SAMPLE_DIR")) {
    fs::create_directories(dir);
    std::string tampered = sig + message;
    replace_once(tampered, "q0Jx>", "q0Jy>");
    tv::test::write_file(fs::path(dir) / "good.eml", sig + message);
    tv::test::write_file(fs::path(dir) / "tampered.eml", tampered);
    tv::test::write_file(fs::path(dir) / "keys.txt", key_line(rsa2048()));
    BOOST_TEST_MESSAGE("wrote good.eml, tampered.eml and keys.txt to " << dir);
  }
}

BOOST_AUTO_TEST_CASE(wrong_public_key_fails) {
  KeyFile other(make_rsa(1024));
  const std::string message = digest_message();
  const Verdict v = verify(signer().signature(message) + message, other.path);
  BOOST_TEST(!v.ok(), v);
}

BOOST_AUTO_TEST_CASE(altered_list_unsubscribe_fails) {
  KeyFile keys;
  const std::string message = digest_message();
  const std::string signed_message = signer().signature(message) + message;
  BOOST_TEST_REQUIRE(verify(signed_message, keys.path).ok());

  std::string changed = signed_message;  // another reader's token
  replace_once(changed, "q0Jx>", "q0Jy>");
  Verdict v = verify(changed, keys.path);
  BOOST_TEST(!v.ok(), v);
  BOOST_TEST(v.sig_error == DKIM_SIGERROR_BADSIG, v);  // the header hash fails, not the body's

  changed = signed_message;  // the one-click POST taken away
  replace_once(changed, "List-Unsubscribe=One-Click", "List-Unsubscribe=Later");
  v = verify(changed, keys.path);
  BOOST_TEST(!v.ok(), v);
}

BOOST_AUTO_TEST_CASE(added_instance_of_over_signed_field_fails) {
  KeyFile keys;
  const std::string message = digest_message();
  const std::string signed_message = signer().signature(message) + message;
  BOOST_TEST_REQUIRE(verify(signed_message, keys.path).ok());

  // A field nobody signed may be added (this is what the failures below are measured against).
  Verdict v = verify(insert_before(signed_message, "MIME-Version:", "X-Mailer: somebody else\r\n"), keys.path);
  BOOST_TEST(v.ok(), v);

  const std::string evil = "List-Unsubscribe: <https://attacker.example/u>\r\n";
  // A second List-Unsubscribe, at the end of the header and at its top (above the signature).
  v = verify(insert_before(signed_message, "MIME-Version:", evil), keys.path);
  BOOST_TEST(!v.ok(), v);
  v = verify(evil + signed_message, keys.path);
  BOOST_TEST(!v.ok(), v);
  v = verify(insert_before(signed_message, "Date:", evil), keys.path);
  BOOST_TEST(!v.ok(), v);
  // A second List-Unsubscribe-Post, a second From.
  v = verify(insert_before(signed_message, "MIME-Version:", "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"),
             keys.path);
  BOOST_TEST(!v.ok(), v);
  v = verify("From: <ceo@tool-verdicts.example>\r\n" + signed_message, keys.path);
  BOOST_TEST(!v.ok(), v);
}

BOOST_AUTO_TEST_CASE(over_signing_covers_absent_unsubscribe_fields) {
  // A message without the list fields: adding them afterwards must still break the signature.
  KeyFile keys;
  const std::string message =
      "Date: Mon, 23 Nov 2026 06:00:00 +0000\r\nFrom: <digest@tool-verdicts.example>\r\n"
      "To: <anna@example.org>\r\nSubject: plain\r\n\r\nHello.\r\n";
  const std::string sig = signer().signature(message);
  BOOST_TEST(lower(tag(sig, "h")) == "date:from:to:subject:from:list-unsubscribe:list-unsubscribe-post");
  BOOST_TEST(verify(sig + message, keys.path).ok());
  const Verdict v = verify(insert_before(sig + message, "Subject:", "List-Unsubscribe: <https://attacker.example/u>\r\n"),
                           keys.path);
  BOOST_TEST(!v.ok(), v);

  // Every instance present is signed, and the name listed once more.
  const std::string twice = "From: <digest@tool-verdicts.example>\r\nList-Unsubscribe: <https://a.example/1>\r\n"
                            "List-Unsubscribe: <https://a.example/2>\r\n\r\nHello.\r\n";
  const std::string sig2 = signer().signature(twice);
  BOOST_TEST(lower(tag(sig2, "h")) ==
             "from:list-unsubscribe:list-unsubscribe:from:list-unsubscribe:list-unsubscribe-post");
  BOOST_TEST(verify(sig2 + twice, keys.path).ok());
}

BOOST_AUTO_TEST_CASE(altered_body_byte_fails) {
  KeyFile keys;
  const std::string message = digest_message();
  const std::string signed_message = signer().signature(message) + message;
  const auto body = signed_message.find("\r\n\r\n") + 4;
  for (std::size_t at : {body + 10, signed_message.size() / 2, signed_message.size() - 5}) {
    std::string changed = signed_message;
    changed[at] = changed[at] == 'x' ? 'y' : 'x';
    const Verdict v = verify(changed, keys.path);
    BOOST_TEST(!v.ok(), "byte " << at << ": " << v);
    BOOST_TEST(v.body_hash == DKIM_SIGBH_MISMATCH, "byte " << at << ": " << v);
  }
}

BOOST_AUTO_TEST_CASE(relaxed_canonicalisation_forgives_whitespace) {
  KeyFile keys;
  const std::string message = digest_message();
  const std::string sig = signer().signature(message);
  std::string m = message;
  // List-Unsubscribe re-folded, Subject and Date with extra spaces, field names in lower case.
  replace_once(m, ">,\r\n <mailto:", ">,\r\n\t   <mailto:");
  replace_once(m, "List-Id: Weekly AI", "List-Id:   Weekly\r\n  AI");
  replace_once(m, "Subject: Weekly", "Subject:\tWeekly");
  replace_once(m, "+0000\r\n", "+0000  \r\n");
  replace_once(m, "List-Unsubscribe-Post:", "list-unsubscribe-post :");
  replace_once(m, "\r\nFrom:", "\r\nFROM:");
  // The signature field itself unfolded onto one line.
  std::string flat_sig = sig.substr(0, sig.size() - 2);
  for (auto pos = flat_sig.find("\r\n"); pos != std::string::npos; pos = flat_sig.find("\r\n"))
    flat_sig.erase(pos, 2);
  BOOST_TEST_REQUIRE(flat_sig.size() + 2 < sig.size());
  m = flat_sig + "\r\n" + m;
  // In the body: trailing spaces on a line, runs of spaces, empty lines at the end.
  replace_once(m, "Weekly AI Tool Verdicts, 16 to 22 November 2026\r\n",
               "Weekly  AI Tool Verdicts, 16 to 22 November 2026   \r\n");
  m += "\r\n\r\n";
  const Verdict v = verify(m, keys.path);
  BOOST_TEST(v.ok(), v);
}

BOOST_AUTO_TEST_CASE(signing_is_repeatable) {
  KeyFile keys;
  const DkimSigner s = signer();
  for (int i = 0; i < 3; ++i) {
    const std::string message = digest_message("<" + std::to_string(i) + ".x@tool-verdicts.example>", 5);
    BOOST_TEST(verify(s.signature(message) + message, keys.path).ok());
  }
  // A moved signer signs as well.
  DkimSigner moved = signer();
  DkimSigner target = std::move(moved);
  const std::string message = digest_message();
  BOOST_TEST(verify(target.signature(message) + message, keys.path).ok());
}

BOOST_AUTO_TEST_CASE(one_signer_many_threads) {
  KeyFile keys;
  const DkimSigner s = signer();
  constexpr int kThreads = 4, kEach = 6;
  std::vector<std::string> signed_messages(kThreads * kEach);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        const int n = t * kEach + i;
        const std::string m = digest_message("<" + std::to_string(n) + ".t@tool-verdicts.example>", 10);
        signed_messages[std::size_t(n)] = s.signature(m) + m;
      }
    });
  for (auto& th : threads) th.join();
  for (const auto& m : signed_messages) BOOST_TEST(verify(m, keys.path).ok());
}

BOOST_AUTO_TEST_CASE(unusable_keys_throw) {
  auto make = [](const std::string& pem) { DkimSigner s({kDomain, kSelector, pem}); };
  BOOST_CHECK_EXCEPTION(make(""), DkimError, [](const DkimError& e) { return says(e, {"empty"}); });
  BOOST_CHECK_EXCEPTION(make("this is not a key at all"), DkimError,
                        [](const DkimError& e) { return says(e, {"not PEM"}); });
  BOOST_CHECK_EXCEPTION(make("-----BEGIN PRIVATE KEY-----\nAAAAbm90IGEga2V5\n-----END PRIVATE KEY-----\n"), DkimError,
                        [](const DkimError& e) { return says(e, {"could not be read"}); });
  // Half a good key.
  const std::string& good = rsa2048().pem;
  BOOST_CHECK_EXCEPTION(make(good.substr(0, good.size() / 2)), DkimError,
                        [](const DkimError& e) { return says(e, {"could not be read"}); });

  EVP_PKEY* ec = EVP_EC_gen("P-256");
  BOOST_REQUIRE(ec != nullptr);
  const std::string ec_pem = pem_of(ec);
  EVP_PKEY_free(ec);
  BOOST_CHECK_EXCEPTION(make(ec_pem), DkimError, [](const DkimError& e) { return says(e, {"an EC key", "RSA"}); });

  EVP_PKEY* ed = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
  BOOST_REQUIRE(ed != nullptr);
  const std::string ed_pem = pem_of(ed);
  EVP_PKEY_free(ed);
  BOOST_CHECK_EXCEPTION(make(ed_pem), DkimError, [](const DkimError& e) { return says(e, {"ED25519", "RSA"}); });

  BOOST_CHECK_EXCEPTION(make(make_rsa(512).pem), DkimError,
                        [](const DkimError& e) { return says(e, {"512-bit", "1024"}); });

  EVP_PKEY* rsa = EVP_RSA_gen(1024);
  BOOST_REQUIRE(rsa != nullptr);
  const std::string encrypted = pem_of(rsa, EVP_aes_256_cbc(), "secret");
  BIO* bio = BIO_new(BIO_s_mem());
  BOOST_REQUIRE(PEM_write_bio_PUBKEY(bio, rsa) == 1);
  char* data = nullptr;
  const std::string public_pem(data, std::size_t(BIO_get_mem_data(bio, &data)));
  BIO_free(bio);
  EVP_PKEY_free(rsa);
  BOOST_REQUIRE(encrypted.find("ENCRYPTED") != std::string::npos);
  BOOST_CHECK_EXCEPTION(make(encrypted), DkimError, [](const DkimError& e) { return says(e, {"encrypted"}); });
  BOOST_CHECK_EXCEPTION(make(public_pem), DkimError, [](const DkimError& e) { return says(e, {"public key"}); });

  // A 1024-bit key is the least accepted, and works.
  const Key k1024 = make_rsa(1024);
  KeyFile keys(k1024);
  const DkimSigner s = signer(k1024);
  BOOST_TEST(s.key_bits() == 1024);
  const std::string message = digest_message();
  BOOST_TEST(verify(s.signature(message) + message, keys.path).ok());
}

BOOST_AUTO_TEST_CASE(unusable_domain_or_selector_throws) {
  auto make = [](const std::string& domain, const std::string& selector) {
    DkimSigner s({domain, selector, rsa2048().pem});
  };
  for (const char* bad : {"", "a b", "tool-verdicts.example; s=x", "a..b", ".a", "a.", "ex\r\nample", "ünï.example"}) {
    BOOST_CHECK_EXCEPTION(make(bad, kSelector), DkimError, [](const DkimError& e) { return says(e, {"domain"}); });
    BOOST_CHECK_EXCEPTION(make(kDomain, bad), DkimError, [](const DkimError& e) { return says(e, {"selector"}); });
  }
  BOOST_CHECK_NO_THROW(make("mail.tool-verdicts.example", "digest2026._sub-1"));
}

BOOST_AUTO_TEST_CASE(malformed_messages_throw) {
  const DkimSigner s = signer();
  auto fails = [&](const std::string& m, std::initializer_list<const char*> words) {
    BOOST_CHECK_EXCEPTION((void)s.signature(m), DkimError, [&](const DkimError& e) { return says(e, words); });
  };
  fails("", {"empty"});
  fails("From: <a@tool-verdicts.example>\nTo: <b@example.org>\r\n\r\nbody\r\n", {"bare LF", "byte 31"});
  fails("From: <a@tool-verdicts.example>\r\n\r\nbody\rmore\r\n", {"bare CR"});
  fails("From: <a@tool-verdicts.example>\r\n\r\nbody\n", {"bare LF"});
  fails("From: <a@tool-verdicts.example>\r\nSubject: x\r\n", {"no empty line"});
  fails("\r\nbody\r\n", {"no header"});
  fails(" folded: x\r\nFrom: <a@tool-verdicts.example>\r\n\r\n", {"continuation"});
  fails("From: <a@tool-verdicts.example>\r\nSubject: x\r\n folded\r\nnot a field\r\n\r\nbody\r\n",
        {"line 4", "not a field"});
  fails("To: <b@example.org>\r\nSubject: no sender\r\n\r\nbody\r\n", {"dkim_eoh", "from"});
  // An empty body is fine.
  KeyFile keys;
  const std::string empty_body = "From: <a@tool-verdicts.example>\r\nSubject: x\r\n\r\n";
  BOOST_TEST(verify(s.signature(empty_body) + empty_body, keys.path).ok());
}

BOOST_AUTO_TEST_CASE(timing) {
  const DkimSigner s = signer();
  const std::string big = digest_message("<t@tool-verdicts.example>", 66);
  const std::string small = digest_message("<t@tool-verdicts.example>", 2);
  BOOST_TEST_REQUIRE(big.size() > 19500u);
  BOOST_TEST_REQUIRE(big.size() < 21000u);
  auto measure = [&](const std::string& m, int n) {
    std::vector<double> t;
    for (int i = 0; i < n; ++i) {
      auto a = std::chrono::steady_clock::now();
      std::string sig = s.signature(m);
      auto b = std::chrono::steady_clock::now();
      BOOST_REQUIRE(!sig.empty());
      t.push_back(std::chrono::duration<double, std::micro>(b - a).count());
    }
    return t;
  };
  const auto t_big = measure(big, 200), t_small = measure(small, 200);
  const auto [lo, hi] = std::minmax_element(t_big.begin(), t_big.end());
  BOOST_TEST_MESSAGE("signature(): " << big.size() << "-byte message, 2048-bit key: median " << median_us(t_big)
                                     << " us over " << t_big.size() << " calls (min " << *lo << ", max " << *hi
                                     << "); " << small.size() << "-byte message: median " << median_us(t_small)
                                     << " us");
  BOOST_TEST(median_us(t_big) < 50000.0);  // a gross regression only; the number is for the log
}

BOOST_AUTO_TEST_SUITE_END()
