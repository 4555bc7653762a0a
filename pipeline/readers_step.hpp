// ReadersStep: the readers the store keeps, fed from a subscribers file (docs/subscribers.md).
// `pipeline subscribers import` and, for installs that name `digest.subscribers`, every
// `digest --dry-run` and `--send` take a file in through import_subscribers().
//
// Errors: StoreError from the store. A file that cannot be read or used at all is reported
// (logged) and yields nullopt; bad rows are reported by line and skipped, the rest count.
#pragma once
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

#include "pipeline/store.hpp"
#include "stages/digest/subscribers.hpp"

namespace tv {

struct ImportReport {
  std::size_t added = 0;         // new readers (subscribed or unsubscribed, as the file says)
  std::size_t confirmed = 0;     // pending readers the file says are subscribed
  std::size_t unsubscribed = 0;  // subscribed or pending readers the file unsubscribes
  std::size_t unchanged = 0;     // already as the file says
  std::size_t kept = 0;          // unsubscribed or suppressed readers the file would subscribe: left so
  std::size_t problems = 0;      // bad rows reported and skipped
  std::string sentence() const;  // "2 new, 0 pending now subscribed, ..." for people
};

// Imports the file in one transaction: an unsubscribe anywhere in it wins for that reader;
// importing the same file twice changes nothing; an import never re-subscribes.
std::optional<ImportReport> import_subscribers(Store& store, const std::filesystem::path& file);

// The subscribed readers, in the order they joined, as they would be after importing `file`
// ("" = none), changing nothing: what `digest --dry-run` shows.
std::optional<std::vector<digest::Recipient>> subscribed_after_import(const Store& store,
                                                                      const std::filesystem::path& file);

}  // namespace tv
