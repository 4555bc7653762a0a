#!/usr/bin/env python3
"""Generates scraped tool pages for the ingest benchmarks, from real records.

    python3 bench/make_pages.py N OUTDIR [--seed S] [--corpus DIR]

Writes N pages (UTF-8 .html files) into OUTDIR, deterministic for a seed: page i depends only
on (seed, i), so the first 1,000 pages of a 10,000-page set are the 1,000-page set.

The facts on the pages are real rows, read at benchmark time from ../shared/corpus:
  - ai-tools-aitoolhouse/all_ai_tools_detailed.csv (Name, Slug, Homepage, Short Description,
    Price Text, Pricing, Features, Categories, Social Links): tools;
  - epoch-ai-models/all_ai_models.csv (Model, Organization, Parameters, Parameters notes,
    Abstract, Domain, Model accessibility, Authors, Reference, Publication date, Training
    hardware, Training dataset, Link): models, and most of the long prose.
The ai-tools folder is marked *internal* in ../shared/corpus/README.md: its rows may be read
here but never copied into the repository. So the pages are only ever written to OUTDIR,
which bench/run puts in a temporary folder outside the repository.

Four site styles, with the weight of real pages (30-150 KB, median about 60 KB: navigation,
footers, inline scripts and styles, tracking links, unclosed tags, entities):
  hf        a Hugging Face model page (huggingface.co), matching profiles/huggingface.co.profile
  launch    a launch-listing page (launchboard.example), generic rules only
  card      a tool page on tool-verdicts.example, matching profiles/tool-verdicts.example.profile
  blog      a vendor blog post with a JSON-LD @graph (BlogPosting + SoftwareApplication + ...)

Exit status: 0 ok; 2 bad arguments; 77 skipped (the corpus is absent).
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import html
import json
import math
import multiprocessing
import os
import pathlib
import random
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus"
TOOLS_CSV = "ai-tools-aitoolhouse/all_ai_tools_detailed.csv"
MODELS_CSV = "epoch-ai-models/all_ai_models.csv"

STYLES = [("hf", 30), ("launch", 25), ("card", 25), ("blog", 20)]
MIN_BYTES, MEDIAN_BYTES, MAX_BYTES = 30_000, 60_000, 150_000

NBSP = "\u00a0"


def esc(s: str) -> str:
    return html.escape(s, quote=True)


def slugify(s: str) -> str:
    s = re.sub(r"[^A-Za-z0-9]+", "-", s).strip("-").lower()
    return s or "tool"


def hf_slug(s: str) -> str:
    s = re.sub(r"[()\[\],:;/'\"]", "", s.strip())
    s = re.sub(r"\s+", "-", s)
    s = re.sub(r"[^A-Za-z0-9._-]", "", s)
    return s or "model"


def host_of(url: str) -> str:
    m = re.match(r"^[a-z]+://([^/?#:]+)", url.strip(), re.I)
    h = m.group(1).lower() if m else ""
    return h[4:] if h.startswith("www.") else h


def human_params(p: str) -> str:
    try:
        v = float(p)
    except ValueError:
        return ""
    if v <= 0:
        return ""
    for div, unit in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if v >= div:
            x = v / div
            s = f"{x:.2f}".rstrip("0").rstrip(".") if x < 10 else f"{x:.1f}".rstrip("0").rstrip(".")
            return s + unit
    return str(int(v))


# ------------------------------------------------------------------------------------------
# Records
# ------------------------------------------------------------------------------------------
class Corpus:
    def __init__(self, root: pathlib.Path):
        with open(root / TOOLS_CSV, newline="", encoding="utf-8") as f:
            self.tools = [r for r in csv.DictReader(f) if r.get("Name", "").strip()]
        with open(root / MODELS_CSV, newline="", encoding="utf-8") as f:
            self.models = [r for r in csv.DictReader(f) if r.get("Model", "").strip()]
        self.abstracts = [r["Abstract"].strip() for r in self.models if len(r["Abstract"].strip()) > 200]
        self.descriptions = [r["Short Description"].strip() for r in self.tools
                             if r["Short Description"].strip()]
        if not self.tools or not self.models or not self.abstracts:
            raise SystemExit("make_pages: the corpus files hold no usable rows")


def paragraphs(text: str) -> list[str]:
    """Splits an abstract into 1-3 sentence paragraphs."""
    text = text.replace("\r", "")
    parts = [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    out: list[str] = []
    for p in parts:
        sents = re.split(r"(?<=[.!?])\s+", p)
        for i in range(0, len(sents), 3):
            out.append(" ".join(sents[i:i + 3]))
    return out or [text.strip()]


def price_text(row: dict, rng: random.Random) -> str:
    raw = row.get("Price Text", "").strip()
    tier = row.get("Pricing", "").strip() or "Free"
    if raw and raw != "[]":
        if rng.random() < 0.25:
            return raw                                   # as scraped: "199/mo"
        cur = rng.choice(["$", "$", "$", "€", "US$"])
        return f"{cur}{raw}" if rng.random() < 0.8 else f"From {cur}{raw}"
    if tier.startswith("Contact"):
        return "Contact for pricing"
    return tier.split(",")[0]


def vendor_of_tool(row: dict) -> str:
    h = host_of(row.get("Homepage", ""))
    if not h:
        return row["Name"].strip()
    label = h.split(".")[-2] if h.count(".") >= 1 else h
    return label[:1].upper() + label[1:]


def tool_facts(row: dict, rng: random.Random) -> dict:
    cats = [c.strip() for c in row.get("Categories", "").split(",") if c.strip()] or ["productivity"]
    desc = row["Short Description"].strip() or f"{row['Name'].strip()} is an AI tool."
    return dict(
        name=row["Name"].strip(), slug=row.get("Slug", "").strip() or slugify(row["Name"]),
        homepage=row.get("Homepage", "").strip() or f"https://{slugify(row['Name'])}.example/",
        tagline=desc if len(desc) < 120 else desc.split(". ")[0][:118],
        description=desc, price=price_text(row, rng), categories=cats,
        category=cats[0].title() if rng.random() < 0.7 else cats[0],
        features=[x.strip() for x in row.get("Features", "").split(",") if x.strip()],
        social=[x.strip() for x in row.get("Social Links", "").split(",") if x.strip()],
        vendor=vendor_of_tool(row), sizes="", license="", kind="", model=False)


DOMAIN_TAG = {
    "Language": ("text-generation", "Text Generation"),
    "Vision": ("image-classification", "Image Classification"),
    "Image generation": ("text-to-image", "Text-to-Image"),
    "Speech": ("automatic-speech-recognition", "Automatic Speech Recognition"),
    "Biology": ("other", "Other"),
    "Video": ("text-to-video", "Text-to-Video"),
    "Multimodal": ("image-text-to-text", "Image-Text-to-Text"),
    "Games": ("reinforcement-learning", "Reinforcement Learning"),
    "Robotics": ("robotics", "Robotics"),
    "Audio": ("text-to-audio", "Text-to-Audio"),
}
ACCESS_LICENSE = {
    "Open weights (unrestricted)": ["apache-2.0", "mit", "apache-2.0", "bsd-3-clause"],
    "Open weights (restricted use)": ["other", "llama3.1", "gemma", "openrail"],
    "Open weights (non-commercial)": ["cc-by-nc-4.0", "cc-by-nc-sa-4.0"],
}


def model_facts(row: dict, rng: random.Random) -> dict:
    name = row["Model"].strip()
    org = (row.get("Organization", "").split(",")[0].strip()) or "Independent researchers"
    domain = (row.get("Domain", "").split(",")[0].strip()) or "Language"
    tag, tag_label = DOMAIN_TAG.get(domain, ("other", "Other"))
    sizes = human_params(row.get("Parameters", ""))
    access = row.get("Model accessibility", "").strip()
    lic = rng.choice(ACCESS_LICENSE.get(access, ["other", "apache-2.0", "mit", "unknown"]))
    abstract = row.get("Abstract", "").strip()
    if len(abstract) < 80:
        abstract = (f"{name} is a {sizes + '-parameter ' if sizes else ''}{domain.lower()} model from "
                    f"{org}, published {row.get('Publication date', '') or 'recently'}. "
                    f"{row.get('Reference', '').strip()}").strip()
    first = paragraphs(abstract)[0]
    if rng.random() < 0.5:
        handle = re.sub(r"[^A-Za-z0-9]", "", org.split("(")[0]) or "community"
    else:
        handle = slugify(org.split("(")[0])
    return dict(
        name=name, slug=slugify(name), hf_name=hf_slug(name), org=org, handle=handle,
        homepage=row.get("Link", "").strip() or f"https://huggingface.co/{handle}/{hf_slug(name)}",
        tagline=first if len(first) < 140 else first[:first.rfind(" ", 0, 130)],
        description=abstract, abstract=abstract, price="Free" if access.startswith("Open") else
        rng.choice(["Contact for pricing", "API access", "Free"]),
        categories=[domain.lower(), "developer tools"], category=rng.choice(["Developer Tools", domain]),
        features=[], social=[], vendor=org, sizes=sizes,
        sizes_note=row.get("Parameters notes", "").strip(), license=lic, kind=tag, kind_label=tag_label,
        domain=domain, access=access, authors=row.get("Authors", "").strip(),
        reference=row.get("Reference", "").strip(), date=row.get("Publication date", "").strip(),
        hardware=row.get("Training hardware", "").strip(),
        dataset=row.get("Training dataset", "").strip(),
        compute_notes=row.get("Training compute notes", "").strip(),
        base=row.get("Base model", "").strip(), model=True)


# ------------------------------------------------------------------------------------------
# Shared page furniture: the weight of real pages
# ------------------------------------------------------------------------------------------
CSS_PROPS = ["display:flex", "align-items:center", "margin:0 auto", "padding:.5rem 1rem",
             "font-size:.875rem", "line-height:1.25rem", "color:#6b7280", "border-radius:.5rem",
             "background:linear-gradient(90deg,#fff 0,#f9fafb 100%)", "box-shadow:0 1px 2px rgba(0,0,0,.05)",
             "grid-template-columns:repeat(12,minmax(0,1fr))", "transition:all .15s ease-in-out",
             "font-family:Inter,ui-sans-serif,system-ui,-apple-system,sans-serif", "max-width:80rem",
             "overflow:hidden", "white-space:nowrap", "text-overflow:ellipsis", "gap:.75rem"]


def inline_css(rng: random.Random, rules: int, prefix: str) -> str:
    out = ["<style>"]
    for i in range(rules):
        sel = f".{prefix}-{rng.choice(['card','nav','btn','tag','grid','hero','list','item','meta','badge'])}-{i}"
        if rng.random() < 0.3:
            sel += f":hover>.{prefix}-x{i % 7}"
        props = ";".join(rng.sample(CSS_PROPS, rng.randint(2, 5)))
        if rng.random() < 0.1:
            out.append(f"@media (min-width:{rng.choice([640, 768, 1024, 1280])}px){{{sel}{{{props}}}}}")
        else:
            out.append(f"{sel}{{{props}}}")
    out.append("</style>")
    return "\n".join(out)


def analytics_script(rng: random.Random, page_id: str, site: str) -> str:
    gid = f"G-{rng.randrange(10**9, 10**10):X}"
    return f"""<script async src="https://www.googletagmanager.com/gtag/js?id={gid}"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){{dataLayer.push(arguments);}}
  gtag('js', new Date());
  gtag('config', '{gid}', {{ 'page_path': location.pathname, 'anonymize_ip': true, 'site': '{site}', 'rid': '{page_id}' }});
  (function(h,o,t,j,a,r){{ h.hj=h.hj||function(){{(h.hj.q=h.hj.q||[]).push(arguments)}};
    h._hjSettings={{hjid:{rng.randrange(10**6, 10**7)},hjsv:6}}; a=o.getElementsByTagName('head')[0];
    r=o.createElement('script');r.async=1; r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv; a.appendChild(r);
  }})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');
  if (document.cookie.indexOf("consent=") < 0 && window.innerWidth > 0) {{ document.documentElement.className += " needs-consent"; }}
  var __tpl = "<div class=\\"consent\\"><p>We use cookies &amp; similar tech</p></div>";
</script>
<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-{rng.randrange(10**5, 10**6):X}" height="0" width="0" style="display:none;visibility:hidden"></iframe></noscript>"""


def bundle_script(rng: random.Random, lines: int) -> str:
    """A minified-looking inline bundle (raw text to a parser, but real bytes on the wire)."""
    fns = []
    for i in range(lines):
        a, b = rng.randrange(1000), rng.randrange(1000)
        fns.append(f"function _{i:x}(e,t){{var n=e&&e.__esModule?e:{{default:e}};if(t<{a}&&n.default)"
                   f"{{return n.default[{b}%t]||null}}for(var r=0;r<t;r++){{if(e[r]==='</'+'div>')break}}"
                   f"return void 0}}")
    return "<script>\n!function(){\"use strict\";" + ";".join(fns) + "}();\n</script>"


def svg_icon(rng: random.Random) -> str:
    pts = " ".join(f"{rng.randint(0, 32)} {rng.randint(0, 32)}" for _ in range(rng.randint(4, 9)))
    return (f'<svg class="icon" xmlns="http://www.w3.org/2000/svg" aria-hidden="true" width="1em" '
            f'height="1em" viewBox="0 0 32 32"><path d="M{pts} Z" fill="currentColor"></path></svg>')


def tracking(url: str, rng: random.Random, source: str, raw_amp: bool = False) -> str:
    sep = "&" if "?" in url else "?"
    q = f"utm_source={source}&utm_medium={rng.choice(['referral', 'listing', 'newsletter'])}&utm_campaign=launch&ref={source}"
    u = url + sep + q
    return u if raw_amp else esc(u)


def size_target(rng: random.Random) -> int:
    v = math.exp(rng.gauss(math.log(MEDIAN_BYTES), 0.5))
    return int(min(MAX_BYTES, max(MIN_BYTES, v)))


class Page:
    """Collects HTML parts and knows its length."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.n = 0

    def add(self, s: str) -> None:
        self.parts.append(s)
        self.n += len(s)

    def text(self) -> str:
        return "".join(self.parts)


# ------------------------------------------------------------------------------------------
# (1) Hugging Face model page
# ------------------------------------------------------------------------------------------
HF_NAV = """<header class="border-b border-gray-100 dark:border-gray-900">
  <div class="w-full px-4 container flex h-16 items-center">
    <a class="mr-5 flex flex-none items-center lg:mr-6" href="/"><img alt="Hugging Face's logo" class="w-7 md:mr-2" src="/front/assets/huggingface_logo-noborder.svg"><span class="hidden whitespace-nowrap text-lg font-bold md:block">Hugging Face</span></a>
    <div class="relative flex-1 lg:max-w-sm mr-2 sm:mr-4 md:mr-3 xl:mr-6"><input autocomplete="off" class="w-full dark:bg-gray-950 pl-8 form-input-alt h-9 pr-3 focus:shadow-xl" name="" placeholder="Search models, datasets, users..." spellcheck="false" type="text" value=""></div>
    <nav aria-label="Main" class="ml-auto hidden lg:block">
      <ul class="flex items-center space-x-1.5 2xl:space-x-2">
        <li><a class="group flex items-center px-2 py-0.5" href="/models">Models</a></li>
        <li><a class="group flex items-center px-2 py-0.5" href="/datasets">Datasets</a></li>
        <li><a class="group flex items-center px-2 py-0.5" href="/spaces">Spaces</a></li>
        <li><a class="group flex items-center px-2 py-0.5" href="/docs">Docs</a></li>
        <li><a class="group flex items-center px-2 py-0.5" href="/enterprise">Enterprise</a></li>
        <li><a class="group flex items-center px-2 py-0.5" href="/pricing">Pricing</a></li>
        <li><a class="whitespace-nowrap px-2 py-0.5" href="/login">Log In</a></li>
        <li><a class="whitespace-nowrap rounded-full border border-transparent bg-gray-900 px-3 py-1 leading-none text-white" href="/join">Sign Up</a></li>
      </ul>
    </nav>
  </div>
</header>"""

HF_FOOTER = """<footer class="b-12 mb-2 flex border-t border-gray-100 md:h-14">
  <nav class="container relative flex flex-col justify-between space-y-2 py-6 text-gray-500 md:flex-row md:items-center md:space-y-0 md:py-0 md:text-sm">
    <div class="SVELTE_HYDRATER contents" data-target="ThemeSwitcher" data-props="{&quot;theme&quot;:&quot;system&quot;,&quot;isLoggedIn&quot;:false}"><div class="relative inline-block"><button class="rounded-full border border-gray-100 pl-2 py-1 pr-2.5" type="button">System theme</button></div></div>
    <div class="order-last pt-6 text-gray-400 md:order-none md:pt-0 md:text-sm">Company</div>
    <a class="hover:underline" href="/terms-of-service">TOS</a>
    <a class="hover:underline" href="/privacy">Privacy</a>
    <a class="hover:underline" href="/huggingface">About</a>
    <a class="hover:underline" href="https://apply.workable.com/huggingface/">Jobs</a>
    <a class="hover:underline" href="/learn">Learn</a>
    <a class="hover:underline" href="https://discuss.huggingface.co">Forum</a>
    <a class="hover:underline" href="https://status.huggingface.co/">Status</a>
  </nav>
</footer>"""


def hf_props(m: dict, rng: random.Random) -> str:
    """The model header's data-props: JSON, HTML-escaped into an attribute (as the Hub does)."""
    shards = rng.randint(1, 12)
    siblings = ",".join(
        f'{{"rfilename":"model-{i:05d}-of-{shards:05d}.safetensors","size":{rng.randrange(10**8, 5 * 10**9)}}}'
        for i in range(1, shards + 1))
    js = (f'{{"model":{{"author":"{m["handle"]}","id":"{m["handle"]}/{m["hf_name"]}","pipeline_tag":"{m["kind"]}",'
          f'"private":false,"gated":{str(rng.random() < 0.3).lower()},"likes":{rng.randrange(5000)},'
          f'"downloads":{rng.randrange(10**6)},"library_name":"transformers","siblings":[{siblings},'
          f'{{"rfilename":"config.json"}},{{"rfilename":"tokenizer.json"}},{{"rfilename":"README.md"}}],'
          f'"cardData":{{"license":"{m["license"]}","language":["en"],"tags":["{m["domain"].lower()}"]}}}},'
          f'"canWrite":false}}')
    return esc(js)


def card_section_from(other: dict, rng: random.Random) -> str:
    heading = rng.choice(["Background", "Related work", "Comparison", "Training details", "Intended uses",
                          "Limitations", "Technical report"])
    ps = "\n".join(f"        <p>{esc(p)}</p>" for p in paragraphs(other["abstract"])[:4])
    return (f'        <h2 id="{slugify(heading)}-{rng.randrange(10**4)}">{heading}: {esc(other["name"])}</h2>\n'
            f"{ps}\n")


def render_hf(m: dict, others: list[dict], rng: random.Random, page_id: str, target: int) -> str:
    repo = f'{m["handle"]}/{m["hf_name"]}'
    url = f"https://huggingface.co/{repo}"
    p = Page()
    title = f"{repo} · Hugging Face"
    p.add(f"""<!doctype html>
<html class="">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0, user-scalable=no">
<meta name="description" content="We’re on a journey to advance and democratize artificial intelligence through open source and open science.">
<meta property="fb:app_id" content="1321688464574422">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:site" content="@huggingface">
<meta name="twitter:image" content="https://cdn-thumbnails.huggingface.co/social-thumbnails/models/{esc(repo)}.png">
<meta property="og:title" content="{esc(title)}">
<meta property="og:type" content="website">
<meta property="og:url" content="{esc(url)}">
<meta property="og:image" content="https://cdn-thumbnails.huggingface.co/social-thumbnails/models/{esc(repo)}.png">
<link rel="stylesheet" href="/front/build/kube-{page_id[:7]}/style.css">
<link rel="preconnect" href="https://fonts.gstatic.com">
{f'<link rel="canonical" href="{esc(url)}">' if rng.random() < 0.85 else ''}
<title>{esc(title)}</title>
{inline_css(rng, rng.randint(40, 160), "hf")}
<script>
  window.hubConfig = {{"features":{{"signupDisabled":false}},"sshGitUrl":"git@hf.co","moonHttpUrl":"https:\\/\\/huggingface.co","captchaApiKey":"{page_id}","stripePublicKey":"pk_live_x","environment":"production","userAgent":"HuggingFace (production)"}};
  if (window.innerWidth < 640 && document.cookie.indexOf("theme=") < 0) {{
    document.documentElement.classList.add("compact");
  }}
  var toastTpl = "<div class=\\"toast\\"><span>Copied!</span></div>";
</script>
{analytics_script(rng, page_id, "hf")}
</head>
<body class="flex flex-col min-h-dvh bg-white dark:bg-gray-950 text-black ModelPage">
<div class="flex min-h-dvh flex-col">
{HF_NAV}
<main class="flex flex-1 flex-col" data-page-type="model">
  <section class="model-header container pt-6 from-gray-50-to-white bg-gradient-to-t via-white dark:via-gray-950" data-target="ModelHeader" data-props="{hf_props(m, rng)}">
    <h1 class="model-title mb-2 flex flex-wrap items-center text-lg md:text-xl">
      {svg_icon(rng)}
      <a href="/{esc(m['handle'])}" class="org-link text-gray-400 hover:text-blue-600" data-org="{esc(m['handle'])}">{esc(m['handle'])}</a>
      <div class="mx-0.5 text-gray-300">/</div>
      <a href="/{esc(repo)}" class="model-link font-mono font-semibold break-all" data-model-name="{esc(m['hf_name'])}">{esc(m['hf_name'])}</a>
      <button class="copy-button relative cursor-pointer" title="Copy model name to clipboard" type="button">{svg_icon(rng)}</button>
    </h1>
    <div class="like-button inline-flex items-center" data-target="LikeButton"><button class="btn" title="Like">like</button><span class="count">{rng.randrange(3000)}</span></div>
    <div class="model-tags mb-3 flex flex-wrap md:mb-4" data-target="ModelHeaderTags">
      <a class="tag tag-pipeline" data-tag-type="pipeline_tag" data-tag="{m['kind']}" href="/models?pipeline_tag={m['kind']}">{svg_icon(rng)}<span>{esc(m['kind_label'])}</span></a>
      <a class="tag tag-library" data-tag-type="library" data-tag="transformers" href="/models?library=transformers"><span>Transformers</span></a>
      <a class="tag tag-library" data-tag-type="library" data-tag="safetensors" href="/models?library=safetensors"><span>Safetensors</span></a>
""")
    for ds in [d.strip() for d in m["dataset"].split(",") if d.strip()][:4]:
        p.add(f'      <a class="tag" data-tag-type="dataset" data-tag="{esc(ds)}" href="/datasets/{esc(slugify(ds))}"><span>{esc(ds)}</span></a>\n')
    p.add(f"""      <a class="tag" data-tag-type="language" data-tag="en" href="/models?language=en"><span>English</span></a>
      <a class="tag tag-license" data-tag-type="license" data-tag="{m['license']}" href="/models?license=license:{m['license']}"><span class="label">License:</span> <span>{m['license']}</span></a>
    </div>
    <nav class="model-tabs flex h-12 items-center" aria-label="Model tabs">
      <a class="tab tab-active" href="/{esc(repo)}" data-tab="card">Model card</a>
      <a class="tab" href="/{esc(repo)}/tree/main" data-tab="files">Files and versions</a>
      <a class="tab" href="/{esc(repo)}/discussions" data-tab="community" data-count="{rng.randrange(60)}">Community</a>
    </nav>
  </section>
  <div class="container model-body relative grid grid-cols-1 md:grid-cols-12">
    <section class="model-card pt-8 md:col-span-8 pb-24 relative break-words">
      <!-- HTML_TAG_START -->
      <div class="model-card-content prose md:px-6" data-target="ModelCard">
        <h1 id="{slugify(m['name'])}">{esc(m['name'])}</h1>
        <p><img src="https://huggingface.co/datasets/{esc(m['handle'])}/documentation-images/resolve/main/{slugify(m['name'])}-banner.png" alt="" width="800"></p>
""")
    for para in paragraphs(m["abstract"]):
        p.add(f"        <p>{esc(para)}</p>\n")
    p.add(f"""        <h2 id="model-summary">Model Summary</h2>
        <ul>
        <li><strong>Developed by:</strong> {esc(m['org'])}</li>
        <li><strong>Model type:</strong> {esc(m['domain'])} model</li>
        <li><strong>Parameters:</strong> {esc(m['sizes_note'] or m['sizes'] or 'n/a')}</li>
        <li><strong>License:</strong> {esc(m['license'])}</li>
        <li><strong>Training hardware:</strong> {esc(m['hardware'] or 'not disclosed')}</li>
        <li><strong>Published:</strong> {esc(m['date'] or 'n/a')}</li>
        </ul>
        <h3 id="getting-started">Getting started</h3>
<pre><code class="language-python"><span class="hljs-keyword">from</span> transformers <span class="hljs-keyword">import</span> AutoTokenizer, AutoModel
model_id = <span class="hljs-string">&quot;{esc(repo)}&quot;</span>
tok = AutoTokenizer.from_pretrained(model_id)
model = AutoModel.from_pretrained(model_id, torch_dtype=torch.bfloat16, device_map=<span class="hljs-string">&quot;auto&quot;</span>)
<span class="hljs-keyword">if</span> <span class="hljs-built_in">len</span>(batch) &lt; <span class="hljs-number">{rng.randint(8, 128)}</span>:  <span class="hljs-comment"># small batches go in whole</span>
    out = model(**tok(batch, return_tensors=<span class="hljs-string">&quot;pt&quot;</span>))
</code></pre>
        <h2 id="evaluation">Evaluation</h2>
        <table><thead><tr><th>Benchmark<th>Score<th>Notes</thead>
        <tbody>
""")
    for b in rng.sample(["MMLU", "HellaSwag", "ARC-C", "GSM8K", "HumanEval", "TruthfulQA", "WinoGrande",
                         "MMBench", "TextVQA", "ImageNet-1k", "COCO", "LibriSpeech"], rng.randint(4, 9)):
        p.add(f"        <tr><td>{b}<td>{rng.uniform(20, 95):.1f}<td>{rng.choice(['5-shot', '0-shot', 'pass@1', 'top-1', '&mdash;'])}\n")
    p.add("        </tbody></table>\n")
    if m["compute_notes"]:
        p.add(f'        <h2 id="training">Training</h2>\n        <p>{esc(m["compute_notes"])}</p>\n')
    if m["authors"] or m["reference"]:
        p.add(f"""        <h2 id="citation">Citation</h2>
<pre><code class="language-bibtex">@misc{{{slugify(m['name'])}{m['date'][:4]},
  title = {{{esc(m['reference'] or m['name'])}}},
  author = {{{esc(m['authors'][:400] or m['org'])}}},
  year = {{{m['date'][:4] or 'n.d.'}}}
}}</code></pre>
""")
    footer_tail = []
    footer_tail.append("      </div>\n      <!-- HTML_TAG_END -->\n    </section>\n")
    sidebar = [f"""    <aside class="model-sidebar pt-8 md:col-span-4 md:pl-6">
      <dl class="stats">
        <div class="downloads" data-testid="downloads"><dt class="label">Downloads last month</dt><dd class="value">{rng.randrange(10**6):,}</dd></div>
      </dl>
"""]
    if m["sizes"]:
        sep = NBSP if rng.random() < 0.3 else " "
        sidebar.append(f'      <div class="safetensors-info mb-5" data-testid="model-size"><span class="label">Model size</span> <span class="value">{m["sizes"]}{sep}params</span></div>\n')
    sidebar.append(f'      <div class="mb-5" data-testid="tensor-type"><span class="label">Tensor type</span> <span class="value">{rng.choice(["BF16", "F32", "F16", "I8"])}</span></div>\n')
    sidebar.append(f"""      <section class="model-tree mb-6">
        <h2 class="text-smd">Model tree for {esc(repo)}</h2>
        <div class="tree-row"><span class="label">Base model</span> <a href="/{esc(m['base'] or repo)}">{esc(m['base'] or repo)}</a></div>
        <div class="tree-row"><span class="label">Finetunes</span> <a href="#">{rng.randrange(80)} models</a></div>
        <div class="tree-row"><span class="label">Quantizations</span> <a href="#">{rng.randrange(40)} models</a></div>
      </section>
      <section class="spaces-using">
        <h2 class="text-smd">Spaces using {esc(repo)}</h2>
        <ul>""")
    spaces = "".join(f'<li><a href="/spaces/{slugify(o["org"])}/{slugify(o["name"])}-demo">{esc(slugify(o["org"]))}/{esc(slugify(o["name"]))}-demo</a>'
                     + ("</li>" if rng.random() < 0.7 else "") for o in others[:rng.randint(3, 20)])
    sidebar.append(spaces + "</ul>\n      </section>\n    </aside>\n  </div>\n</main>\n")
    tail = [HF_FOOTER, "\n</div>\n",
            f'<script type="application/json" id="hub-data">{{"repoId":"{esc(repo)}","repoType":"model","pipelineTag":"{m["kind"]}","isLoggedIn":false,"rid":"{page_id}"}}</script>\n',
            bundle_script(rng, rng.randint(20, 120)), "\n</body>\n</html>\n"]
    fixed_tail = sum(len(x) for x in footer_tail + sidebar + tail)
    i = 0
    while p.n + fixed_tail < target:
        o = others[i % len(others)]
        i += 1
        if rng.random() < 0.9:
            p.add(card_section_from(o, rng))
        else:
            p.add(bundle_script(rng, rng.randint(10, 40)))  # a widget's inline script in the card
    for x in footer_tail + sidebar + tail:
        p.add(x)
    return p.text()


# ------------------------------------------------------------------------------------------
# (2) Launch-listing page: no profile, generic rules; sloppy markup
# ------------------------------------------------------------------------------------------
def render_launch(t: dict, others: list[dict], rng: random.Random, page_id: str, target: int) -> str:
    slug = t["slug"]
    canon = f"https://launchboard.example/posts/{slug}?ref=homepage&amp;utm_source=newsletter&amp;utm_medium=email"
    dash = rng.choice(["—", "&mdash;", "&#8212;", "-", "|"])
    p = Page()
    p.add(f"""<!DOCTYPE html>
<html lang=en>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{esc(t['name'])} {dash} {esc(t['tagline'])} | LaunchBoard</title>
<meta name="description" content="{esc(t['description'])}">
<meta property="og:site_name" content="LaunchBoard">
<meta property="og:type" content="website">
<meta property="og:title" content="{esc(t['name'])} {dash} {esc(t['tagline'])}">
<meta property="og:description" content="{esc(t['description'])}">
<meta property="og:url" content="{canon}">
<meta property="og:image" content="https://cdn.launchboard.example/og/{esc(slug)}.png?utm_source=og&v={page_id[:8]}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="{esc(t['name'])} on LaunchBoard">
<meta name="twitter:description" content="{esc(t['tagline'])}">
<link rel="canonical" href="{canon}">
<link rel="stylesheet" href="/assets/app.{page_id[:4]}.css">
{inline_css(rng, rng.randint(30, 120), "lb")}
<script>
  window.__LB__ = {{ postId: {rng.randrange(10**5)}, slug: "{esc(slug)}", upvotes: {rng.randrange(5000)}, rid: "{page_id}" }};
  if (window.__LB__.upvotes < 10) {{ document.documentElement.className += " low"; }}
</script>
{analytics_script(rng, page_id, "launchboard")}
</head>
<body class="post-page">
<div id="cookie-banner" class="cookie-banner" role="dialog" aria-live="polite">
  <h2>We value your privacy</h2>
  <p>We use cookies to improve your experience&hellip; and to measure launches. <a href="/privacy?ref=cookie-banner&utm_source=banner">Learn more</a>
  <button type="button" class="accept">Accept all</button> <button type="button" class="reject">Reject non-essential</button>
</div>
<header class="site-header">
  <a class="logo" href="/?ref=logo"><img src="/assets/logo.svg" alt="LaunchBoard"> LaunchBoard</a>
  <nav><ul class="nav">
    <li><a href="/launches?ref=nav">Launches</a>
    <li><a href="/topics?ref=nav">Topics</a>
    <li><a href="/newsletter?utm_source=nav&amp;utm_medium=web">Newsletter</a>
    <li><a href="/login">Sign in</a>
  </ul></nav>
</header>
<main id="main">
<section class="post" data-post-id="{rng.randrange(10**5)}">
  <div class="post-thumb"><img src="https://cdn.launchboard.example/thumbs/{esc(slug)}.png" alt="{esc(t['name'])} logo" width=80 height=80></div>
  <h1 class="post-name">{esc(t['name'])}</h1>
  <h2 class="post-tagline">{esc(t['tagline'])}</h2>
  <ul class="post-topics">
""")
    for c in t["categories"]:
        p.add(f'    <li><a href="/topics/{slugify(c)}?ref=post">{esc(c.title())}</a>\n')
    p.add(f"""  </ul>
  <div class="badges"><span class="price-badge">{esc(t['price'])}</span> <span class="badge badge-potd">#{rng.randint(1, 9)} Product of the Day</span></div>
  <div class="cta">
    <a class="visit-btn" href="{tracking(t['homepage'], rng, 'launchboard', raw_amp=rng.random() < 0.5)}" rel="nofollow noopener" target="_blank">Visit website</a>
    <button class="upvote" data-count="{rng.randrange(3000)}">&#9650; Upvote {rng.randrange(3000):,}</button>
  </div>
  <div class="post-description">
    <p>{esc(t['description'])}
    <p>Features: {esc(', '.join(t['features']) or 'n/a')} &middot; Pricing: {esc(t['price'])}
  </div>
  <div class="makers">
    <h3>Makers</h3>
    <ul><li><a href="/@{esc(slugify(t['vendor']))}">{esc(t['vendor'])} team</a> <span class="role">Maker</span></ul>
  </div>
  <section class="comments">
    <h3>Discussion</h3>
    <ul>
""")
    tail = ["    </ul>\n  </section>\n</section>\n<aside class=\"sidebar\">\n  <h3>Trending launches</h3>\n  <ol>\n"]
    for o in others[:rng.randint(5, 15)]:
        tail.append(f'    <li><a href="/posts/{esc(o["slug"])}?ref=sidebar"><h4>{esc(o["name"])}</h4></a><p>{esc(o["tagline"])}\n')
    tail.append("  </ol>\n</aside>\n</main>\n")
    tail.append('<footer class="site-footer">&copy; 2026 LaunchBoard&nbsp;&middot;&nbsp;<a href="/about?ref=footer">About</a>&nbsp;&middot;&nbsp;<a href="/terms">Terms</a></footer>\n')
    tail.append('<dialog id="login-modal"><h1>Sign in to LaunchBoard</h1><p>Upvote, comment and follow makers.</dialog>\n')
    tail.append(bundle_script(rng, rng.randint(20, 100)))
    tail.append(f'\n<img src="https://px.launchboard.example/p.gif?e=view&pid={page_id}&r=" width=1 height=1 alt="">\n</body>\n</html>\n')
    fixed_tail = sum(len(x) for x in tail)
    i = 0
    users = ["dev_in_lisbon", "mlops_maria", "edge_eng", "pm_kenji", "data_dana", "indie_hacker_ola", "ux_ravi"]
    while p.n + fixed_tail < target:
        o = others[i % len(others)]
        i += 1
        r = rng.random()
        if r < 0.6:
            p.add(f'      <li class="comment"><p class="author">{rng.choice(users)}</p><p>How does it compare to '
                  f'{esc(o["name"])}? They say: &ldquo;{esc(o["description"])}&rdquo; &#8212; curious&nbsp;&amp;&nbsp;interested&hellip;\n')
        elif r < 0.9:
            p.add(f'      <li class="comment"><p class="author">{rng.choice(users)}</p><p>We switched from '
                  f'<a href="{tracking(o["homepage"], rng, "comment", raw_amp=True)}" rel=nofollow>{esc(o["name"])}</a>'
                  f' <b><i>last week</b></i>. {esc(o["tagline"])}\n')
        else:
            p.add(f'      <li class="comment reply"><div class="avatar">{svg_icon(rng)}</div><p>Congrats on the launch! &#x1F680;</li>\n')
    for x in tail:
        p.add(x)
    return p.text()


# ------------------------------------------------------------------------------------------
# (3) Tool-card page on tool-verdicts.example: matches its profile
# ------------------------------------------------------------------------------------------
def mini_card(o: dict) -> str:
    return (f'      <li><article class="tool-card tool-card--mini" data-slug="{esc(o["slug"])}">\n'
            f'        <h3 class="tool-name"><a href="/tools/{esc(o["slug"])}">{esc(o["name"])}</a></h3>\n'
            f'        <p class="tool-tagline">{esc(o["tagline"])}</p>\n'
            f'      </article></li>\n')


def render_card(t: dict, others: list[dict], rng: random.Random, page_id: str, target: int) -> str:
    slug = t["slug"]
    url = f"https://tool-verdicts.example/tools/{slug}"
    cat_slug = slugify(t["category"])
    p = Page()
    p.add(f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(t['name'])} review: panel verdict, pricing and community vote | Tool Verdicts</title>
<meta name="description" content="{esc(t['tagline'])}">
<link rel="canonical" href="{esc(url)}">
<meta property="og:url" content="{esc(url)}">
<meta property="og:site_name" content="Tool Verdicts">
<meta property="og:title" content="{esc(t['name'])}">
<meta property="og:type" content="website">
<link rel="stylesheet" href="/assets/site.css?v={page_id[:6]}">
{inline_css(rng, rng.randint(30, 120), "tv")}
{analytics_script(rng, page_id, "tool-verdicts")}
</head>
<body>
<header class="site-header">
  <a class="brand" href="/">Tool Verdicts</a>
  <nav aria-label="Site"><ul>
    <li><a href="/">Comparisons</a></li>
    <li><a href="/categories/{cat_slug}">{esc(t['category'])}</a></li>
    <li><a href="/tools">All tools</a></li>
    <li><a href="/newsletter">Newsletter</a></li>
  </ul></nav>
</header>
<main id="content">
  <nav class="breadcrumb" aria-label="Breadcrumb"><a href="/">Home</a> › <a href="/categories/{cat_slug}">{esc(t['category'])}</a> › <span>{esc(t['name'])}</span></nav>
""")
    minis_before = rng.random() < 0.3
    if minis_before:
        p.add('  <aside class="related related--top" aria-label="Popular now"><ul>\n')
        for o in others[:rng.randint(2, 4)]:
            p.add(mini_card(o))
        p.add("  </ul></aside>\n")
    cls = "tool-card tool-card--page" if rng.random() < 0.9 else "tool-card"
    attrs = f'data-slug="{esc(slug)}" data-vendor="{esc(t["vendor"])}"'
    if t["kind"]:
        attrs += f' data-kind="{esc(t["kind"])}"'
    if t["sizes"]:
        attrs += f' data-sizes="{esc(t["sizes"])}"'
    if t["license"]:
        attrs += f' data-license="{esc(t["license"])}"'
    p.add(f"""  <article class="{cls}" id="tool" {attrs}>
    <header>
      <p class="tool-category"><a href="/categories/{cat_slug}">{esc(t['category'])}</a></p>
      <h1 class="tool-name">{esc(t['name'])}</h1>
      <p class="tool-tagline">{esc(t['tagline'])}</p>
    </header>
    <dl class="tool-stats">
      <div class="stat stat--panel"><dt>Panel ship</dt><dd class="tool-panel-ship" data-value="{rng.choice([50, 75, 100])}%">{rng.choice([50, 75, 100])}%</dd></div>
      <div class="stat stat--community"><dt>Community</dt><dd class="tool-community"> &mdash; </dd></div>
      <div class="stat stat--entry"><dt>Entry</dt><dd class="tool-entry-price">{esc(t['price'])}</dd></div>
    </dl>
    <div class="tool-description">
      <p>{esc(t['description'])}</p>
    </div>
    <p class="tool-links"><a class="tool-homepage" href="{esc(t['homepage'])}" rel="nofollow">Visit {esc(t['name'])}</a></p>
  </article>
  <section class="verdicts">
    <h2>Head-to-head</h2>
    <table class="compare">
      <thead><tr><th>Tool</th><th>Category</th><th>Entry</th><th>Panel</th></tr></thead>
      <tbody>
""")
    tail = ["      </tbody>\n    </table>\n  </section>\n",
            '  <aside class="related" aria-label="Compared with">\n    <h2>Compared with</h2>\n    <ul>\n']
    for o in others[-rng.randint(2, 6):]:
        tail.append(mini_card(o))
    tail.append("    </ul>\n  </aside>\n</main>\n")
    tail.append("""<section class="newsletter">
  <h2>Weekly AI Tool Verdicts</h2>
  <p>Get the next comparison in your inbox</p>
  <p>New AI tools ship daily. We compare them before you waste an afternoon.</p>
  <form action="/subscribe" method="post"><input type="email" name="email" placeholder="you@example.com"><button type="submit">Subscribe</button></form>
</section>
<footer class="site-footer"><p>&copy; 2026 Tool Verdicts &middot; <a href="/about">About</a> &middot; <a href="/feed.atom">Atom feed</a></p></footer>
""")
    index = ",".join(f'{{"s":"{o["slug"]}","n":{esc_json(o["name"])},"c":{esc_json(o["category"])}}}'
                     for o in others[:rng.randint(10, 60)])
    tail.append(f'<script type="application/json" id="search-index">[{index}]</script>\n')
    tail.append(bundle_script(rng, rng.randint(20, 100)))
    tail.append("\n</body>\n</html>\n")
    fixed_tail = sum(len(x) for x in tail)
    i = 0
    while p.n + fixed_tail < target:
        o = others[i % len(others)]
        i += 1
        if rng.random() < 0.55:
            p.add(f'      <tr class="row"><td><a href="/tools/{esc(o["slug"])}">{esc(o["name"])}</a>'
                  f'<td>{esc(o["category"])}<td>{esc(o["price"])}<td>{rng.choice([25, 50, 75, 100])}%\n'
                  f'      <tr class="row-detail"><td colspan=4><p>{esc(o["description"])}</p>'
                  f'<p class="why">Why: {esc(o["tagline"])} &middot; <a href="{tracking(o["homepage"], rng, "tool-verdicts")}">site</a></p></td></tr>\n')
        else:
            # FAQ rows live in the table body in some old pages; a browser moves them out.
            p.add(f'      <tr><td colspan=4><details class="faq"><summary>Is {esc(t["name"])} better than {esc(o["name"])}?</summary>'
                  f'<p>{esc(o["description"])} {svg_icon(rng)}</details>\n')
    for x in tail:
        p.add(x)
    return p.text()


def esc_json(s: str) -> str:
    out = s.replace("\\", "\\\\").replace('"', '\\"').replace("</", "<\\/").replace("\n", " ")
    return f'"{out}"'


# ------------------------------------------------------------------------------------------
# (4) Vendor blog post with a JSON-LD @graph
# ------------------------------------------------------------------------------------------
def render_blog(t: dict, others: list[dict], rng: random.Random, page_id: str, target: int) -> str:
    host = host_of(t["homepage"]) or f"{slugify(t['vendor'])}.example"
    if host in ("huggingface.co", "hf.co", "tool-verdicts.example", "arxiv.org", "github.com"):
        host = f"{slugify(t['vendor'])}.example"  # not a profile host, not a paper host
    post_slug = f"introducing-{t['slug']}"
    url = f"https://{host}/blog/{post_slug}"
    headline = f"Introducing {t['name']}: {t['tagline']}"
    price = "0" if t["price"].lower().startswith("free") else re.sub(r"[^0-9.]", "", t["price"]) or None
    app = {
        "@type": "SoftwareApplication", "@id": f"https://{host}/#software", "name": t["name"],
        "description": t["description"], "applicationCategory": t["category"],
        "operatingSystem": "Web", "url": t["homepage"],
        "author": {"@id": f"https://{host}/#organization"},
        "publisher": {"@id": f"https://{host}/#organization"},
    }
    if t["license"]:
        app["license"] = t["license"]
    if t["sizes"] and rng.random() < 0.5:
        app["applicationSubCategory"] = t["kind"] or "model"
    if price is not None:
        app["offers"] = {"@type": "Offer", "price": price, "priceCurrency": "USD"}
    graph = [
        {"@type": "WebSite", "@id": f"https://{host}/#website", "url": f"https://{host}/", "name": t["vendor"],
         "potentialAction": {"@type": "SearchAction", "target": f"https://{host}/?s={{search_term_string}}",
                             "query-input": "required name=search_term_string"}},
        {"@type": "Organization", "@id": f"https://{host}/#organization", "name": t["vendor"],
         "url": f"https://{host}/", "logo": f"https://{host}/logo.png", "sameAs": t["social"][:4]},
        {"@type": "WebPage", "@id": url, "url": url, "name": headline, "isPartOf": {"@id": f"https://{host}/#website"},
         "breadcrumb": {"@id": url + "#breadcrumb"}},
        {"@type": "BreadcrumbList", "@id": url + "#breadcrumb", "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Home", "item": f"https://{host}/"},
            {"@type": "ListItem", "position": 2, "name": "Blog", "item": f"https://{host}/blog/"},
            {"@type": "ListItem", "position": 3, "name": headline}]},
        {"@type": "BlogPosting", "@id": url + "#article", "headline": headline, "description": t["tagline"],
         "datePublished": "2026-11-%02dT09:00:00+00:00" % rng.randint(1, 28),
         "author": {"@type": "Person", "name": f"{t['vendor']} team"},
         "publisher": {"@id": f"https://{host}/#organization"}, "about": {"@id": f"https://{host}/#software"},
         "mainEntityOfPage": url},
        app,
    ]
    if rng.random() < 0.5:
        graph.append(graph.pop(5))  # the software node is not always last or first
        rng.shuffle(graph)
    ld = json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=rng.random() < 0.5,
                    indent=2 if rng.random() < 0.5 else None).replace("</", "<\\/")
    p = Page()
    p.add(f"""<!doctype html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(headline)} &#8211; {esc(t['vendor'])} Blog</title>
<meta name="description" content="{esc(t['tagline'])}">
<meta property="og:title" content="{esc(headline)}">
<meta property="og:type" content="article">
<meta property="og:url" content="{esc(url)}">
<meta property="og:site_name" content="{esc(t['vendor'])} Blog">
<meta property="og:image" content="https://{host}/wp-content/uploads/2026/11/{esc(t['slug'])}-hero.png">
<link rel="canonical" href="{esc(url)}">
<link rel="alternate" type="application/rss+xml" title="{esc(t['vendor'])} &raquo; Feed" href="https://{host}/feed/">
<link rel='stylesheet' id='wp-block-library-css' href='https://{host}/wp-includes/css/dist/block-library/style.min.css?ver=6.4.2' media='all' />
<script type="application/ld+json">
{ld}
</script>
{inline_css(rng, rng.randint(60, 200), "wp")}
<script>
window._wpemojiSettings = {{"baseUrl":"https:\\/\\/s.w.org\\/images\\/core\\/emoji\\/14.0.0\\/72x72\\/","ext":".png","source":{{"concatemoji":"https:\\/\\/{host}\\/wp-includes\\/js\\/wp-emoji-release.min.js?ver=6.4.2"}}}};
!function(i,n){{var o,s,e;function c(e){{try{{var t={{supportTests:e,timestamp:(new Date).valueOf()}};sessionStorage.setItem(o,JSON.stringify(t))}}catch(e){{}}}}}}(window,document);
</script>
{analytics_script(rng, page_id, host)}
</head>
<body class="post-template-default single single-post postid-{rng.randrange(10**5)} single-format-standard">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header">
  <div class="site-branding"><a href="https://{host}/" rel="home"><img src="https://{host}/logo.png" alt="{esc(t['vendor'])}"></a></div>
  <nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">
    <li class="menu-item"><a href="https://{host}/product/">Product</a></li>
    <li class="menu-item"><a href="https://{host}/pricing/">Pricing</a></li>
    <li class="menu-item current-menu-item"><a href="https://{host}/blog/" aria-current="page">Blog</a></li>
    <li class="menu-item"><a href="https://{host}/docs/">Docs</a></li>
    <li class="menu-item menu-cta"><a href="{tracking(t['homepage'], rng, 'blog-nav')}">Try it free</a></li>
  </ul></nav>
</header>
<div id="content" class="site-content">
<main id="primary" class="site-main">
<article id="post-{rng.randrange(10**5)}" class="post type-post status-publish format-standard has-post-thumbnail hentry">
  <header class="entry-header">
    <h1 class="entry-title">{esc(headline)}</h1>
    <div class="entry-meta"><span class="posted-on">Posted on <time class="entry-date published" datetime="2026-11-18T09:00:00+00:00">November 18, 2026</time></span> <span class="byline">by <span class="author vcard">{esc(t['vendor'])} team</span></span></div>
  </header>
  <div class="entry-content">
<p>{esc(t['description'])}</p>
""")
    if t["model"]:
        for para in paragraphs(t["abstract"]):
            p.add(f"<p>{esc(para)}</p>\n")
    p.add(f"""<h2 class="wp-block-heading">Pricing</h2>
<p>{esc(t['name'])} is available today. Entry: <strong>{esc(t['price'])}</strong>. <a href="{tracking(t['homepage'], rng, 'blog')}">Get started&nbsp;&rarr;</a></p>
<h2 class="wp-block-heading">What people build with it</h2>
""")
    tail = ["  </div>\n</article>\n",
            '<nav class="navigation post-navigation" aria-label="Posts"><h2 class="screen-reader-text">Post navigation</h2><div class="nav-links">\n']
    for o in others[:rng.randint(2, 6)]:
        tail.append(f'<div class="nav-previous"><a href="https://{host}/blog/{esc(o["slug"])}/" rel="prev">{esc(o["name"])}: {esc(o["tagline"])}</a></div>\n')
    tail.append("</div></nav>\n</main>\n</div>\n")
    tail.append(f"""<footer id="colophon" class="site-footer"><div class="site-info">&copy; 2026 {esc(t['vendor'])}. All rights reserved. <a href="https://{host}/privacy/">Privacy</a> | <a href="https://{host}/terms/">Terms</a></div></footer>
""")
    tail.append(bundle_script(rng, rng.randint(20, 100)))
    tail.append("\n</body>\n</html>\n")
    fixed_tail = sum(len(x) for x in tail)
    i = 0
    while p.n + fixed_tail < target:
        o = others[i % len(others)]
        i += 1
        r = rng.random()
        if r < 0.5 and o.get("abstract"):
            p.add(f'<h3 class="wp-block-heading">{esc(t["name"])} and {esc(o["name"])}</h3>\n')
            for para in paragraphs(o["abstract"])[:3]:
                p.add(f"<p>{esc(para)}\n")  # the old editor left <p> unclosed
        elif r < 0.8:
            p.add(f'<figure class="wp-block-image size-large"><img decoding="async" src="https://{host}/wp-content/uploads/2026/11/{esc(o["slug"])}.png" alt="{esc(o["name"])}" width="1024" height="576"><figcaption>{esc(o["tagline"])}</figcaption></figure>\n'
                  f'<blockquote class="wp-block-quote"><p>{esc(o["description"])}</p><cite>{esc(o["vendor"])}</cite></blockquote>\n')
        else:
            p.add(f'<ul class="wp-block-list"><li>{esc(o["name"])} &ndash; {esc(o["price"])}<li>{esc(", ".join(o["categories"]))}</ul>\n')
    for x in tail:
        p.add(x)
    return p.text()


RENDER = {"hf": render_hf, "launch": render_launch, "card": render_card, "blog": render_blog}


# ------------------------------------------------------------------------------------------
def page_rng(seed: int, i: int) -> random.Random:
    h = hashlib.sha256(f"tv-bench:{seed}:{i}".encode()).digest()
    return random.Random(int.from_bytes(h[:8], "big"))


def make_page(corpus: Corpus, seed: int, i: int) -> tuple[str, str, str]:
    rng = page_rng(seed, i)
    style = rng.choices([s for s, _ in STYLES], weights=[w for _, w in STYLES])[0]
    page_id = hashlib.sha1(f"{seed}:{i}".encode()).hexdigest()
    target = size_target(rng)

    def any_fact(prefer_model: bool) -> dict:
        if prefer_model:
            return model_facts(rng.choice(corpus.models), rng)
        return tool_facts(rng.choice(corpus.tools), rng)

    if style == "hf":
        main = model_facts(rng.choice(corpus.models), rng)
        others = [model_facts(rng.choice(corpus.models), rng) for _ in range(24)]
    elif style == "launch":
        main = tool_facts(rng.choice(corpus.tools), rng)
        others = [any_fact(rng.random() < 0.2) for _ in range(40)]
    elif style == "card":
        main = any_fact(rng.random() < 0.3)
        others = [any_fact(rng.random() < 0.3) for _ in range(40)]
    else:
        main = any_fact(rng.random() < 0.35)
        others = [model_facts(rng.choice(corpus.models), rng) if rng.random() < 0.5 else
                  tool_facts(rng.choice(corpus.tools), rng) for _ in range(30)]
        for o in others:
            o.setdefault("abstract", "")
    text = RENDER[style](main, others, rng, page_id, target)
    # Some of the corpus's slugs hold a "/" ("ai/ml-api"): not in a file name.
    name = f"{i:06d}-{style}-{main['slug'][:40].replace('/', '-').replace(chr(0), '-')}.html"
    return name, style, text


_CORPUS: Corpus | None = None


def write_range(job: tuple) -> tuple[dict[str, int], list[int]]:
    """Writes pages lo..hi-1 (run in a worker process)."""
    global _CORPUS
    root, seed, out, lo, hi = job
    if _CORPUS is None:
        _CORPUS = Corpus(root)
    counts: dict[str, int] = {}
    sizes: list[int] = []
    for i in range(lo, hi):
        name, style, text = make_page(_CORPUS, seed, i)
        data = text.encode("utf-8")
        with open(out / name, "wb") as f:
            f.write(data)
        counts[style] = counts.get(style, 0) + 1
        sizes.append(len(data))
    return counts, sizes


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="how many pages")
    ap.add_argument("outdir", type=pathlib.Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpus", type=pathlib.Path, default=DEFAULT_CORPUS,
                    help="the shared corpus folder (default: ../shared/corpus from the repository)")
    ap.add_argument("--jobs", type=int, default=0, help="worker processes (default: one per core)")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    if a.n < 1:
        ap.error("N must be at least 1")
    for rel in (TOOLS_CSV, MODELS_CSV):
        if not (a.corpus / rel).is_file():
            print(f"make_pages: skipped: {a.corpus / rel} is absent (the benchmark pages are built from "
                  f"../shared/corpus; see its README.md)", file=sys.stderr)
            return 77
    repo = HERE.parent.resolve()
    out = a.outdir.resolve()
    if out == repo or repo in out.parents:
        # The tools rows are internal: they must never land inside the repository.
        print(f"make_pages: refusing to write pages inside the repository ({out}); the corpus rows they "
              f"hold are internal (../shared/corpus/README.md). Use a temporary folder.", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    jobs = max(1, min(a.jobs or len(os.sched_getaffinity(0)), a.n // 200 or 1))
    chunks = [(a.corpus, a.seed, out, lo, min(a.n, lo + (a.n + jobs - 1) // jobs))
              for lo in range(0, a.n, (a.n + jobs - 1) // jobs)]
    if jobs == 1:
        results = [write_range(c) for c in chunks]
    else:
        # Each page depends only on (seed, i): the split over processes changes no byte.
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            results = pool.map(write_range, chunks)
    counts: dict[str, int] = {}
    sizes: list[int] = []
    for c, s in results:
        for k, v in c.items():
            counts[k] = counts.get(k, 0) + v
        sizes.extend(s)
    if not a.quiet:
        sizes.sort()
        total = sum(sizes)
        mix = ", ".join(f"{s} {counts.get(s, 0)}" for s, _ in STYLES)
        print(f"make_pages: {a.n} pages, {total / 1e6:.1f} MB in {out} (seed {a.seed}; {mix}; "
              f"size min {sizes[0] // 1000} KB, median {sizes[len(sizes) // 2] // 1000} KB, "
              f"max {sizes[-1] // 1000} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
