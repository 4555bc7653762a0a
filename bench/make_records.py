#!/usr/bin/env python3
"""make_records.py N OUT [--seed S] [--corpus DIR]: N stored tool records for dedupe_bench.

Writes OUT as JSON lines, one {"id": "<sha256>:<ordinal>", "record": {...}} per line, the record
in the stored JSON format (docs/records.md). Deterministic for a seed, and a stream: the first
10,000 records of a 100,000-record file are the 10,000-record file.

Names are real, read at run time from ../shared/corpus (or --corpus / $TV_CORPUS): Hugging Face
model ids, the AI-tool directory's tool names, OpenRouter model names and Epoch AI's model
names, deduplicated by folded name (about 8,000 base names). Each base name is scraped a few
times (1 to ~100 pages, mean ~12) under the variants a real scrape gives: "org/Name",
"-Instruct", "-GGUF"/"-4bit" re-uploads, " (May 2024)", case and spacing changes, punctuation
dropped ("tl;dv" -> "tldv"), size tokens ("-7B", siblings "-13B"), the same page again with
another description; vendors sometimes missing.

Licence: the internal folders (ai-tools-aitoolhouse, hf-models-metadata,
llm-catalog-openrouter-litellm) give NAMES only; every other field is generated or comes from
Epoch AI (CC BY 4.0, "Data: Epoch AI (epoch.ai)"): organisations, domains, abstracts. OUT must
be outside the repository. Exit 77 when the corpus is absent.
"""
import argparse
import csv
import hashlib
import json
import os
import random
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
csv.field_size_limit(1 << 24)

MODEL_KINDS = ["text", "text", "text", "code", "vision-language", "image", "embedding", "multimodal", "speech"]
APP_CATEGORIES = ["Writing", "Image Generation", "Productivity", "Marketing", "Chatbots", "Video",
                  "Audio & Video", "Design", "Business", "Education", "Customer Support", "Research",
                  "Sales", "Automation", "Data & Analytics", "Developer Tools", "Meetings & Transcription"]
KIND_CATEGORY = {"image": "Image Generation", "speech": "Audio & Video", "audio": "Audio & Video", "video": "Video"}
EPOCH_DOMAIN_KIND = {"Language": "text", "Vision": "vision-language", "Image generation": "image",
                     "Multimodal": "multimodal", "Speech": "speech", "Audio": "audio", "Video": "video"}
LICENSES = [{"spdx": "Apache-2.0", "name": "Apache License 2.0"}, {"spdx": "MIT", "name": "MIT License"},
            {"spdx": None, "name": "Llama 3.1 Community License"}, {"spdx": "CC-BY-NC-4.0", "name": "CC BY-NC 4.0"}]
SIZES = [0.135, 0.5, 1, 1.5, 2, 3, 7, 8, 9, 13, 14, 27, 32, 70, 72, 405]
DATES = ["May 2024", "Jan 2025", "2024-05-13", "0613", "Sep 2023"]
STYLES = {  # style -> (site, profile, rule prefix)
    "hf": ("huggingface.co", "huggingface.co", "profile huggingface.co: "),
    "card": ("tool-verdicts.example", "tool-verdicts.example", "profile tool-verdicts.example: "),
    "launch": ("launchboard.example", None, "meta og:"),
    "blog": (None, None, "json-ld SoftwareApplication."),
}
SIZE_RE = re.compile(r"(?i)\b\d+(\.\d+)?\s*[bmt]\b")


def fold(s):
    return re.sub(r"[^a-z0-9+]", "", s.lower())


def slug(s):
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")[:80] or "x"


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def load_bases(corpus):
    """Base tools: {name, org, vendor, kind, category, model}, one per folded name."""
    bases, seen, abstracts = [], set(), []

    def add(name, org, vendor, kind, category):
        name = name.strip()
        if name and fold(name) and fold(name) not in seen:
            seen.add(fold(name))
            bases.append({"name": name, "org": org, "vendor": vendor, "kind": kind, "category": category,
                          "model": kind != "app"})

    for row in read_csv(os.path.join(corpus, "epoch-ai-models", "all_ai_models.csv")):
        domain = row["Domain"].split(",")[0]
        kind = EPOCH_DOMAIN_KIND.get(domain, "text")
        org = row["Organization"].split(",")[0].strip()
        add(row["Model"], slug(org) if org else "", org or None, kind, KIND_CATEGORY.get(kind, "Developer Tools"))
        if len(row["Abstract"]) > 200:
            abstracts.append(row["Abstract"][:4000])
    rnd = random.Random(0)  # the kind of a name-only model: a fixed draw per name
    for f in ("top_1000_hf_models.csv", "models_by_task.csv"):
        for row in read_csv(os.path.join(corpus, "hf-models-metadata", f)):
            org, _, name = row["model_id"].rpartition("/")
            kind = rnd.choice(MODEL_KINDS)
            add(name, org, org or None, kind, KIND_CATEGORY.get(kind, "Developer Tools"))
    with open(os.path.join(corpus, "llm-catalog-openrouter-litellm", "openrouter_models.json"), encoding="utf-8") as f:
        for m in json.load(f)["data"]:
            vendor, _, name = m["name"].rpartition(": ")
            add(name, slug(vendor) if vendor else "", vendor or None, "text", "Developer Tools")
    for row in read_csv(os.path.join(corpus, "ai-tools-aitoolhouse", "all_ai_tools_detailed.csv")):
        add(row["Name"], "", None, "app", rnd.choice(APP_CATEGORIES))
    return bases, abstracts


def variant(base, j, rnd, sizes):
    """The name page j of a base shows, and the size it names (or None)."""
    name = base["name"]
    if j == 0:
        return name, None
    if base["model"]:
        pick = rnd.choices(["same", "org", "instruct", "gguf", "4bit", "date", "case", "punct", "space", "size",
                            "size-instruct"], [3, 2, 1, 1, 1, 1, 1, 1, 1, 2, 1])[0]
    else:
        pick = rnd.choices(["same", "case", "punct", "space", "date"], [6, 1, 1, 1, 1])[0]
    size = None
    if pick.startswith("size") and not SIZE_RE.search(name):
        size = rnd.choice(sizes)
        name = f"{name}-{size:g}B" + ("-Instruct" if pick == "size-instruct" else "")
    elif pick == "org" and base["org"]:
        name = f"{base['org']}/{name}"
    elif pick == "instruct":
        name += "-Instruct"
    elif pick == "gguf":
        name = f"TheBloke/{name}-GGUF"
    elif pick == "4bit":
        name = f"mlx-community/{name}-4bit"
    elif pick == "date":
        name += f" ({rnd.choice(DATES)})"
    elif pick == "case":
        name = name.lower() if rnd.random() < 0.7 else name.upper()
    elif pick == "punct":
        name = re.sub(r"[^\w\s]", "", name) or name
    elif pick == "space":
        name = name.replace(" ", "") if " " in name else name.replace("-", " ")
    return name, size


def record(i, seed, base, j, rnd, sizes, abstracts):
    sha = hashlib.sha256(f"{seed}:{i}".encode()).hexdigest()
    name, size = variant(base, j, rnd, sizes)
    style = rnd.choice(["hf", "hf", "card", "blog"] if base["model"] else ["launch", "card", "card", "blog"])
    site, profile, rule = STYLES[style]
    file = f"{i:06d}-{style}-{slug(name)[:40]}.html"
    host = site or f"{slug(base['vendor'] or base['name'])}.example"
    path = f"{base['org']}/{slug(name)}" if style == "hf" and base["org"] else f"tools/{slug(name)}"
    if rnd.random() < 0.5:
        desc = rnd.choice(abstracts)
    else:
        desc = f"{name} helps teams with {base['category'].lower()}: page {j}, variant {rnd.randrange(1000)}."
    r = {
        "name": name,
        "vendor": base["vendor"] if base["vendor"] and rnd.random() < 0.7 else None,
        "category": base["category"] if rnd.random() < 0.9 else None,
        "tagline": desc.split(". ")[0][:160],
        "description": desc,
        "price": None,
        "license": None,
        "parameter_sizes": None,
        "kind": base["kind"] if rnd.random() < 0.85 else None,
        "source_url": f"https://{host}/{path}",
        "homepage": f"https://{slug(base['name'])}.example/" if rnd.random() < 0.6 else None,
        "source_file": file,
        "source_sha256": sha,
        "encoding": "utf-8",
        "profile": profile,
        "notes": [],
    }
    if base["model"]:
        if rnd.random() < 0.6:
            r["license"] = rnd.choice(LICENSES)
        if size is not None:
            r["parameter_sizes"] = [{"label": f"{size:g}B", "total": size * 1e9, "active": None, "experts": 0}]
        r["price"] = {"tier": "free", "amount": None, "currency": None, "period": None, "display": "Free"} \
            if rnd.random() < 0.3 else None
    elif rnd.random() < 0.8:
        tier = rnd.choice(["free", "freemium", "free_trial", "paid", "contact"])
        amount = rnd.choice([9, 19, 29, 49]) if tier in ("paid", "freemium") else None
        r["price"] = {"tier": tier, "amount": amount, "currency": "USD" if amount else None,
                      "period": "month" if amount else None,
                      "display": f"${amount}/month" if amount else tier.replace("_", " ").title()}
    r["provenance"] = {k: {"file": file, "rule": rule + k} for k, v in r.items()
                       if v is not None and k not in ("source_file", "source_sha256", "encoding", "profile", "notes")}
    return {"id": f"{sha}:0", "record": r}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpus", default=os.environ.get("TV_CORPUS", os.path.join(REPO, "..", "shared", "corpus")))
    a = ap.parse_args()
    folders = ("epoch-ai-models", "hf-models-metadata", "llm-catalog-openrouter-litellm", "ai-tools-aitoolhouse")
    if not all(os.path.isdir(os.path.join(a.corpus, d)) for d in folders):
        print(f"make_records.py: skipped: {a.corpus} is absent; the records are built from its real names",
              file=sys.stderr)
        return 77
    out = os.path.abspath(a.out)
    if out == REPO or out.startswith(REPO + os.sep):
        print("make_records.py: OUT must be outside the repository (internal corpus names)", file=sys.stderr)
        return 64
    bases, abstracts = load_bases(a.corpus)
    rnd = random.Random(a.seed)
    rnd.shuffle(bases)
    written, b, rounds = 0, 0, 0
    with open(out, "w", encoding="utf-8") as f:
        while written < a.n:
            if b == len(bases):  # every base used: scrape them all again (more pages, same tools)
                b, rounds = 0, rounds + 1
            base = bases[b]
            b += 1
            pages = min(100, 2 + int(rnd.expovariate(1 / 10)))
            sizes = rnd.sample(SIZES, rnd.choice([1, 1, 2, 3]))
            for j in range(pages if rounds == 0 else pages // 4 + 1):
                if written == a.n:
                    break
                f.write(json.dumps(record(written, a.seed, base, j + rounds, rnd, sizes, abstracts),
                                   ensure_ascii=False) + "\n")
                written += 1
    print(f"make_records.py: {written} records from {min(b + rounds * len(bases), len(bases))} of "
          f"{len(bases)} base names ({rounds} extra rounds) -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
