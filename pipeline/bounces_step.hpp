// BouncesStep: what came back to the newsletter, from the Maildir the MTA delivers it to
// (digest.bounce_maildir, or `pipeline bounces --maildir DIR`): DSNs, ARF complaints and mail
// to the mailto: unsubscribe address (docs/bounces.md), read by stages/bounces and applied to
// the readers in the store.
//
// Each message in the Maildir's new/ is read once: the reader it names (by its VERP token,
// HMAC-checked; else the digest's Message-ID; else the address it reports) is changed, the
// message is recorded in the store in the same transaction, and only then moved to cur/ with
// the seen flag (never deleted). A kill between the two leaves it recorded and in new/: the
// next read only moves it. A message that cannot be read stays in new/ with its reason,
// which `pipeline status` shows.
//
// Rules (docs/subscribers.md): a hard bounce (5.x.x) or a complaint suppresses the reader at
// once (bounced, complained); a soft bounce (4.x.x, delayed) adds one to the reader's score, at
// most once a day, the score forgotten after 7 days without one; at digest.soft_bounce_limit
// the reader is bounced. A mailed unsubscribe unsubscribes.
//
// Errors: StoreError from the store; a Maildir that is not there or not readable throws
// std::runtime_error naming it.
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/config.hpp"
#include "pipeline/store.hpp"

namespace tv {

struct BounceReport {
  std::size_t messages = 0;  // read from new/ this time
  std::size_t hard = 0, soft = 0, complaints = 0, unsubscribes = 0, other = 0;
  std::size_t suppressed = 0;    // readers bounced or complained because of them
  std::size_t unsubscribed = 0;  // readers unsubscribed by mail
  std::size_t unmatched = 0;     // findings that named no reader we know
  std::size_t problems = 0;      // messages left in new/, unreadable
  std::vector<std::string> lines;  // one per message, for the editor
};

BounceReport read_bounces(Store& store, const Config& cfg, const std::filesystem::path& maildir,
                          const std::string& secret);

// The digest secret for checking VERP tokens, or "" (with a warning) when none is configured:
// readers are then found by the digest's Message-ID or the address a report names.
std::string bounce_secret(const Config& cfg);

// "Bounces: 3 message(s) in DIR: 1 hard, 1 soft, 1 complaint, 0 unsubscribe(s); 2 reader(s)
// suppressed, ..." for the run's summary and `pipeline bounces`.
std::string bounce_summary(const BounceReport& r, const std::filesystem::path& maildir);

}  // namespace tv
