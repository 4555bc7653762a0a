#include "stages/digest/dkim.hpp"

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <climits>
#include <cstring>
#include <utility>

// dkim.h is a C header and spells bool as C's _Bool, which C++ does not have; they are the
// same type (one byte, same ABI) on every platform libopendkim supports.
#define _Bool bool
#include <opendkim/dkim.h>
#undef _Bool

namespace tv::digest {
namespace {

// The header fields signed when present (libopendkim matches them case-insensitively and
// signs every instance), and those listed once more than present.
const char* kSigned[] = {
    "From", "Sender", "Reply-To", "To", "Cc", "Subject", "Date", "Message-ID", "In-Reply-To", "References",
    "List-Id", "List-Unsubscribe", "List-Unsubscribe-Post",
    "MIME-Version", "Content-Type", "Content-Transfer-Encoding", nullptr};
const char* kOversigned[] = {"From", "List-Unsubscribe", "List-Unsubscribe-Post", nullptr};

constexpr std::string_view kFieldName = "DKIM-Signature: ";
constexpr unsigned kMinKeyBits = 1024;

// What OpenSSL's error queue holds, as one line (and the queue emptied).
std::string openssl_errors() {
  std::string out;
  while (unsigned long e = ERR_get_error()) {
    char buf[256];
    ERR_error_string_n(e, buf, sizeof buf);
    if (!out.empty()) out += "; ";
    out += buf;
  }
  return out.empty() ? "no detail from OpenSSL" : out;
}

// A PEM password callback that never prompts: an encrypted key simply fails to load.
int no_passphrase(char*, int, int, void*) { return -1; }

struct PkeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

bool contains(std::string_view s, std::string_view what) { return s.find(what) != std::string_view::npos; }

// The key as OpenSSL reads it, or DkimError saying what is wrong with the text.
Pkey read_private_key(const std::string& pem) {
  if (pem.find_first_not_of(" \t\r\n") == std::string::npos) throw DkimError("the DKIM private key is empty");
  if (!contains(pem, "-----BEGIN "))
    throw DkimError("the DKIM private key is not PEM text (there is no \"-----BEGIN ...\" line)");
  if (!contains(pem, "PRIVATE KEY-----") && contains(pem, "PUBLIC KEY-----"))
    throw DkimError("the DKIM private key is a public key; signing needs the private key");
  if (pem.size() > INT_MAX) throw DkimError("the DKIM private key is too long to be a key");
  ERR_clear_error();
  BIO* bio = BIO_new_mem_buf(pem.data(), int(pem.size()));
  if (bio == nullptr) throw DkimError("could not read the DKIM private key: " + openssl_errors());
  Pkey key(PEM_read_bio_PrivateKey(bio, nullptr, no_passphrase, nullptr));
  BIO_free(bio);
  if (!key) {
    std::string detail = openssl_errors();
    if (contains(pem, "ENCRYPTED"))
      throw DkimError("the DKIM private key is encrypted; give it unencrypted (no passphrase is asked for)");
    throw DkimError("the DKIM private key could not be read as a PEM private key (" + detail + ")");
  }
  return key;
}

// The RSA key checked, or DkimError. Returns its size in bits.
int check_rsa(EVP_PKEY* key) {
  if (EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA) {
    const char* type = EVP_PKEY_get0_type_name(key);
    throw DkimError(std::string("the DKIM private key is ") + (type ? std::string("an ") + type : "not an RSA") +
                    " key; DKIM signing here needs an RSA key (rsa-sha256)");
  }
  const int bits = EVP_PKEY_get_bits(key);
  if (bits < int(kMinKeyBits))
    throw DkimError("the DKIM private key is a " + std::to_string(bits) + "-bit RSA key; at least " +
                    std::to_string(kMinKeyBits) + " bits are needed (2048 recommended)");
  // n = p*q and d fits e: a damaged key would sign, but nobody could verify it.
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new(key, nullptr);
  const int fits = ctx ? EVP_PKEY_pairwise_check(ctx) : 0;
  EVP_PKEY_CTX_free(ctx);
  if (fits != 1) throw DkimError("the DKIM private key is damaged: its RSA numbers do not fit together (" +
                                 openssl_errors() + ")");
  return bits;
}

// The key as unencrypted PKCS#8 PEM, the form libopendkim reads without further ado (it
// takes PEM, or base64 DER it recognises by a leading "MII").
std::string plain_pem(EVP_PKEY* key) {
  BIO* bio = BIO_new(BIO_s_secmem());
  if (bio == nullptr) bio = BIO_new(BIO_s_mem());
  if (bio == nullptr || PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    BIO_free(bio);
    throw DkimError("could not re-encode the DKIM private key: " + openssl_errors());
  }
  char* data = nullptr;
  long n = BIO_get_mem_data(bio, &data);
  std::string out(data, std::size_t(n));
  BIO_free(bio);
  return out;
}

// A dot-separated name of letters, digits, '-' and '_': what may stand in d= and s=.
bool is_name(std::string_view s) {
  if (s.empty() || s.size() > 253) return false;
  std::size_t label = 0;
  for (char c : s) {
    if (c == '.') {
      if (label == 0) return false;
      label = 0;
      continue;
    }
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok || ++label > 63) return false;
  }
  return label > 0;
}

struct DkimFree {
  void operator()(DKIM* d) const { dkim_free(d); }
};
using Handle = std::unique_ptr<DKIM, DkimFree>;

[[noreturn]] void fail(DKIM* d, DKIM_STAT status, const char* step) {
  std::string msg = std::string("DKIM signing failed in ") + step + ": ";
  const char* result = dkim_getresultstr(status);
  msg += result ? result : ("status " + std::to_string(status));
  const char* detail = d ? dkim_geterror(d) : nullptr;
  if (detail != nullptr && *detail != '\0') msg += std::string(" (") + detail + ")";
  throw DkimError(msg);
}

u_char* bytes(std::string_view s) {
  // libopendkim takes non-const pointers but only reads headers and body (it copies them).
  return reinterpret_cast<u_char*>(const_cast<char*>(s.data()));
}

}  // namespace

struct DkimSigner::Impl {
  std::string domain, selector;
  std::string key_pem;  // unencrypted PKCS#8, as checked
  int bits = 0;
  DKIM_LIB* lib = nullptr;

  ~Impl() {
    if (lib != nullptr) dkim_close(lib);
    OPENSSL_cleanse(key_pem.data(), key_pem.size());
  }
};

DkimSigner::DkimSigner(DkimOptions options) : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  struct Cleanse {  // the caller's key text goes when we are done with it, thrown or not
    std::string& s;
    ~Cleanse() { OPENSSL_cleanse(s.data(), s.size()); }
  } cleanse{options.private_key};

  if (!is_name(options.domain))
    throw DkimError("the DKIM domain \"" + options.domain +
                    "\" is not a domain name (letters, digits, '-', '_' and dots)");
  if (!is_name(options.selector))
    throw DkimError("the DKIM selector \"" + options.selector +
                    "\" is not a selector (letters, digits, '-', '_' and dots)");
  m.domain = std::move(options.domain);
  m.selector = std::move(options.selector);

  Pkey key = read_private_key(options.private_key);
  m.bits = check_rsa(key.get());
  m.key_pem = plain_pem(key.get());

  m.lib = dkim_init(nullptr, nullptr);
  if (m.lib == nullptr) throw DkimError("libopendkim could not start (dkim_init failed)");
  if (!dkim_libfeature(m.lib, DKIM_FEATURE_SHA256))
    throw DkimError("this libopendkim was built without SHA-256, so it cannot make rsa-sha256 signatures");
  unsigned min_bits = kMinKeyBits;
  if (dkim_options(m.lib, DKIM_OP_SETOPT, DKIM_OPTS_SIGNHDRS, kSigned, sizeof(char**)) != DKIM_STAT_OK ||
      dkim_options(m.lib, DKIM_OP_SETOPT, DKIM_OPTS_OVERSIGNHDRS, kOversigned, sizeof(char**)) != DKIM_STAT_OK ||
      dkim_options(m.lib, DKIM_OP_SETOPT, DKIM_OPTS_MINKEYBITS, &min_bits, sizeof min_bits) != DKIM_STAT_OK)
    throw DkimError("libopendkim could not start: it refused the signing options");

  // One signature now, so that a key libopendkim cannot use fails here and not mid-send.
  try {
    (void)signature("From: <dkim-check@" + m.domain + ">\r\n\r\n");
  } catch (const DkimError& e) {
    throw DkimError(std::string("libopendkim cannot sign with the DKIM key: ") + e.what());
  }
}

DkimSigner::~DkimSigner() = default;
DkimSigner::DkimSigner(DkimSigner&&) noexcept = default;
DkimSigner& DkimSigner::operator=(DkimSigner&&) noexcept = default;

const std::string& DkimSigner::domain() const { return impl_->domain; }
const std::string& DkimSigner::selector() const { return impl_->selector; }
int DkimSigner::key_bits() const { return impl_->bits; }

std::string DkimSigner::signature(std::string_view message) const {
  const Impl& m = *impl_;
  if (message.empty()) throw DkimError("cannot DKIM-sign an empty message");
  // Every CR must start a CRLF and every LF end one: anything else would be changed on the
  // way (SMTP servers mend bare line ends) and break the signature.
  for (std::size_t i = message.find_first_of("\r\n"); i != std::string_view::npos;
       i = message.find_first_of("\r\n", i + 2)) {
    if (message[i] != '\r' || i + 1 == message.size() || message[i + 1] != '\n')
      throw DkimError("cannot DKIM-sign the message: it has a bare " + std::string(message[i] == '\r' ? "CR" : "LF") +
                      " at byte " + std::to_string(i) + " (lines must end in CRLF)");
  }
  if (message.starts_with("\r\n")) throw DkimError("cannot DKIM-sign the message: it has no header fields");
  const std::size_t eoh = message.find("\r\n\r\n");
  if (eoh == std::string_view::npos)
    throw DkimError("cannot DKIM-sign the message: there is no empty line after its header");
  const std::string_view header = message.substr(0, eoh + 2);  // each field with its CRLF
  const std::string_view body = message.substr(eoh + 4);

  DKIM_STAT status = DKIM_STAT_OK;
  Handle d(dkim_sign(m.lib, reinterpret_cast<const u_char*>("tv-digest"), nullptr,
                     const_cast<u_char*>(reinterpret_cast<const u_char*>(m.key_pem.c_str())),
                     reinterpret_cast<const u_char*>(m.selector.c_str()),
                     reinterpret_cast<const u_char*>(m.domain.c_str()), DKIM_CANON_RELAXED, DKIM_CANON_RELAXED,
                     DKIM_SIGN_RSASHA256, -1, &status));
  if (!d) fail(nullptr, status, "dkim_sign");

  // One call per field, continuation lines included, without its final CRLF.
  std::size_t start = 0, line = 1;
  while (start < header.size()) {
    if (header[start] == ' ' || header[start] == '\t')
      throw DkimError("cannot DKIM-sign the message: it starts with a continuation line");
    std::size_t end = header.find("\r\n", start);
    while (end + 2 < header.size() && (header[end + 2] == ' ' || header[end + 2] == '\t'))
      end = header.find("\r\n", end + 2);
    const std::string_view field = header.substr(start, end - start);
    const std::size_t colon = field.find(':');
    if (colon == std::string_view::npos || colon == 0)
      throw DkimError("cannot DKIM-sign the message: header line " + std::to_string(line) +
                      " is not a field (\"name: value\")");
    if ((status = dkim_header(d.get(), bytes(field), field.size())) != DKIM_STAT_OK)
      fail(d.get(), status, "dkim_header");
    for (std::size_t i = start; i < end; i = header.find("\r\n", i) + 2) ++line;
    start = end + 2;
  }
  if ((status = dkim_eoh(d.get())) != DKIM_STAT_OK) fail(d.get(), status, "dkim_eoh");
  if (!body.empty() && (status = dkim_body(d.get(), bytes(body), body.size())) != DKIM_STAT_OK)
    fail(d.get(), status, "dkim_body");
  if ((status = dkim_eom(d.get(), nullptr)) != DKIM_STAT_OK) fail(d.get(), status, "dkim_eom");

  u_char* value = nullptr;  // owned by the handle: copied before dkim_free
  std::size_t length = 0;
  if ((status = dkim_getsighdr_d(d.get(), kFieldName.size(), &value, &length)) != DKIM_STAT_OK)
    fail(d.get(), status, "dkim_getsighdr_d");
  std::string out;
  out.reserve(kFieldName.size() + length + 2);
  out.append(kFieldName).append(reinterpret_cast<const char*>(value), length).append("\r\n");
  return out;
}

}  // namespace tv::digest
