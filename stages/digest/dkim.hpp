// Dkim: a DKIM signature (RFC 6376) for each digest message, made with libopendkim, so that
// receivers can trust the one-click unsubscribe headers (RFC 8058 asks for a signature that
// covers List-Unsubscribe and List-Unsubscribe-Post).
//
// DkimSigner takes the signing domain (d=), the selector (s=) and the PEM text of an RSA
// private key. It checks the key once, when it is made: text that is not a PEM private key,
// an encrypted key (it never asks for a passphrase), a key that is not RSA, and an RSA key
// under 1024 bits each throw DkimError with a sentence that names the problem; so do a domain
// or selector that is not a dot-separated name of letters, digits, '-' and '_' (they go into
// the header as they are), and a libopendkim that cannot start or cannot sign with the key.
//
// signature() takes one whole RFC 5322 message as compose() (letter.hpp) makes it: header
// fields, an empty line, the body, CRLF line ends throughout. It returns the
// "DKIM-Signature: ..." header field, folded (CRLF + tab) at 75 columns and ending in CRLF, to
// be put in front of the message unchanged; the message itself must then go out byte for
// byte as it was signed (relaxed canonicalisation forgives changed whitespace and folding
// in header fields and the case of their names, and in the body runs of spaces, trailing
// spaces and empty lines at the end; nothing else). The signature is rsa-sha256,
// c=relaxed/relaxed, t= the current time, no l= (the whole body is signed), no x=. Its h=
// lists, of From, Sender, Reply-To, To, Cc, Subject, Date, Message-ID, In-Reply-To,
// References, List-Id, List-Unsubscribe, List-Unsubscribe-Post, MIME-Version, Content-Type
// and Content-Transfer-Encoding, every instance the message holds, then From,
// List-Unsubscribe and List-Unsubscribe-Post once more ("over-signing"): adding another
// instance of any of those three later breaks the signature. Other fields are not signed.
// signature() throws DkimError when the message is not like that (empty, a bare CR or LF,
// no empty line after the header, a header line that is not a field, no From field) or when
// libopendkim fails; it never returns a partial field.
//
// Cost: libopendkim has no way to hand it a parsed key, so every call makes its own DKIM
// handle and libopendkim parses the key text and sets up the RSA key again each time; that,
// not the hashing, is most of the time a call takes (about 1 ms for a 20 KB message and a
// 2048-bit key; see tests/unit/dkim_test.cpp "timing"). The signer prepares everything else
// once: the library handle, its header lists, and the key already checked and re-encoded
// as plain (unencrypted PKCS#8) PEM. The constructor wipes its own copy of the key text
// when done with it (pass the options with std::move to leave no other copy behind).
//
// Thread safety: one DkimSigner holds one DKIM_LIB, configured in the constructor and only
// read afterwards; each signature() call makes, uses and frees its own DKIM handle, so
// several threads may call signature() on the same signer at once (the constructor and
// destructor must not run concurrently with calls). Distinct signers are independent.
#pragma once
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tv::digest {

struct DkimError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct DkimOptions {
  std::string domain;       // d=, e.g. "tool-verdicts.example"
  std::string selector;     // s=, e.g. "digest2026"
  std::string private_key;  // PEM text of an RSA key (2048 bits recommended), unencrypted
};

class DkimSigner {
 public:
  // Checks the key and starts libopendkim; throws DkimError (see above).
  explicit DkimSigner(DkimOptions options);
  ~DkimSigner();
  DkimSigner(DkimSigner&&) noexcept;             // the moved-from signer may only be destroyed
  DkimSigner& operator=(DkimSigner&&) noexcept;  // or assigned to
  DkimSigner(const DkimSigner&) = delete;
  DkimSigner& operator=(const DkimSigner&) = delete;

  // The "DKIM-Signature: ...\r\n" field for `message`; throws DkimError (see above).
  std::string signature(std::string_view message) const;

  const std::string& domain() const;
  const std::string& selector() const;
  int key_bits() const;  // the RSA key's size, e.g. 2048

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tv::digest
