// Publish writes the rendered site to <outbox>/site so that a reader (nginx, rsync, a person)
// never sees a half-written site. The layout and every crash case are in docs/publishing.md.
//
//   outbox/site           -> .site/00000042      a symbolic link, swapped by rename(2)
//   outbox/.site/00000041/                        the previous generation, kept for readers
//   outbox/.site/00000042/                        the current generation, complete
//
// publish() builds the whole new generation beside the others, then switches the link in one
// rename(2). A file whose bytes did not change is hard-linked from the current generation, so
// it keeps its inode and mtime (HTTP caches keep their validators); if nothing changed at all,
// nothing on disk is touched. Paths gone from the new set are simply absent from the new
// generation. Older generations (all but the current and the previous) are removed after the
// switch, and leftovers of a crashed publish (`.site/tmp-*`, `.site-link-tmp`) at the start.
//
// Ownership: the caller owns `files`; publish owns everything under <outbox>/.site and the
// names <outbox>/site and <outbox>/.site-link-tmp. One publisher at a time (the run lock).
// A real folder found at <outbox>/site (made by hand) is never deleted: it becomes a
// generation under .site and then ages out like any other.
//
// A File marked `reuse` (file.hpp) is hard-linked from the current generation without
// comparing bytes; it may come without bytes.
//
// Bad input: a path that is not a clean relative path (file.hpp), a duplicate path, or a path
// that is both a file and a folder ("a" and "a/b") is a renderer bug: PublishError is thrown
// before anything on disk changes. So is a `reuse` file the published site does not have
// (thrown after clearing a crashed publish's leftovers, before anything else). Disk failures
// throw std::filesystem::filesystem_error. On any throw the published site is exactly as it
// was (the half-built generation is removed); once the link is switched, nothing throws.
#pragma once
#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <vector>

#include "stages/site/file.hpp"

namespace tv::site {

struct PublishError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct PublishStats {
  std::size_t written = 0;  // files written with new bytes
  std::size_t linked = 0;   // files hard-linked (or copied with their mtime) from the last generation
  std::size_t removed = 0;  // paths of the last generation that are not in this one
  bool changed = false;     // false: the site already held exactly these files; nothing was touched
  std::filesystem::path generation;  // the folder <outbox>/site now points to
};

// Publishes `files` as the whole site at <outbox>/site (see above). Creates <outbox> if needed.
PublishStats publish(const std::vector<File>& files, const std::filesystem::path& outbox);

// Reads the bytes of every `reuse` file from the published site, so that the link checker
// sees the whole site. Throws PublishError for a bad path or a `reuse` file the published
// site does not have, std::filesystem::filesystem_error when a file cannot be read.
void fill_reused(std::vector<File>& files, const std::filesystem::path& outbox);

// The folder <outbox>/site currently resolves to (<outbox>/.site/NNNNNNNN, or <outbox>/site
// itself when it is a real folder), or an empty path when no site is published.
std::filesystem::path current_generation(const std::filesystem::path& outbox);

}  // namespace tv::site
