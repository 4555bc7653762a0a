// The link checker: every internal link of the rendered site must resolve, so a broken one
// fails the run before anything is published (docs/publishing.md, "Links").
//
// It takes the whole site in memory, as the renderer hands it to publish(), and returns every
// broken link as a value: the page, the link as the browser reads it, and one sentence for an
// editor. It never throws on page content and touches no disk.
//
// What is read: in .html/.htm files the values of href="…", src="…" (any element, <link> and
// <img> included) and, for fragments, id="…"; in .xml files (Atom feed, sitemap) the text of
// <loc>…</loc> and href="…". The pages come from our own templates, so this is a linear scan,
// not a parser: an attribute counts when whitespace precedes its name and its value is in
// double quotes (template-escaped text never holds a raw '"'). Values are entity-decoded
// (&amp; &lt; &gt; &quot; &#39; &apos; and numeric references) before they are read.
//
// What is internal: root-relative ("/tools/x/"), relative ("../x/", "x.html", "#id"),
// scheme-relative or absolute on base_url's host. base_url is the site's public address with
// no trailing slash ("https://www.tool-verdicts.example", or "https://h.example/sub" for a
// site served under /sub/). Links resolve the way a browser resolves them, so with a path
// prefix every internal address starts with it: "/sub/tools/x/" is tools/x/index.html and
// "/tools/x/" points outside the site. External links (other hosts, mailto:, tel:, …) are not
// checked; javascript:, vbscript: and data: URLs are always broken.
//
// What resolves: "…/" is "…/index.html"; anything else must be a file of the site exactly (a
// folder without its trailing slash is broken: servers answer it with a redirect or a 404).
// The path is percent-decoded before lookup; the query is ignored; a non-empty fragment must
// name an id="…" in the target page (or "top", which browsers always accept).
//
// A `reuse` file (file.hpp) is read like any other, so its bytes must be loaded first
// (fill_reused in publish.hpp): without them its own links go unread and a fragment pointing
// into it is reported broken, saying so.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "stages/site/file.hpp"

namespace tv::site {

struct BrokenLink {
  std::string page;  // the site path of the page holding the link, e.g. "tools/x/index.html"
  std::string link;  // the link as written, entity-decoded: "../y/#pricing"
  std::string why;   // one sentence for an editor: "the site has no file tools/y/index.html"
};

// Every broken internal link of the site, ordered by page path, then by position in the page.
std::vector<BrokenLink> check_links(const std::vector<File>& files, std::string_view base_url);

}  // namespace tv::site
