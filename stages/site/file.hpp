// One file of the generated site, as the renderer hands it to the link checker (links.hpp)
// and the publisher (publish.hpp). Plain data: the renderer owns the bytes, nothing here
// touches the disk.
//
// `path` is relative to the site root, '/'-separated, with no leading '/' and no "." or ".."
// segments: "index.html", "style.css", "compare/a-vs-b/index.html". The publisher refuses
// (throws) any other shape before it writes anything; the link checker treats the set of
// paths as the whole site.
//
// `reuse` marks a page the renderer did not render again because nothing it is made from
// changed: its bytes are the published file's. It may come with no bytes; fill_reused()
// (publish.hpp) reads them from the published site, which the link checker needs. The
// publisher keeps the published file (same inode and mtime) and throws PublishError when
// the published site has no file at that path.
#pragma once
#include <string>

namespace tv::site {

struct File {
  std::string path;    // e.g. "tools/smolvlm2/index.html"
  std::string bytes;   // the exact bytes to serve (may be empty when `reuse`)
  bool reuse = false;  // keep the published file at `path`; see above
};

}  // namespace tv::site
