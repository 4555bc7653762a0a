#!/usr/bin/python3
"""Lays a site-data file out the way Hugo 0.111 reads it, next to a copy of this folder.

    bench/hugo/make_content.py DATA.json WORK_DIR [STYLE.css]

Writes into WORK_DIR (which must not exist or be empty): hugo.toml and layouts/ copied from
this folder; content/compare/<slug>.md, one per comparison, whose JSON front matter holds
the two tool slugs, the category, the date and the reason (the body is empty);
data/tools.json, the tools as a map by slug, so a page finds its two tools with `index`;
data/site.json, the site settings, the reviewers, the categories (for the nav) and the
names of the kinds; and static/style.css. Hugo 0.111 has no content adapters (0.126), so
content files are how it gets one page per data row. This step is not timed: the bench
times `hugo` reading all of it and writing the pages.
"""
import json
import os
import re
import shutil
import sys

KINDS = {"vision-language": "Vision-language model", "code": "Code model",
         "text": "Language model", "image": "Image model", "video": "Video model",
         "audio": "Audio model", "speech": "Speech model", "embedding": "Embedding model",
         "multimodal": "Multimodal model", "agent": "Agent", "app": "App"}


def slugify(name):
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    data_path, work = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    style = sys.argv[3] if len(sys.argv) == 4 else os.path.join(here, "../../templates/style.css")
    if os.path.exists(work) and os.listdir(work):
        print(f"make_content: {work} is not empty", file=sys.stderr)
        return 1
    with open(data_path, encoding="utf-8") as f:
        doc = json.load(f)

    os.makedirs(work, exist_ok=True)
    shutil.copy(os.path.join(here, "hugo.toml"), work)
    shutil.copytree(os.path.join(here, "layouts"), os.path.join(work, "layouts"))
    os.makedirs(os.path.join(work, "static"))
    if os.path.exists(style):
        shutil.copy(style, os.path.join(work, "static", "style.css"))

    categories = sorted({t.get("category") or "Uncategorised" for t in doc["tools"]} |
                        {c.get("category") or "Uncategorised" for c in doc["comparisons"]})
    site = {"site": doc["site"], "reviewers": doc["reviewers"], "kinds": KINDS,
            "categories": [{"name": c, "slug": slugify(c)} for c in categories]}
    os.makedirs(os.path.join(work, "data"))
    with open(os.path.join(work, "data", "site.json"), "w", encoding="utf-8") as f:
        json.dump(site, f, ensure_ascii=False)
    with open(os.path.join(work, "data", "tools.json"), "w", encoding="utf-8") as f:
        json.dump({t["slug"]: t for t in doc["tools"]}, f, ensure_ascii=False)

    out = os.path.join(work, "content", "compare")
    os.makedirs(out)
    for c in doc["comparisons"]:
        front = {k: c.get(k, "") for k in ("a", "b", "category", "published_on", "reason")}
        front["title"] = c["slug"]
        with open(os.path.join(out, c["slug"] + ".md"), "w", encoding="utf-8") as f:
            json.dump(front, f, ensure_ascii=False, indent=0)
            f.write("\n")
    print(f"make_content: {work}: {len(doc['comparisons'])} content files, "
          f"{len(doc['tools'])} tools in data/tools.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
