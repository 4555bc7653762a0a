#!/usr/bin/python3
"""Generates a site-data file for the site benchmark: N comparisons over about N/4 tools.

    bench/make_site_data.py N OUT.json [--seed S]

The shape is the one the site stage reads (stages/site/index.cpp): {"site", "reviewers",
"tools", "comparisons"}. Deterministic: the same N and seed give the same bytes (a seeded
random.Random, a fixed "today", no clock, no set iteration). Texts are made from a word
list at realistic lengths (descriptions ~400 characters, review quotes ~500 like
../shared/seeds) and carry what a renderer must escape or keep intact: & < > " ' and
non-ASCII (é, ï, —, “ ”). Tools have 0-4 of the four reviewers' reviews and a community
tally (sometimes none); comparisons pair two distinct tools of one category, each pair once.
Writes only OUT.json; prints one line saying what it wrote.
"""
import argparse
import datetime
import json
import math
import random
import re
import sys

CATEGORIES = [
    "Developer Tools", "Writing & Docs", "Image & Video", "Speech & Audio", "Research",
    "Data & Analytics", "Agents", "Customer Support", "Design", "Productivity",
    "Education", "Security",
]
KINDS = ["text", "code", "vision-language", "image", "video", "audio", "speech",
         "embedding", "multimodal", "agent", "app"]
MODEL_KINDS = {"text", "code", "vision-language", "image", "video", "audio", "speech",
               "embedding", "multimodal"}
LICENSES = [("Apache-2.0", "Apache License 2.0"), ("MIT", "MIT License"),
            ("", "Proprietary"), ("LLAMA-3.2", "Llama 3.2 Community License"),
            ("CC-BY-NC-4.0", "Creative Commons Attribution Non Commercial 4.0"),
            ("GPL-3.0-only", "GNU General Public License v3.0 only")]
PRICES = [("Free", "free"), ("Free", "free"), ("$9/mo", "freemium"), ("$12/mo", "paid"),
          ("$20/user/mo", "paid"), ("From $0.002 / 1K tokens", "paid"),
          ("Contact sales", "enterprise"), ("€15/mo", "paid")]
SIZES = ["135M", "360M", "1B", "2B", "3B", "7B", "8B", "13B", "34B", "70B", "405B"]
REVIEWERS = [
    {"id": "builder", "name": "The Builder", "role": "Ships developer tools for a living"},
    {"id": "skeptic", "name": "The Skeptic", "role": "Reads the benchmark footnotes"},
    {"id": "futurist", "name": "The Futurist", "role": "Bets on where this is in 2027"},
    {"id": "buyer", "name": "The Buyer", "role": "Signs the purchase order"},
]
SYLLABLES = ["no", "va", "lu", "mi", "ra", "ko", "zen", "qu", "tal", "vex", "ori", "sa",
             "del", "fin", "gra", "hy", "ion", "ju", "kai", "lyr", "mo", "nex", "pol", "rho"]
SUFFIXES = ["", "", " AI", " Studio", " Coder", " Notes", " Vision", " Voice", " Pilot",
            " Lens", " Draft", " Flow", "-Instruct", " Pro", " Lite"]
WORDS = """
model models inference latency throughput context window tokens fine-tuning weights
quantized open-source benchmark evaluation pipeline deployment runtime edge device mobile
cloud API pricing tier enterprise team developer workflow editor plugin agent agents tool
tools vision language speech audio image video retrieval embedding search ranking summary
summaries document documents code completion review reviewer panel verdict ship skip
cost budget compute GPU CPU memory cache batch streaming request requests response
responses quality accuracy recall precision hallucination grounding citation citations
dataset training license licence permissive commercial research community ecosystem
adoption vendor roadmap release version support integration integrations SDK CLI
dashboard analytics privacy compliance security audit logging observability scale
scaling users customers market competitor competitors moat margin revenue funnel
platform lock-in migration export import format formats schema prompt prompts chain
reasoning planning memory long-term short-term realistic practical production prototype
weekend team's vendor's users' reliable brittle fast slow cheap expensive clear clean
simple complex honest overclaimed measured shipped promised actually really mostly
the a an of to in on for with without across under over than and or but because while
when where which that this these those it its they their we our you your is are was
were be been being has have had does do did can could would should will may might
""".split()
SPECIALS = ["R&D", "<think>", "“real”", "\"fast\"", "it's", "café", "naïve", "—",
            "A/B", "5 < 7", "x > y", "Q&A", "O'Reilly", "résumé", "déjà vu", "≥ 80%"]


def sentence(rng, n_words):
    words = []
    for _ in range(n_words):
        words.append(rng.choice(SPECIALS) if rng.random() < 0.04 else rng.choice(WORDS))
    s = " ".join(words)
    return s[0].upper() + s[1:] + rng.choice([".", ".", ".", "?", "!"])


def text(rng, target_chars):
    """Sentences until about target_chars characters."""
    out = []
    length = 0
    while length < target_chars:
        s = sentence(rng, rng.randint(8, 22))
        out.append(s)
        length += len(s) + 1
    return " ".join(out)


def slugify(name):
    s = name.lower()
    for a, b in (("é", "e"), ("ï", "i"), ("&", "and")):
        s = s.replace(a, b)
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def make_tool(rng, i, used_slugs, today, categories):
    base = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    if rng.random() < 0.05:
        base = rng.choice(["Café", "Naïve", "Über", "Délice"]) + base.lower()
    name = base + rng.choice(SUFFIXES)
    if rng.random() < 0.3:
        name += " " + rng.choice(SIZES)
    if rng.random() < 0.03:
        name = name + " (“beta” & <labs>)"
    slug = slugify(name)
    if slug in used_slugs:
        slug = f"{slug}-{i}"
    used_slugs.add(slug)
    kind = rng.choice(KINDS)
    vendor = rng.choice(["", base + " Labs", base + " Inc.", "Hugging Face", "Meta",
                         "Mistral AI", "Smith & Wesson AI", "O'Brien Research"])
    spdx, lname = rng.choice(LICENSES)
    display, tier = rng.choice(PRICES)
    sizes = []
    if kind in MODEL_KINDS and rng.random() < 0.7:
        sizes = [{"label": s} for s in sorted(rng.sample(SIZES, rng.randint(1, 3)),
                                              key=SIZES.index)]
    reviews = []
    for r in rng.sample(REVIEWERS, rng.choice([0, 1, 2, 3, 4, 4, 4])):
        date = today - datetime.timedelta(days=rng.randint(0, 700))
        reviews.append({"reviewer": r["id"], "verdict": rng.choice(["ship", "ship", "skip"]),
                        "quote": text(rng, rng.randint(380, 520)), "date": date.isoformat()})
    reviews.sort(key=lambda r: [x["id"] for x in REVIEWERS].index(r["reviewer"]))
    total = rng.choice([0, 0, rng.randint(1, 9), rng.randint(10, 500)])
    tool = {
        "id": "t" + "".join(rng.choice("0123456789abcdef") for _ in range(12)),
        "slug": slug,
        "name": name,
        "category": rng.choice(categories),
        "vendor": vendor,
        "kind": kind,
        "homepage": f"https://{slug}.example/",
        "tagline": sentence(rng, rng.randint(4, 9)).rstrip(".?!"),
        "description": text(rng, rng.randint(300, 420)),
        "price": {"display": display, "tier": tier},
        "license": {"spdx": spdx, "name": lname},
        "parameter_sizes": sizes,
        "aliases": [name + " " + s for s in ("Instruct", "Preview") if rng.random() < 0.2],
        "reviews": reviews,
        "community": {"ship": rng.randint(0, total), "total": total},
    }
    return tool


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int, help="comparisons")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if args.n < 1:
        ap.error("N must be at least 1")
    rng = random.Random(args.seed)
    today = datetime.date(2025, 6, 30)

    # About N/4 tools; a small N gets fewer categories (and a few more tools) so that the
    # categories hold N distinct pairs with room to spare: T tools in C categories hold about
    # T^2 / 2C pairs.
    n_tools = max(args.n // 4, math.ceil(math.sqrt(4 * args.n)) + 2)
    categories = CATEGORIES[:max(1, min(len(CATEGORIES), args.n // 64))]
    used = set()
    tools = [make_tool(rng, i, used, today, categories) for i in range(n_tools)]
    by_category = {}
    for t in tools:
        by_category.setdefault(t["category"], []).append(t)
    # Categories that can hold a pair, weighted by how many pairs they can hold.
    cats = [c for c in categories if len(by_category.get(c, [])) >= 2]
    capacity = sum(len(by_category[c]) * (len(by_category[c]) - 1) // 2 for c in cats)
    if capacity < args.n:
        sys.exit(f"make_site_data: {n_tools} tools hold only {capacity} pairs, not {args.n}")
    weights = [len(by_category[c]) for c in cats]

    comparisons = []
    pairs = set()
    while len(comparisons) < args.n:
        cat = rng.choices(cats, weights)[0]
        a, b = rng.sample(by_category[cat], 2)
        if a["slug"] > b["slug"]:
            a, b = b, a
        if (a["slug"], b["slug"]) in pairs:
            continue
        pairs.add((a["slug"], b["slug"]))
        published = today - datetime.timedelta(days=rng.randint(0, 730))
        comparisons.append({
            "slug": f"{a['slug']}-vs-{b['slug']}",
            "a": a["slug"],
            "b": b["slug"],
            "category": cat,
            "published_on": published.isoformat(),
            "reason": f"both are {cat} tools; {sentence(rng, rng.randint(6, 12)).lower().rstrip('.?!')}",
        })

    doc = {
        "site": {"title": "Tool Verdicts", "base_url": "https://tool-verdicts.example",
                 "today": today.isoformat(),
                 "subscribe_url": "https://tool-verdicts.example/subscribe"},
        "reviewers": REVIEWERS,
        "tools": tools,
        "comparisons": comparisons,
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    n_reviews = sum(len(t["reviews"]) for t in tools)
    print(f"make_site_data: {args.out}: {len(comparisons)} comparisons, {len(tools)} tools, "
          f"{n_reviews} reviews, {len(by_category)} categories (seed {args.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
