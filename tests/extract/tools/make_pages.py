#!/usr/bin/env python3
"""Lays out the gold pages of tests/extract/ from the hand-written facts below.

The truth is tests/extract/expected.tsv (checked in, written from the FACTS table and the
per-page SHOW choices); this script only records how each page was laid out so that a page
can be rebuilt or audited. Run from the repository root:  python3 tests/extract/tools/make_pages.py
It never reads the extractor and must never be changed to suit it (see ../README.md).
"""
import html, os, json

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

# ---------------------------------------------------------------------------------------------
# Facts: (slug, name, aliases, vendor as the page writes it, vendor label, licence text on the
# page, licence label, sizes text on the page, sizes label, price text, price label, category,
# one-line description). "-" = the tool has no such fact (never shown, labelled absent).
# Sizes and licences: as the tools publish them (model cards, pricing pages), written from memory by
# the labeller and NOT yet checked against a source; they only decide what the pages say, and the
# labels follow the pages, so a wrong real-world fact makes a page unrealistic, never a label wrong.
T = [
 # open-weights models
 ("smollm2-1-7b","SmolLM2-1.7B","-","Hugging Face","Hugging Face","Apache 2.0","Apache-2.0","1.7B parameters","1.7B","-","-","Developer Tools","a compact language model trained on 11 trillion tokens"),
 ("mistral-7b","Mistral 7B","-","Mistral AI","Mistral AI","Apache 2.0","Apache-2.0","7.3 billion parameters","7.3B","-","-","Developer Tools","a dense language model for chat and instruction following"),
 ("mixtral-8x7b","Mixtral 8x7B","-","Mistral AI","Mistral AI","Apache License 2.0","Apache-2.0","8x7B parameters","8x7B","-","-","Developer Tools","a sparse mixture-of-experts language model"),
 ("falcon-40b","Falcon-40B","-","Technology Innovation Institute","Technology Innovation Institute","Apache 2.0","Apache-2.0","40B parameters","40B","-","-","Developer Tools","a causal decoder-only model trained on RefinedWeb"),
 ("phi-3-mini","Phi-3-mini","-","Microsoft","Microsoft","MIT License","MIT","3.8B parameters","3.8B","-","-","Developer Tools","a lightweight open model with a 128K context variant"),
 ("gemma-2-9b","Gemma 2 9B","-","Google DeepMind","Google","Gemma Terms of Use","name:Gemma Terms of Use","9B parameters","9B","-","-","Developer Tools","a lightweight open model built from Gemini research"),
 ("llama-3-1-8b","Llama 3.1 8B","-","Meta","Meta","Llama 3.1 Community License","name:Llama 3.1 Community License","8B parameters","8B","-","-","Developer Tools","a multilingual instruction-tuned language model"),
 ("qwen2-5-coder-7b","Qwen2.5-Coder-7B","-","Alibaba Cloud","Alibaba","Apache 2.0","Apache-2.0","7.61B parameters","7.61B","-","-","Developer Tools","a code model for generation, reasoning and fixing"),
 ("olmo-2-7b","OLMo 2 7B","-","Allen Institute for AI","Allen Institute for AI","Apache 2.0","Apache-2.0","7B parameters","7B","-","-","Developer Tools","a fully open language model with open data and code"),
 ("starcoder2-15b","StarCoder2-15B","-","BigCode","BigCode","BigCode OpenRAIL-M","name:BigCode OpenRAIL-M","15B parameters","15B","-","-","Developer Tools","a code model trained on The Stack v2"),
 ("whisper-large-v3","Whisper large-v3","-","OpenAI","OpenAI","MIT","MIT","1.55B parameters","1.55B","-","-","Audio & Video","a speech recognition and translation model"),
 ("pythia-12b","Pythia-12B","-","EleutherAI","EleutherAI","Apache 2.0","Apache-2.0","12B parameters","12B","-","-","Research","a model of a suite built for interpretability research"),
 ("granite-3-0-8b","Granite 3.0 8B Instruct","-","IBM","IBM","Apache 2.0","Apache-2.0","8B parameters","8B","-","-","Developer Tools","an enterprise instruction model"),
 ("deepseek-r1","DeepSeek-R1","-","DeepSeek","DeepSeek","MIT License","MIT","671B total parameters, 37B active","671B (active 37B)","-","-","Developer Tools","a reasoning model trained with reinforcement learning"),
 ("jamba","Jamba","-","AI21 Labs","AI21 Labs","Apache 2.0","Apache-2.0","52B total parameters, 12B active","52B (active 12B)","-","-","Developer Tools","a hybrid SSM-Transformer mixture-of-experts model"),
 ("snowflake-arctic","Snowflake Arctic","-","Snowflake","Snowflake","Apache 2.0","Apache-2.0","480B total parameters, 17B active","480B (active 17B)","-","-","Developer Tools","a dense-MoE hybrid model for enterprise tasks"),
 ("yi-34b","Yi-34B","-","01.AI","01.AI","Apache 2.0","Apache-2.0","34B parameters","34B","-","-","Developer Tools","a bilingual English and Chinese language model"),
 ("command-r","Command R","-","Cohere","Cohere","CC BY-NC 4.0","CC-BY-NC-4.0","35B parameters","35B","-","-","Developer Tools","a retrieval-augmented generation model"),
 ("flux-1-schnell","FLUX.1 [schnell]","FLUX.1 schnell","Black Forest Labs","Black Forest Labs","Apache 2.0","Apache-2.0","12B parameters","12B","-","-","Image Generation","a fast text-to-image model"),
 ("zephyr-7b-beta","Zephyr 7B beta","Zephyr-7B-β","Hugging Face","Hugging Face","MIT","MIT","7B parameters","7B","-","-","Chatbots","a chat model fine-tuned with direct preference optimisation"),
 ("nomic-embed-text-v1","nomic-embed-text-v1","-","Nomic AI","Nomic AI","Apache 2.0","Apache-2.0","137M parameters","137M","-","-","Developer Tools","an open text embedding model with an 8192 token context"),
 ("smolvlm","SmolVLM","-","Hugging Face","Hugging Face","Apache 2.0","Apache-2.0","2.25B parameters","2.25B","-","-","Developer Tools","a small vision-language model"),
 ("bloom","BLOOM","-","BigScience","BigScience","BigScience RAIL License v1.0","name:BigScience BLOOM RAIL 1.0","176B parameters","176B","-","-","Research","a multilingual open-access language model"),
 ("gpt-j-6b","GPT-J-6B","GPT-J","EleutherAI","EleutherAI","Apache 2.0","Apache-2.0","6B parameters","6B","-","-","Research","an autoregressive language model trained on the Pile"),
 # apps
 ("chatgpt","ChatGPT","-","OpenAI","OpenAI","-","-","-","-","Free plan; Plus $20/month","freemium|20|USD|month","Chatbots","a conversational assistant"),
 ("claude","Claude","-","Anthropic","Anthropic","-","-","-","-","Free plan; Pro $20/month","freemium|20|USD|month","Chatbots","an AI assistant for writing, analysis and code"),
 ("midjourney","Midjourney","-","Midjourney","Midjourney","-","-","-","-","From $10/month","paid|10|USD|month","Image Generation","an image generator driven by text prompts"),
 ("elevenlabs","ElevenLabs","-","ElevenLabs","ElevenLabs","-","-","-","-","Free plan; paid plans from $5/month","freemium|5|USD|month","Audio & Video","text to speech and voice cloning"),
 ("perplexity","Perplexity","Perplexity AI","Perplexity","Perplexity","-","-","-","-","Free plan; Pro $20/month","freemium|20|USD|month","Search","an answer engine that cites its sources"),
 ("runway","Runway","-","Runway","Runway","-","-","-","-","Free plan; Standard $12/month","freemium|12|USD|month","Video","video generation and editing"),
 ("github-copilot","GitHub Copilot","-","GitHub","GitHub","-","-","-","-","$10/month","paid|10|USD|month","Developer Tools","an AI pair programmer in the editor"),
 ("otter-ai","Otter.ai","Otter","Otter.ai","Otter.ai","-","-","-","-","Free plan; Pro $16.99/month","freemium|16.99|USD|month","Meetings & Transcription","meeting notes and live transcription"),
 ("jasper","Jasper","Jasper AI","Jasper","Jasper","-","-","-","-","$49/month","paid|49|USD|month","Writing","an AI writing assistant for marketing teams"),
 ("grammarly","Grammarly","-","Grammarly","Grammarly","-","-","-","-","Free plan; Premium $12/month","freemium|12|USD|month","Writing","writing feedback and rewrites"),
 ("suno","Suno","-","Suno","Suno","-","-","-","-","Free plan; Pro $10/month","freemium|10|USD|month","Audio & Video","songs generated from a text prompt"),
 ("synthesia","Synthesia","-","Synthesia","Synthesia","-","-","-","-","$29/month","paid|29|USD|month","Video","AI avatars that present videos"),
]
F = {t[0]: dict(zip(["slug","name","aliases","vdisp","vendor","lic","liclab","sz","szlab","pr","prlab","cat","desc"], t)) for t in T}
MODELS = [t[0] for t in T if t[6] != "-"]
APPS = [t[0] for t in T if t[10] != "-"]

# Localised price texts (only the apps' entry prices; the label stays the same fact).
PR_DE = {"freemium": "Kostenlose Version; Pro ab {a} {c} pro Monat", "paid": "ab {a} {c} pro Monat"}
PR_FR = {"freemium": "Version gratuite ; offre payante à partir de {a} {c} par mois", "paid": "à partir de {a} {c} par mois"}
PR_ES = {"freemium": "Plan gratuito; de pago desde {a} {c} al mes", "paid": "desde {a} {c} al mes"}
def loc_price(d, table):
    tier, a, cur, per = d["prlab"].split("|")
    return table[tier].format(a=a.replace(".", ","), c="US$" if cur == "USD" else cur)

e = html.escape
ROWS = []

def emit(style, n, slug, body, show, enc="utf-8", note=""):
    d = F[slug]
    path = f"pages/{style}/{n:03d}-{slug}.html"
    full = os.path.join(ROOT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(body.encode(enc))
    lab = lambda k, key: d[key] if k in show and d[key] != "-" else "-"
    name, alias = d["name"], "-"
    if style == "pypi-project":  # the project is named by its hyphenated id; the README's h1 gives the spaced name
        name, alias = pkg_name(d), (d["name"] if pkg_name(d) != d["name"] else "-")
    ROWS.append([path, name, alias, lab("v","vendor"),
                 lab("l","liclab"), lab("p","prlab"), lab("s","szlab"), lab("c","cat"), note])

COOKIE = '''<div id="cookie-banner" class="cookie-consent" role="dialog" aria-live="polite">
  <p>We use cookies to improve your experience and for analytics. <a href="/privacy">Privacy policy</a></p>
  <button class="cookie-accept">Accept all</button> <button class="cookie-reject">Reject</button>
</div>'''
TRACK = '''<script async src="https://www.googletagmanager.com/gtag/js?id=G-XXXXXX"></script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','G-XXXXXX');</script>'''

def lic(d, show): return d["lic"] if "l" in show else None
def sz(d, show): return d["sz"] if "s" in show else None
def pr(d, show): return d["pr"] if "p" in show else None

# Which facts a page shows: chosen per page below (v vendor, l licence, p price, s sizes,
# c category). The name is always on the page.
def pick(i, full, drop_cycle):
    drop = drop_cycle[i % len(drop_cycle)]
    return "".join(ch for ch in full if ch not in drop)

# ---------------------------------------------------------------------------------------------
# 1. pypi-project: pypi/warehouse templates/packaging/detail.html (sidebar "Meta" Label: value)
def pkg_name(d): return d["name"].replace(" ", "-")
def s_pypi(i, slug, show):
    d = F[slug]; pkg = pkg_name(d)
    meta = []
    if "l" in show: meta.append(f'<p><strong>License:</strong> {e(d["lic"])}</p>')
    if "v" in show: meta.append(f'<p><strong>Author:</strong> <a href="mailto:oss@example.org">{e(d["vdisp"])}</a></p>')
    if "s" in show: meta.append(f'<p><strong>Parameters:</strong> {e(d["sz"])}</p>')
    cls = '<li>Topic :: Scientific/Engineering :: Artificial Intelligence</li>'
    return f'''<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="defaultLanguage" content="en">
<meta name="availableLanguages" content="en, es, fr, ja, pt_BR, uk, el, de, zh_Hans, zh_Hant, ru, he, eo, ko">
<title>{e(pkg)} · PyPI</title>
<meta name="description" content="{e(d["desc"].capitalize())}">
<link rel="stylesheet" href="/static/css/warehouse-ltr.0f6a5b2c.css">
<link rel="icon" href="/static/images/favicon.35549fe8.ico" type="image/x-icon">
<link rel="alternate" type="application/rss+xml" title="RSS: latest releases for {e(pkg)}" href="https://pypi.example/rss/project/{e(pkg)}/releases.xml">
<link rel="canonical" href="https://pypi.example/project/{e(pkg)}/">
<meta property="og:url" content="https://pypi.example/project/{e(pkg)}/">
<meta property="og:site_name" content="PyPI">
<meta property="og:type" content="website">
<meta property="og:image" content="https://pypi.example/static/images/twitter.abaf4b19.webp">
<meta property="og:title" content="{e(pkg)}">
<meta property="og:description" content="{e(d["desc"].capitalize())}">
<script defer src="/static/js/warehouse.8c22b1f0.js"></script>
{TRACK}
</head>
<body data-controller="viewport-toggle">
<div id="sticky-notifications" class="stick-to-top js-stick-to-top"><div class="notification-bar notification-bar--warning" role="status"><span class="notification-bar__message">You are using an unsupported browser, upgrade to a newer version.</span></div></div>
<header class="site-header"><div class="site-container"><div class="split-layout">
<a class="site-header__logo" href="/"><img alt="PyPI" src="/static/images/logo-small.8998e9d1.svg"></a>
<form class="search-form search-form--primary" action="/search" role="search"><input id="search" class="search-form__search" type="text" name="q" placeholder="Search projects"></form>
<nav id="user-indicator" class="horizontal-menu horizontal-menu--light"><ul><li class="horizontal-menu__item"><a href="/help/" class="horizontal-menu__link">Help</a></li><li class="horizontal-menu__item"><a href="/sponsors/" class="horizontal-menu__link">Sponsors</a></li><li class="horizontal-menu__item"><a href="/account/login/" class="horizontal-menu__link">Log in</a></li><li class="horizontal-menu__item"><a href="/account/register/" class="horizontal-menu__link">Register</a></li></ul></nav>
</div></div></header>
<main id="content">
<section class="banner"><div class="package-header"><div class="package-header__left">
<h1 class="package-header__name">{e(pkg)} 1.2.0</h1>
<p class="package-header__pip-instructions"><span id="pip-command">pip install {e(pkg)}</span>
<button class="-js-copy-pip-command tooltipped tooltipped-s" data-clipboard-target="#pip-command" aria-label="Copy to clipboard"><i class="fa fa-copy" aria-hidden="true"></i><span class="sr-only">Copy PIP instructions</span></button></p>
</div><div class="package-header__right"><a class="status-badge status-badge--good" href="/project/{e(pkg)}/">Latest version</a><p class="package-header__date">Released: <time datetime="2025-03-14T09:12:44+0000">Mar 14, 2025</time></p></div></div></section>
<section class="horizontal-section horizontal-section--grey horizontal-section--thin"><div class="site-container"><div class="split-layout split-layout--middle package-description"><p class="package-description__summary">Python client and weights loader for {e(d["name"])}, {e(d["desc"])}.</p></div></div></section>
<section data-controller="project-tabs"><div class="tabs-container"><div class="vertical-tabs">
<div class="vertical-tabs__tabs">
<div class="sidebar-section"><h3 class="sidebar-section__title">Navigation</h3><nav role="tablist"><a id="description-tab" class="vertical-tabs__tab vertical-tabs__tab--with-icon vertical-tabs__tab--is-active" href="#description" role="tab">Project description</a><a id="history-tab" class="vertical-tabs__tab vertical-tabs__tab--with-icon" href="#history" role="tab">Release history</a><a id="files-tab" class="vertical-tabs__tab vertical-tabs__tab--with-icon" href="#files" role="tab">Download files</a></nav></div>
<div class="sidebar-section"><h3 class="sidebar-section__title">Verified details</h3><p><small>These details have been verified by PyPI</small></p><h6>Maintainers</h6><span class="sidebar-section__maintainer"><a href="/user/release-bot/"><span class="sidebar-section__user-gravatar-text">release-bot</span></a></span></div>
<div class="sidebar-section"><h3 class="sidebar-section__title">Unverified details</h3><h6>Meta</h6>
{chr(10).join(meta)}
<p><strong>Requires:</strong> Python &gt;=3.9</p></div>
<div class="sidebar-section"><h3 class="sidebar-section__title">Classifiers</h3><ul class="sidebar-section__classifiers"><li><strong>Intended Audience</strong><ul><li>Developers</li></ul></li><li><strong>Topic</strong><ul>{cls}</ul></li><li><strong>Programming Language</strong><ul><li>Python :: 3</li></ul></li></ul></div>
</div>
<div class="vertical-tabs__panel">
<div id="description" class="vertical-tabs__content" role="tabpanel" aria-labelledby="description-tab"><h2 class="page-title">Project description</h2>
<div class="project-description"><h1>{e(d["name"])}</h1>
<p>This package loads and runs {e(d["name"])}, {e(d["desc"])}. See the model card for evaluation results.</p>
<pre><code>from {e(pkg.replace("-","_"))} import load
model = load()</code></pre>
<p>Bug reports are welcome on the issue tracker.</p></div></div>
<div id="history" class="vertical-tabs__content" role="tabpanel"><h2 class="page-title split-layout"><span>Release history</span></h2><section class="release-timeline"><div class="release release--latest release--current"><a class="card release__card" href="/project/{e(pkg)}/1.2.0/"><p class="release__version">1.2.0</p></a></div><div class="release release--oldest"><a class="card release__card" href="/project/{e(pkg)}/1.0.0/"><p class="release__version">1.0.0</p></a></div></section></div>
</div></div></div></section>
</main>
<footer class="footer"><div class="footer__logo"><img src="/static/images/white-cube.2351a86c.svg" alt=""></div><div class="footer__menus"><div class="footer__menu"><h2>Help</h2><nav><ul><li><a href="/help/">Installing packages</a></li><li><a href="/help/">Uploading packages</a></li></ul></nav></div><div class="footer__menu"><h2>About PyPI</h2><nav><ul><li><a href="/policy/terms-of-use/">Terms of Use</a></li><li><a href="/security/">Security</a></li></ul></nav></div></div>
<div class="footer__text">Status: <a href="https://status.python.example">all systems operational</a>. Developed and maintained by the Python community, for the Python community.</div></footer>
</body>
</html>
'''

# 2. mkdocs-material: squidfunk/mkdocs-material src/templates/base.html (two-column facts table)
def s_mkdocs(i, slug, show):
    d = F[slug]; site = f'{d["name"]} docs'
    rows = []
    if "v" in show: rows.append(("Developer", d["vdisp"]))
    if "l" in show: rows.append(("License", d["lic"]))
    if "s" in show: rows.append(("Parameters", d["sz"]))
    if "p" in show: rows.append(("Pricing", d["pr"]))
    rows.append(("Context length", "8192 tokens" if i % 2 else "32K tokens"))
    t = "\n".join(f"<tr><td>{e(a)}</td><td>{e(b)}</td></tr>" for a, b in rows)
    return f'''<!doctype html>
<html lang="en" class="no-js">
  <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width,initial-scale=1" />
      <meta name="description" content="Documentation for {e(d["name"])}" />
      <link rel="canonical" href="https://docs.{slug}.example/overview/" />
      <link rel="prev" href="../" />
      <link rel="next" href="../quickstart/" />
      <link rel="icon" href="../assets/images/favicon.png" />
      <meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.5.44" />
    <title>Overview - {e(site)}</title>
      <link rel="stylesheet" href="../assets/stylesheets/main.0253249f.min.css" />
      <link rel="stylesheet" href="../assets/stylesheets/palette.06af60db.min.css" />
        <link rel="preconnect" href="https://fonts.gstatic.com" crossorigin />
        <link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto:300,300i,400,400i,700,700i%7CRoboto+Mono:400,400i,700,700i&display=fallback" />
        <style>:root{{--md-text-font:"Roboto";--md-code-font:"Roboto Mono"}}</style>
    <script>__md_scope=new URL("..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{{try{{_.setItem(a.pathname+"."+e,JSON.stringify(_))}}catch(e){{}}}}</script>
    {TRACK}
  </head>
  <body dir="ltr" data-md-color-scheme="default" data-md-color-primary="indigo" data-md-color-accent="indigo">
    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off" />
    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off" />
    <label class="md-overlay" for="__drawer"></label>
    <div data-md-component="skip"><a href="#overview" class="md-skip">Skip to content</a></div>
    <div data-md-component="announce"><aside class="md-banner"><div class="md-banner__inner md-grid md-typeset">Version 2 of the SDK is out: see the migration guide.</div></aside></div>
    <header class="md-header md-header--shadow" data-md-component="header"><nav class="md-header__inner md-grid" aria-label="Header">
      <a href=".." title="{e(site)}" class="md-header__button md-logo" aria-label="{e(site)}" data-md-component="logo"><img src="../assets/logo.svg" alt="logo"></a>
      <div class="md-header__title" data-md-component="header-title"><div class="md-header__ellipsis"><div class="md-header__topic"><span class="md-ellipsis">{e(site)}</span></div><div class="md-header__topic" data-md-component="header-topic"><span class="md-ellipsis">Overview</span></div></div></div>
      <div class="md-search" data-md-component="search" role="dialog"><label class="md-search__overlay" for="__search"></label><div class="md-search__inner" role="search"><form class="md-search__form" name="search"><input type="text" class="md-search__input" name="query" aria-label="Search" placeholder="Search" autocapitalize="off" autocorrect="off" autocomplete="off" spellcheck="false" data-md-component="search-query" required></form></div></div>
      <div class="md-header__source"><a href="https://git.example/{slug}" title="Go to repository" class="md-source" data-md-component="source"><div class="md-source__repository">{slug}</div></a></div>
    </nav></header>
    <div class="md-container" data-md-component="container">
      <main class="md-main" data-md-component="main"><div class="md-main__inner md-grid">
        <div class="md-sidebar md-sidebar--primary" data-md-component="sidebar" data-md-type="navigation"><div class="md-sidebar__scrollwrap"><div class="md-sidebar__inner">
          <nav class="md-nav md-nav--primary" aria-label="Navigation" data-md-level="0"><label class="md-nav__title" for="__drawer">{e(site)}</label><ul class="md-nav__list" data-md-scrollfix>
            <li class="md-nav__item"><a href=".." class="md-nav__link">Home</a></li>
            <li class="md-nav__item md-nav__item--active"><a href="./" class="md-nav__link md-nav__link--active">Overview</a></li>
            <li class="md-nav__item"><a href="../quickstart/" class="md-nav__link">Quickstart</a></li>
            <li class="md-nav__item"><a href="../api/" class="md-nav__link">API reference</a></li>
          </ul></nav></div></div></div>
        <div class="md-sidebar md-sidebar--secondary" data-md-component="sidebar" data-md-type="toc"><div class="md-sidebar__scrollwrap"><div class="md-sidebar__inner"><nav class="md-nav md-nav--secondary" aria-label="Table of contents"><label class="md-nav__title" for="__toc">Table of contents</label><ul class="md-nav__list"><li class="md-nav__item"><a href="#at-a-glance" class="md-nav__link">At a glance</a></li><li class="md-nav__item"><a href="#next-steps" class="md-nav__link">Next steps</a></li></ul></nav></div></div></div>
        <div class="md-content" data-md-component="content"><article class="md-content__inner md-typeset">
<h1 id="overview">{e(d["name"])}<a class="headerlink" href="#overview" title="Permanent link">&para;</a></h1>
<p>{e(d["name"])} is {e(d["desc"])}. These pages cover installation, the API and deployment.</p>
<div class="admonition note"><p class="admonition-title">Note</p><p>The examples below assume Python 3.10 or later.</p></div>
<h2 id="at-a-glance">At a glance<a class="headerlink" href="#at-a-glance" title="Permanent link">&para;</a></h2>
<table>
<thead><tr><th>Property</th><th>Value</th></tr></thead>
<tbody>
{t}
</tbody>
</table>
<h2 id="next-steps">Next steps<a class="headerlink" href="#next-steps" title="Permanent link">&para;</a></h2>
<p>Continue with the <a href="../quickstart/">quickstart</a>.</p>
        </article></div>
      </div></main>
      <footer class="md-footer"><nav class="md-footer__inner md-grid" aria-label="Footer"><a href="../" class="md-footer__link md-footer__link--prev" aria-label="Previous: Home"><div class="md-footer__title"><span class="md-footer__direction">Previous</span><div class="md-ellipsis">Home</div></div></a><a href="../quickstart/" class="md-footer__link md-footer__link--next" aria-label="Next: Quickstart"><div class="md-footer__title"><span class="md-footer__direction">Next</span><div class="md-ellipsis">Quickstart</div></div></a></nav>
        <div class="md-footer-meta md-typeset"><div class="md-footer-meta__inner md-grid"><div class="md-copyright">Made with <a href="https://squidfunk.github.io/mkdocs-material/" target="_blank" rel="noopener">Material for MkDocs</a></div></div></div></footer>
    </div>
    <div class="md-dialog" data-md-component="dialog"><div class="md-dialog__inner md-typeset"></div></div>
    <script id="__config" type="application/json">{{"base": "..", "features": ["navigation.tabs", "content.code.copy"], "search": "../assets/javascripts/workers/search.6ce7567c.min.js", "translations": {{"clipboard.copy": "Copy to clipboard", "search.result.none": "No matching documents"}}, "version": null}}</script>
    <script src="../assets/javascripts/bundle.83f73b43.min.js"></script>
  </body>
</html>
'''

# 3. sphinx-docs: readability test-pages/mercurial (Sphinx "evolve" docs: header/topnav/section divs)
def s_sphinx(i, slug, show):
    d = F[slug]
    fl = []
    if "v" in show: fl.append(("Maintainer", d["vdisp"]))
    if "l" in show: fl.append(("License", d["lic"]))
    if "s" in show: fl.append(("Model size", d["sz"]))
    dl = "\n".join(f'<dt class="field-{"odd" if k%2==0 else "even"}">{e(a)}<span class="colon">:</span></dt>\n<dd class="field-{"odd" if k%2==0 else "even"}"><p>{e(b)}</p></dd>' for k,(a,b) in enumerate(fl))
    return f'''<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
  "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
  <head>
    <meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
    <title>Introduction &mdash; {e(d["name"])} 0.9 documentation</title>
    <link rel="stylesheet" href="_static/default.css" type="text/css" />
    <link rel="stylesheet" href="_static/pygments.css" type="text/css" />
    <script type="text/javascript">
      var DOCUMENTATION_OPTIONS = {{ URL_ROOT: '', VERSION: '0.9', COLLAPSE_INDEX: false, FILE_SUFFIX: '.html', HAS_SOURCE: true }};
    </script>
    <script type="text/javascript" src="_static/jquery.js"></script>
    <script type="text/javascript" src="_static/underscore.js"></script>
    <script type="text/javascript" src="_static/doctools.js"></script>
    <link rel="shortcut icon" href="_static/logo.ico"/>
    <link rel="top" title="{e(d["name"])} 0.9 documentation" href="index.html" />
    <link rel="next" title="Installation" href="install.html" />
    <link rel="prev" title="Welcome" href="index.html" />
  </head>
  <body>
    <div class="header">
    <h1 class="heading"><a href="index.html"><span>{e(d["name"])} documentation</span></a></h1>
    <h2 class="heading"><span>Introduction</span></h2>
    </div>
    <div class="topnav">
    <p>&laquo;&#160;&#160;<a href="index.html">Welcome</a>&#160;&#160;::&#160;&#160;<a class="uplink" href="index.html">Contents</a>&#160;&#160;::&#160;&#160;<a href="install.html">Installation</a>&#160;&#160;&raquo;</p>
    </div>
    <div class="content">
  <div class="section" id="introduction">
<h1>Introduction<a class="headerlink" href="#introduction" title="Permalink to this headline">¶</a></h1>
<p><strong>{e(d["name"])}</strong> is {e(d["desc"])}. This documentation describes how to run it locally and how to serve it.</p>
<dl class="field-list simple">
{dl}
<dt class="field-odd">Release<span class="colon">:</span></dt>
<dd class="field-odd"><p>0.9</p></dd>
</dl>
<div class="contents topic" id="contents"><p class="topic-title first">Contents</p><ul class="simple"><li><a class="reference internal" href="#requirements" id="id1">Requirements</a></li><li><a class="reference internal" href="#running" id="id2">Running</a></li></ul></div>
<div class="section" id="requirements"><h2><a class="toc-backref" href="#id1">Requirements</a><a class="headerlink" href="#requirements" title="Permalink to this headline">¶</a></h2>
<p>A GPU with at least 16 GB of memory is recommended.</p></div>
<div class="section" id="running"><h2><a class="toc-backref" href="#id2">Running</a><a class="headerlink" href="#running" title="Permalink to this headline">¶</a></h2>
<div class="highlight-python"><div class="highlight"><pre>$ python -m serve --model {e(slug)}</pre></div></div></div>
</div>
    </div>
    <div class="footer">
      &copy; Copyright 2025, the contributors.
      Created using <a href="http://sphinx-doc.org/">Sphinx</a> 1.2.3.
    </div>
  </body>
</html>
'''

# 4. wordpress-microdata: readability test-pages/wordpress (Stargazer/Hybrid theme, schema.org microdata)
def s_wp(i, slug, show):
    d = F[slug]
    facts = []
    if "v" in show: facts.append(f'<li>Developer: <span itemprop="author" itemscope itemtype="http://schema.org/Organization"><span itemprop="name">{e(d["vdisp"])}</span></span></li>')
    if "l" in show: facts.append(f'<li>License: <span itemprop="license">{e(d["lic"])}</span></li>')
    if "p" in show: facts.append(f'<li>Price: <span itemprop="offers" itemscope itemtype="http://schema.org/Offer"><span itemprop="description">{e(d["pr"])}</span></span></li>')
    if "s" in show: facts.append(f'<li>Size: {e(d["sz"])}</li>')
    if "c" in show: facts.append(f'<li>Category: <span itemprop="applicationCategory">{e(d["cat"])}</span></li>')
    return f'''<!DOCTYPE html>
<html lang="en-US">
<head>
<script type="text/javascript">var _sf_startpt=(new Date()).getTime()</script>
<link rel="apple-touch-icon" sizes="57x57" href="/apple-touch-icon-57x57.png">
<link rel="icon" type="image/png" href="/favicon-32x32.png" sizes="32x32">
<meta name="msapplication-TileColor" content="#2d89ef">
<meta charset="UTF-8" />
<title>Review: {e(d["name"])} &#8211; The AI Tools Digest</title>
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="generator" content="Stargazer 3.0.0" />
<link rel='dns-prefetch' href='//s0.wp.com' />
<link rel="alternate" type="application/rss+xml" title="The AI Tools Digest &raquo; Feed" href="https://aitoolsdigest.example/feed/" />
<link rel='stylesheet' id='stargazer-fonts-css' href='https://fonts.googleapis.com/css?family=Droid+Serif%3A400%2C700%2C400italic%2C700italic%7COpen+Sans%3A300%2C400%2C600%2C700&#038;ver=4.2.2' type='text/css' media='all' />
<link rel='stylesheet' id='hybrid-style-css' href='https://aitoolsdigest.example/wp-content/themes/stargazer/style.css?ver=4.2.2' type='text/css' media='all' />
<link rel="canonical" href="https://aitoolsdigest.example/2025/04/review-{slug}/" />
<link rel='shortlink' href='https://aitoolsdigest.example/?p={1000+i}' />
{TRACK}
</head>
<body class="wordpress ltr en en-us parent-theme y2025 m04 d02 h10 singular singular-post singular-post-{1000+i} layout-1c" dir="ltr" itemscope="itemscope" itemtype="http://schema.org/Blog">
<div id="container">
<div class="skip-link"><a href="#content" class="screen-reader-text">Skip to content</a></div>
<nav id="menu-primary" class="menu" role="navigation" aria-label="Primary Menu" itemscope="itemscope" itemtype="http://schema.org/SiteNavigationElement"><div class="wrap"><div class="menu-main-container"><ul id="menu-primary-items" class="menu-items"><li class="menu-item"><a href="/">Home</a></li><li class="menu-item"><a href="/category/reviews/">Reviews</a></li><li class="menu-item"><a href="/deals/">Deals</a></li><li class="menu-item"><a href="/newsletter/">Newsletter</a></li></ul></div></div></nav>
<header id="header" class="site-header" role="banner" itemscope="itemscope" itemtype="http://schema.org/WPHeader"><div class="wrap"><div id="branding"><h1 id="site-title" class="site-title" itemprop="headline"><a href="https://aitoolsdigest.example" rel="home">The AI Tools Digest</a></h1><h2 id="site-description" class="site-description" itemprop="description">Every tool, tested</h2></div></div></header>
<div id="main" class="main"><div class="wrap">
<nav role="navigation" aria-label="Breadcrumbs" class="breadcrumb-trail breadcrumbs" itemprop="breadcrumb"><ul class="trail-items" itemscope itemtype="http://schema.org/BreadcrumbList"><li itemprop="itemListElement" itemscope itemtype="http://schema.org/ListItem" class="trail-item trail-begin"><a href="/" rel="home"><span itemprop="name">Home</span></a><meta itemprop="position" content="1" /></li><li itemprop="itemListElement" itemscope itemtype="http://schema.org/ListItem" class="trail-item"><a href="/category/reviews/"><span itemprop="name">Reviews</span></a><meta itemprop="position" content="2" /></li><li itemprop="itemListElement" itemscope itemtype="http://schema.org/ListItem" class="trail-item trail-end"><span itemprop="name">Review: {e(d["name"])}</span><meta itemprop="position" content="3" /></li></ul></nav>
<main id="content" class="content" role="main" itemprop="mainContentOfPage">
<article id="post-{1000+i}" class="entry author-editor post-{1000+i} post type-post status-publish format-standard category-reviews" itemscope="itemscope" itemtype="http://schema.org/BlogPosting" itemprop="blogPost">
<header class="entry-header"><h1 class="entry-title" itemprop="headline">Review: {e(d["name"])}</h1>
<div class="entry-byline"><span class="entry-author" itemprop="author" itemscope="itemscope" itemtype="http://schema.org/Person"><a href="/author/editor/" class="url fn n" rel="author" itemprop="url"><span itemprop="name">Sam Editor</span></a></span> <time class="entry-published updated" datetime="2025-04-02T10:00:00+00:00" itemprop="datePublished">April 2, 2025</time></div></header>
<div class="entry-content" itemprop="articleBody">
<div class="tool-box" itemscope itemtype="http://schema.org/SoftwareApplication">
<h3 itemprop="name">{e(d["name"])}</h3>
<ul class="tool-facts">
{chr(10).join(facts)}
</ul></div>
<p>We spent two weeks with {e(d["name"])}, {e(d["desc"])}. It did well on our everyday tasks, and less well on long documents.</p>
<p>Our verdict: worth a try for most readers.</p>
</div>
<footer class="entry-footer"><span class="entry-terms category" itemprop="articleSection">Posted in <a href="/category/reviews/" rel="tag">Reviews</a></span></footer>
</article>
<div id="comments" class="comments-area"><h3 id="comments-number">3 Responses</h3><ol class="comment-list"><li class="comment"><p>Does it run offline? I paid $5 for a plugin that did less.</p></li></ol></div>
</main></div></div>
<footer id="footer" class="site-footer" role="contentinfo" itemscope="itemscope" itemtype="http://schema.org/WPFooter"><div class="wrap"><p class="credit">Copyright &#169; 2025 <a class="site-link" href="https://aitoolsdigest.example" rel="home">The AI Tools Digest</a>. Powered by <a class="wp-link" href="http://wordpress.org">WordPress</a> and <a class="theme-link" href="http://themehybrid.com/themes/stargazer">Stargazer</a>.</p></div></footer>
</div>
{COOKIE}
<script type='text/javascript' src='https://aitoolsdigest.example/wp-includes/js/jquery/jquery.js?ver=1.11.2'></script>
</body>
</html>
'''

# 5. medium-post: readability test-pages/medium-1 (og + article meta, author meta, prose only)
def s_medium(i, slug, show):
    d = F[slug]
    paras = [f"Today we are sharing {e(d['name'])}, {e(d['desc'])}."]
    if "v" in show and "s" in show: paras.append(f"{e(d['name'])} was developed by {e(d['vdisp'])} and has {e(d['sz'])}.")
    elif "v" in show: paras.append(f"{e(d['name'])} was developed by {e(d['vdisp'])}.")
    elif "s" in show: paras.append(f"The model has {e(d['sz'])}.")
    if "l" in show: paras.append(f"The weights are released under the {e(d['lic'])} license, so you can build on them.")
    paras.append("In this post I walk through how I set it up on a single laptop and what surprised me.")
    return f'''<!DOCTYPE html>
<html xmlns:cc="http://creativecommons.org/ns#">
<head prefix="og: http://ogp.me/ns# fb: http://ogp.me/ns/fb# medium-com: http://ogp.me/ns/fb/medium-com#">
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">
<title>Hands-on with {e(d["name"])} — Medium</title>
<link rel="canonical" href="https://medium.example/@mlnotes/hands-on-with-{slug}-fb39f4f7{i:02d}">
<meta name="title" content="Hands-on with {e(d["name"])}">
<meta name="referrer" content="always">
<meta name="description" content="A weekend with {e(d["name"])}: setup, first results and rough edges.">
<meta property="og:site_name" content="Medium">
<meta property="og:title" content="Hands-on with {e(d["name"])}">
<meta property="og:url" content="https://medium.example/@mlnotes/hands-on-with-{slug}-fb39f4f7{i:02d}">
<meta property="og:image" content="https://cdn.medium.example/max/800/1*oB3S5yHHhvougJNdRB2Jg.jpeg">
<meta property="fb:app_id" content="542599432471018">
<meta property="og:description" content="A weekend with {e(d["name"])}: setup, first results and rough edges.">
<meta name="twitter:site" content="@Medium">
<meta name="author" content="Lee Notes">
<meta property="og:type" content="article">
<meta name="twitter:card" content="summary_large_image">
<meta property="article:publisher" content="https://www.facebook.com/medium">
<meta property="article:author" content="https://medium.example/@mlnotes">
<meta property="article:published_time" content="2025-03-17T16:27:40.294Z">
<meta name="twitter:creator" content="@mlnotes">
<meta property="al:ios:app_name" content="Medium">
<meta property="al:ios:app_store_id" content="828256236">
<meta name="theme-color" content="#000000">
<script>!function(e){{var t={{}};e.__ts=Date.now()}}(window);</script>
{TRACK}
<link rel="stylesheet" href="https://cdn.medium.example/_/fp/css/main-base.XWGX1.css">
</head>
<body>
<div class="site-main" id="container">
<div class="butterBar butterBar--error"></div>
<div class="surface"><div id="prerendered" class="screenContent">
<div class="metabar u-clearfix js-metabar metabar--affixed"><div class="metabar-inner u-marginAuto u-maxWidth1000"><div class="metabar-block metabar-block--left"><a href="https://medium.example/" class="siteNav-logo"><span class="svgIcon svgIcon--logoMonogram"></span></a></div><div class="metabar-block metabar-block--right"><a class="button button--primary button--chromeless is-inSiteNavBar u-lineHeight30 u-height32" href="/m/signin">Sign in</a> <a class="button button--primary button--withChrome is-inSiteNavBar" href="/m/signin">Get started</a></div></div></div>
<article class="postArticle postArticle--full is-withAccentColors u-marginBottom40" lang="en">
<header class="container u-maxWidth740"><div class="postMetaHeader u-paddingBottom10 row"><div class="col u-size12of12 js-postMetaLockup"><div class="postMetaLockup postMetaLockup--authorWithBio u-flex js-postMetaLockup"><div class="u-flex0"><a class="link avatar u-baseColor--link" href="https://medium.example/@mlnotes" title="Go to the profile of Lee Notes"><img src="https://cdn.medium.example/fit/c/60/60/0*avatar.png" class="avatar-image avatar-image--small" alt="Go to the profile of Lee Notes"></a></div><div class="u-flex1 u-paddingLeft15 u-overflowHidden"><a class="link link link--darken link--darker u-baseColor--link" href="https://medium.example/@mlnotes">Lee Notes</a><div class="postMetaInline u-noWrapWithEllipsis">Notes on models I run at home.</div></div></div></div></div></header>
<div class="postArticle-content js-postField js-notesSource" data-source="post_page" data-action-scope="_actionscope_0"><section name="a2e3" class="section section--body section--first section--last"><div class="section-content"><div class="section-inner layoutSingleColumn">
<h3 name="8e2a" class="graf graf--h3 graf--first">Hands-on with {e(d["name"])}</h3>
{chr(10).join(f'<p name="p{k}" class="graf graf--p">{p}</p>' for k, p in enumerate(paras))}
</div></div></section></div>
<footer class="u-paddingTop10"><div class="container u-maxWidth740"><div class="row"><div class="col u-size12of12"><ul class="tags tags--postTags tags--borderless"><li><a class="link u-baseColor--link" href="https://medium.example/tag/machine-learning">Machine Learning</a></li><li><a class="link u-baseColor--link" href="https://medium.example/tag/open-source">Open Source</a></li></ul></div></div></div></footer>
</article>
</div></div></div>
<script>window.GLOBALS={{"audioUrl":"https://d1fcbxp97j4nb2.cloudfront.net","baseUrl":"https://medium.example","buildLabel":"14411","currentUser":{{"userId":"lo_1","isVerified":false}}}}</script>
</body>
</html>
'''

# 6. vendor-blog-jsonld: readability test-pages/gitlab-blog (Nuxt vendor blog, og/twitter, JSON-LD BlogPosting)
def s_gitlab(i, slug, show):
    d = F[slug]; host = f"{d['vdisp'].lower().replace(' ','').replace('.','')}.example"
    ld = {"@context":"https://schema.org","@type":"BlogPosting","headline":f"Introducing {d['name']}","description":d["desc"].capitalize(),"author":[{"@type":"Person","name":"Research Team"}],"datePublished":"2025-06-25"}
    if "v" in show: ld["publisher"] = {"@type":"Organization","name":d["vdisp"],"logo":{"@type":"ImageObject","url":f"https://{host}/logo.png"}}
    paras = [f"We are excited to introduce <strong>{e(d['name'])}</strong>, {e(d['desc'])}."]
    if "s" in show: paras.append(f"{e(d['name'])} comes with {e(d['sz'])} and fits on a single node.")
    if "l" in show: paras.append(f"As with our earlier releases, it is available under the {e(d['lic'])} license.")
    paras.append("Read the technical report for benchmarks and the training recipe.")
    return f'''<!doctype html>
<html lang="en" data-n-head="%7B%22lang%22:%7B%221%22:%22en%22%7D%7D">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="format-detection" content="telephone=no">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:site" content="@vendor">
<meta name="robots" content="index, follow">
<meta property="og:title" content="Introducing {e(d["name"])}">
<meta property="twitter:title" content="Introducing {e(d["name"])}">
<meta name="description" content="{e(d["desc"].capitalize())}">
<meta property="og:description" content="{e(d["desc"].capitalize())}">
<meta property="og:image" content="https://images.cdn.example/{slug}/hero.png">
<meta property="og:url" content="https://{host}/blog/2025/06/25/introducing-{slug}">
<meta property="og:type" content="article">
<title>Introducing {e(d["name"])} | Blog</title>
<link rel="stylesheet" href="/blog/_nuxt/entry.7d2a1c.css">
<link rel="icon" type="image/png" href="/blog/nuxt-images/ico/favicon-192x192.png" sizes="192x192">
<link rel="alternate" type="application/atom+xml" title="All posts" href="/blog/atom.xml">
<link rel="canonical" href="https://{host}/blog/2025/06/25/introducing-{slug}">
<script type="application/ld+json">{json.dumps({"@context":"https://schema.org","@type":"Organization","name":"Blog","url":f"https://{host}/blog"})}</script>
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
<script type="application/ld+json">{json.dumps({"@context":"https://schema.org","@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Blog","item":f"https://{host}/blog"},{"@type":"ListItem","position":2,"name":"Product"}]})}</script>
{TRACK}
</head>
<body>
<div id="__nuxt"><div id="__layout"><div class="blog">
<div id="onetrust-banner-sdk" class="otFlat" role="region" aria-label="Cookie banner"><div id="onetrust-policy-text">By clicking "Accept All Cookies", you agree to the storing of cookies on your device to enhance site navigation and analyze site usage.</div><button id="onetrust-accept-btn-handler">Accept All Cookies</button></div>
<nav class="navigation"><a href="/" class="navigation__logo">Home</a><ul class="navigation__links"><li><a href="/pricing/">Pricing</a></li><li><a href="/research/">Research</a></li><li><a href="/blog/">Blog</a></li><li><a href="/careers/">Careers</a></li></ul><a href="/signup/" class="btn btn--primary">Get free trial</a></nav>
<main class="blog-article"><div class="blog-article__header"><span class="blog-article__category">Product</span>
<h1 class="blog-article__title">Introducing {e(d["name"])}</h1><p class="blog-article__meta">Published on: June 25, 2025 · 4 min read</p></div>
<article class="blog-article__body">
{chr(10).join(f"<p>{p}</p>" for p in paras)}
</article>
<aside class="blog-article__related"><h2>More to read</h2><ul><li><a href="/blog/2025/05/02/our-new-office/">Our new office</a></li><li><a href="/blog/2025/04/11/hiring/">We are hiring</a></li></ul></aside></main>
<footer class="footer"><div class="footer__cols"><ul><li><a href="/terms/">Terms</a></li><li><a href="/privacy/">Privacy</a></li><li><a href="/cookies/">Cookie preferences</a></li></ul></div><p class="footer__copy">© 2025 All rights reserved</p></footer>
</div></div></div>
<script>window.__NUXT__=(function(a,b){{return {{layout:"default",data:[{{post:{{slug:"introducing-{slug}"}}}}],state:{{}}}}}}("",null));</script>
<script src="/blog/_nuxt/5c1e2e1.js" defer></script>
</body>
</html>
'''

# 7. vendor-landing: readability test-pages/mozilla-1 (product landing: og, twitter app, CTA, pricing band)
def s_landing(i, slug, show):
    d = F[slug]; host = slug.replace("-", "") + ".example"
    bits = []
    if "p" in show: bits.append(f'<section class="pricing"><h2>Pricing</h2><p class="pricing-summary"><span class="pricing">{e(d["pr"])}</span></p><a class="button" href="/pricing">Compare plans</a></section>')
    if "c" in show: bits.append(f'<p class="category-tag">Category: <a href="/directory/{e(d["cat"].lower())}">{e(d["cat"])}</a></p>')
    by = f'<p class="maker">Made by <span class="vendor">{e(d["vdisp"])}</span></p>' if "v" in show else ""
    return f'''<!doctype html>
<html class="no-js" lang="en-US" dir="ltr" data-gtm-container-id="GTM-MW3R8V">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(d["name"])} — {e(d["desc"].capitalize())} — Try it now</title>
<meta name="description" content="">
<meta property="og:type" content="website">
<meta property="og:site_name" content="{e(d["name"])}">
<meta property="og:locale" content="en_US">
<meta property="og:url" content="https://www.{host}/en-US/">
<meta property="og:image" content="https://cdn.{host}/media/img/og-card.png">
<meta property="og:title" content="{e(d["name"])} — {e(d["desc"].capitalize())}">
<meta property="og:description" content="">
<meta name="twitter:card" content="summary">
<meta name="twitter:domain" content="{host}">
<meta name="twitter:app:name:googleplay" content="{e(d["name"])}">
<meta name="twitter:app:id:googleplay" content="com.{slug.replace("-","")}.app">
<link rel="apple-touch-icon" type="image/png" sizes="180x180" href="/media/img/apple-touch-icon.png">
<link rel="icon" type="image/png" sizes="196x196" href="/media/img/favicon-196x196.png">
<link rel="canonical" href="https://www.{host}/en-US/">
<link rel="alternate" hreflang="de" href="https://www.{host}/de/" title="Deutsch">
<link rel="alternate" hreflang="fr" href="https://www.{host}/fr/" title="Français">
<link rel="alternate" hreflang="es-ES" href="https://www.{host}/es-ES/" title="Español">
<link href="/media/css/site-bundle.4f1a0c.css" rel="stylesheet" type="text/css">
{TRACK}
</head>
<body class="html-ltr home" id="product-home">
<div id="strings" data-global-close="Close" data-global-next="Next" data-global-previous="Previous"></div>
<div id="outer-wrapper"><div id="wrapper">
<header id="masthead"><div class="container"><nav id="nav-main" role="navigation"><span class="toggle" role="button" aria-controls="nav-main-menu" tabindex="0">Menu</span>
<ul class="nav-main-menu" id="nav-main-menu"><li><a href="/en-US/features/">Features</a></li><li><a href="/en-US/pricing/">Pricing</a></li><li><a href="/en-US/enterprise/">Enterprise</a></li><li><a href="/en-US/blog/">Blog</a></li><li><a href="/en-US/login/">Log in</a></li></ul></nav>
<h2><a href="/en-US/"><img src="/media/img/logo-wordmark.png" alt="Home" height="70" width="185"></a></h2></div></header>
<main role="main"><section id="intro"><div class="container">
<h1>{e(d["name"])}</h1>
<p class="tagline">{e(d["desc"].capitalize())}.</p>
{by}
<a class="button button-green download-link" href="/signup?utm_source=home&amp;utm_medium=hero" data-link-type="signup">Get started</a>
</div></section>
<section id="features"><div class="container"><ul class="features-list"><li><h3>Fast</h3><p>Results in seconds.</p></li><li><h3>Private</h3><p>Your data stays yours.</p></li><li><h3>Everywhere</h3><p>On the web, desktop and mobile.</p></li></ul></div></section>
{chr(10).join(bits)}
<section id="testimonials"><blockquote>“It replaced three other tools for our team.” — a customer</blockquote></section>
</main>
<footer id="colophon"><div class="row"><div class="footer-logo"><a href="/en-US/"><img src="/media/img/footer-logo.png" alt="" width="130" height="32"></a></div>
<div class="footer-license">Portions of this content are ©1998–2025 by individual contributors. Content available under a <a rel="license" href="https://creativecommons.org/licenses/by-sa/3.0/">Creative Commons license</a>.</div>
<ul class="links-join"><li><a href="/en-US/contact/">Contact us</a></li><li><a href="/en-US/careers/">Careers</a></li></ul>
<ul class="links-legal"><li><a href="/en-US/privacy/">Privacy</a></li><li><a href="/en-US/privacy/websites/#cookies">Cookies</a></li><li><a href="/en-US/about/legal/">Legal</a></li></ul></div></footer>
</div></div>
{COOKIE}
<script src="/media/js/site.js"></script>
</body>
</html>
'''

# 8-10. news articles in German / French / Spanish: readability heise, lemonde-1, la-nacion
def s_news(lang, i, slug, show):
    d = F[slug]
    if lang == "de":
        L = dict(site="heise online", host="heise.example", sec="Künstliche Intelligenz", by="von", lic="Lizenz", pr="Preis", cat="Kategorie", size="Parameter",
                 lead=f"{d['name']} ist ein neues KI-Werkzeug: {d['desc']}.", more="Die Redaktion hat das Werkzeug eine Woche lang getestet.", price=loc_price(d, PR_DE) if d["pr"] != "-" else "", vendtxt=f"Das Werkzeug stammt von {d['vdisp']}.")
    elif lang == "fr":
        L = dict(site="Le Monde.fr", host="lemonde.example", sec="Pixels", by="par", lic="Licence", pr="Prix", cat="Catégorie", size="Paramètres",
                 lead=f"{d['name']} est un nouvel outil d'intelligence artificielle : {d['desc']}.", more="Nous l'avons essayé pendant une semaine.", price=loc_price(d, PR_FR) if d["pr"] != "-" else "", vendtxt=f"L'outil est développé par {d['vdisp']}.")
    else:
        L = dict(site="LA NACION", host="lanacion.example", sec="Tecnología", by="por", lic="Licencia", pr="Precio", cat="Categoría", size="Parámetros",
                 lead=f"{d['name']} es una nueva herramienta de inteligencia artificial: {d['desc']}.", more="La probamos durante una semana.", price=loc_price(d, PR_ES) if d["pr"] != "-" else "", vendtxt=f"La herramienta fue desarrollada por {d['vdisp']}.")
    facts = []
    if "l" in show: facts.append(f"<li><strong>{L['lic']}:</strong> {e(d['lic'])}</li>")
    if "p" in show: facts.append(f"<li><strong>{L['pr']}:</strong> {e(L['price'])}</li>")
    if "s" in show: facts.append(f"<li><strong>{L['size']}:</strong> {e(d['szlab'].replace(' (active', ', aktiv' if lang=='de' else (', actifs' if lang=='fr' else ', activos')).rstrip(')'))}</li>")
    if "c" in show: facts.append(f"<li><strong>{L['cat']}:</strong> {e(d['cat'])}</li>")
    ven = f"<p>{e(L['vendtxt'])}</p>" if "v" in show else ""
    title = f"{d['name']}: " + {"de":"Test und Einschätzung","fr":"notre essai","es":"la probamos"}[lang]
    return f'''<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{e(title)} | {e(L["site"])}</title>
<meta name="publisher" content="{e(L["site"])}">
<meta name="viewport" content="width=1175">
<meta name="description" content="{e(L["lead"])}">
<meta name="DC.title" content="{e(title)}">
<meta name="DC.language" content="{lang}">
<meta name="DC.publisher" content="{e(L["site"])}">
<meta name="keywords" content="{e(d["name"])}, KI, IA, AI">
<meta property="og:title" content="{e(title)}">
<meta property="og:type" content="article">
<meta property="og:locale" content="{ {"de":"de_DE","fr":"fr_FR","es":"es_AR"}[lang] }">
<meta property="og:url" content="https://www.{L["host"]}/{e(L["sec"].lower().replace(" ","-"))}/{slug}-{2596987+i}.html">
<meta property="og:site_name" content="{e(L["site"])}">
<meta property="og:description" content="{e(L["lead"])}">
<meta name="twitter:card" content="summary_large_image">
<link rel="canonical" href="https://www.{L["host"]}/{e(L["sec"].lower().replace(" ","-"))}/{slug}-{2596987+i}.html">
<link rel="stylesheet" type="text/css" href="/stil/standard.css">
<script type="text/javascript">var ivw={{"st":"{L["host"]}","cp":"{lang}_tech"}};</script>
{TRACK}
</head>
<body>
<div id="alertaDisclaimer" class="mensajeEx8" style="display:none"></div>
<header id="header" itemscope itemtype="http://schema.org/WPHeader"><div class="logo"><a href="/">{e(L["site"])}</a></div>
<nav class="navi_top"><ul><li><a href="/newsticker/">Newsticker</a></li><li><a href="/{e(L["sec"].lower())}/">{e(L["sec"])}</a></li><li><a href="/abo/">Abo</a></li></ul></nav></header>
<div id="mitte"><div id="container_content">
<article class="meldung_wrapper" itemscope itemtype="http://schema.org/NewsArticle">
<header><p class="kicker">{e(L["sec"])}</p><h1 itemprop="headline">{e(title)}</h1>
<p class="publish-info"><time datetime="2025-04-08T12:46:00" itemprop="datePublished">08.04.2025 12:46</time> · {e(L["by"])} <span itemprop="author">Anna Redakteurin</span></p></header>
<div class="meldung_anrisstext" itemprop="description"><p><strong>{e(L["lead"])}</strong></p></div>
<div class="article-content" itemprop="articleBody">
{ven}
<ul class="infobox">
{chr(10).join(facts)}
</ul>
<p>{e(L["more"])}</p>
</div>
</article>
<aside class="teaser"><h3>Mehr · Plus · Más</h3><ul><li><a href="/x/1">Smartphone-Test: 8 Modelle ab 199 Euro</a></li><li><a href="/x/2">Open Source: neue Lizenz für Linux-Treiber</a></li></ul></aside>
</div></div>
<footer id="footer"><p>© 2025 {e(L["site"])} · <a href="/impressum">Impressum</a> · <a href="/datenschutz">Datenschutz</a> · <a href="/cookies">Cookies</a></p></footer>
{COOKIE}
</body>
</html>
'''

# 11. jsonld-directory: readability test-pages/schema-org-context-object (JSON-LD with @context object)
def s_jsonld(i, slug, show):
    d = F[slug]
    app = {"@context":{"@vocab":"http://schema.org/"},"@type":"SoftwareApplication","name":d["name"],"description":d["desc"].capitalize()+"."}
    if "v" in show: app["author"] = {"@type":"Organization","name":d["vdisp"]}
    if "c" in show: app["applicationCategory"] = d["cat"]
    if "l" in show: app["license"] = d["lic"]
    if "p" in show:
        tier, a, cur, per = d["prlab"].split("|")
        app["offers"] = {"@type":"Offer","price":a,"priceCurrency":cur,"description":d["pr"]}
    rest = f'<p class="listing-size">{e(d["sz"])}</p>' if "s" in show else ""
    return f'''<!DOCTYPE html>
<html lang="en" class="no-js">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(d["name"])} - Reviews, Pricing &amp; Alternatives (2025) | ToolShelf</title>
<meta name="description" content="{e(d["name"])}: {e(d["desc"])}. Read reviews and compare alternatives.">
<meta property="og:title" content="{e(d["name"])} | ToolShelf">
<meta property="og:url" content="https://toolshelf.example/tools/{slug}">
<meta property="og:type" content="product">
<link rel="canonical" href="https://toolshelf.example/tools/{slug}">
<script type="application/ld+json">{json.dumps({"@context":{"@vocab":"http://schema.org/"},"@type":"WebSite","name":"ToolShelf","url":"https://toolshelf.example/"})}</script>
<script type="application/ld+json">{json.dumps(app, ensure_ascii=False)}</script>
<script type="application/ld+json">{json.dumps({"@context":{"@vocab":"http://schema.org/"},"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Tools","item":"https://toolshelf.example/tools"},{"@type":"ListItem","position":2,"name":d["name"]}]}, ensure_ascii=False)}</script>
{TRACK}
</head>
<body class="page-tool">
<header class="site-header"><a class="logo" href="/">ToolShelf</a><nav><a href="/tools">All tools</a> <a href="/collections">Collections</a> <a href="/submit">Submit a tool</a> <a href="/login">Sign in</a></nav></header>
<main class="tool-page"><div class="tool-hero"><img class="tool-logo" src="https://cdn.toolshelf.example/logos/{slug}.png" alt="{e(d["name"])} logo">
<div><h1 class="tool-title">{e(d["name"])}</h1><p class="tool-tagline">{e(d["desc"].capitalize())}</p>{rest}
<a class="visit-btn" href="https://go.toolshelf.example/{slug}?ref=toolshelf" rel="nofollow sponsored">Visit website</a> <button class="upvote">▲ 1.2K</button></div></div>
<section class="tool-about"><h2>About {e(d["name"])}</h2><p>{e(d["name"])} is {e(d["desc"])}.</p></section>
<section class="alternatives"><h2>Alternatives</h2><ul class="cards"><li class="card"><a href="/tools/other-one">Other One</a><span class="card-price">Free</span></li><li class="card"><a href="/tools/other-two">Other Two</a><span class="card-price">$15/mo</span></li></ul></section>
</main>
<footer class="site-footer"><p>© 2025 ToolShelf. Listings are provided by their makers.</p><a href="/advertise">Advertise</a></footer>
{COOKIE}
<script src="/static/app.1f2e3d.js"></script>
</body>
</html>
'''

# 12. og-only: readability test-pages/004-metadata-space-separated-properties (metadata in meta tags only)
def s_og(i, slug, show):
    d = F[slug]
    desc = d["desc"].capitalize() + "."
    if "v" in show: desc = f"{d['name']} by {d['vdisp']}: {d['desc']}."
    meta = [f'<meta property="og:title" content="{e(d["name"])}"/>', f'<meta property="og:description" content="{e(desc)}"/>', f'<meta property="og:site_name" content="Launchpad Weekly"/>', f'<meta property="og:type" content="website"/>', f'<meta property="og:url" content="https://launchpadweekly.example/p/{slug}"/>']
    return f'''<!DOCTYPE html>
<html>
  <head>
    <meta charset="utf-8"/>
    {(chr(10)+"    ").join(meta)}
    <meta property="og:image" content="https://launchpadweekly.example/img/{slug}.png"/>
  </head>
  <body>
    <div id="app"><noscript>You need to enable JavaScript to run this app.</noscript></div>
    <script src="/static/js/main.8f1c2a.js"></script>
  </body>
</html>
'''

# 13. glossary-dl: readability test-pages/google-sre-book-1 (online book chapter, dl/dt/dd, nav, footer)
def s_dl(i, slug, show):
    d = F[slug]
    rows = [("Name", d["name"])]
    if "v" in show: rows.append(("Maker", d["vdisp"]))
    if "l" in show: rows.append(("Licence", d["lic"]))
    if "s" in show: rows.append(("Parameter count", d["sz"]))
    if "p" in show: rows.append(("Pricing", d["pr"]))
    if "c" in show: rows.append(("Category", d["cat"]))
    dl = "\n".join(f"<dt>{e(a)}</dt><dd>{e(b)}</dd>" for a, b in rows)
    return f'''<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>AI Field Guide - Chapter 4 - {e(d["name"])}</title>
<link rel="stylesheet" href="/fieldguide/css/main.min.css">
<link rel="canonical" href="https://fieldguide.example/chapters/{slug}/">
{TRACK}
</head>
<body>
<div class="menu-closed" id="curtain"></div>
<div class="header clearfix"><div class="header-wrraper"><a class="expand" id="expand-toc-menu"><span class="visually-hidden">Toggle navigation</span></a><a href="/fieldguide/"><h1 class="header-title">AI Field Guide</h1></a></div></div>
<div id="overlay-element" class="expands"><div id="toc-bar"><div class="toc-inner"><h2>Table of Contents</h2><ol class="toc"><li><a href="/fieldguide/foreword/">Foreword</a></li><li><a href="/fieldguide/chapters/language-models/">Language Models</a></li><li><a href="/fieldguide/chapters/apps/">Apps</a></li></ol></div></div></div>
<div id="maia-main" role="main"><div class="maia-teleport" id="content"></div>
<div class="content">
<section data-type="chapter" id="chapter_{slug}"><h1 class="heading">{e(d["name"])}</h1>
<p class="byline author">Written by the Field Guide editors<br>Edited by Kim Lee</p>
<p>This entry summarises what the public documentation says about the tool: {e(d["desc"])}.</p>
<h2 class="subheaders">Key facts</h2>
<dl>
{dl}
</dl>
<aside data-type="sidebar" class="sidebar"><h5 class="heading">Terminology</h5><p>An <em>open-weights</em> model publishes its parameters; an <em>app</em> is used through a hosted service.</p></aside>
</section>
</div></div>
<div class="footer"><div class="maia-aux"><div class="previous"><a href="/fieldguide/chapters/previous/"><p class="footer-caption">previous</p><p class="chapter-link">Chapter 3</p></a></div><div class="next"><a href="/fieldguide/chapters/next/"><p class="footer-caption">next</p><p class="chapter-link">Chapter 5</p></a></div>
<p class="footer-link">Copyright © 2025. Text licensed under <a href="https://creativecommons.org/licenses/by-nc-nd/4.0/">CC BY-NC-ND 4.0</a>.</p></div></div>
<script src="/fieldguide/js/main.min.js"></script>
</body>
</html>
'''

# 14. comparison-table: readability test-pages/keep-tabular-data (two-column facts table in a legacy layout)
def s_table(i, slug, show):
    d = F[slug]
    rows = [("Tool", d["name"])]
    if "v" in show: rows.append(("Vendor", d["vdisp"]))
    if "l" in show: rows.append(("License", d["lic"]))
    if "s" in show: rows.append(("Size", d["sz"]))
    if "p" in show: rows.append(("Price", d["pr"]))
    if "c" in show: rows.append(("Category", d["cat"]))
    t = "\n".join(f'<tr><td class="label">{e(a)}</td><td class="value">{e(b)}</td></tr>' for a, b in rows)
    return f'''<html>
<head>
<title>{e(d["name"])} :: AI Tool Index</title>
<link rel="stylesheet" type="text/css" href="/style.css">
<script language="JavaScript" type="text/javascript">function popup(u){{window.open(u,'w','width=500,height=400');}}</script>
</head>
<body bgcolor="#ffffff">
<table width="100%" border="0" cellpadding="0" cellspacing="0"><tr><td class="topbar"><a href="/">AI Tool Index</a> | <a href="/new.php">New</a> | <a href="/top.php">Top rated</a> | <a href="/submit.php">Submit</a></td></tr></table>
<table width="100%"><tr>
<td valign="top" width="160" class="sidebar"><b>Browse</b><br><a href="/cat.php?c=dev">Developer Tools</a><br><a href="/cat.php?c=img">Image Generation</a><br><a href="/cat.php?c=chat">Chatbots</a><br><a href="/cat.php?c=video">Video</a></td>
<td valign="top">
<h2>{e(d["name"])}</h2>
<table class="finished_gui_table" border="1" cellpadding="4">
{t}
</table>
<p>{e(d["desc"].capitalize())}.</p>
<p><a href="javascript:popup('/report.php?id={i}')">Report an error</a></p>
</td></tr></table>
<hr><p align="center"><small>AI Tool Index &copy; 2003-2025. All rights reserved.</small></p>
</body>
</html>
'''

# 15-16. legacy bytes: readability daringfireball-1 (XHTML 1.0, meta http-equiv; windows-1252 declared)
#        and table-style-attributes (no charset at all; ISO-8859-1 bytes, undeclared)
def s_legacy(declared, i, slug, show):
    d = F[slug]
    lines = []
    if "v" in show: lines.append(f"Hersteller: {d['vdisp']}")
    if "l" in show: lines.append(f"Lizenz: {d['lic']}")
    if "p" in show: lines.append(f"Preis: {loc_price(d, PR_DE)}")
    if "s" in show: lines.append(f"Größe: {d['sz']}")
    if "c" in show: lines.append(f"Kategorie: {d['cat']}")
    br = "<br />\n".join(e(x) for x in lines)
    if declared:
        return f'''<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="de" lang="de">
<head>
    <meta http-equiv="content-type" content="text/html; charset=windows-1252"/>
    <title>Werkzeugkiste: {e(d["name"])} – Übersicht</title>
    <link rel="shortcut icon" href="/graphics/favicon.ico?v=005"/>
    <link rel="stylesheet" type="text/css" media="screen" href="/css/kiste_screen.css?v1.6"/>
    <link rel="alternate" type="application/atom+xml" href="/feeds/main"/>
    <script src="/js/FancyZoom.js" type="text/javascript"></script>
</head>
<body onload="setupZoom()">
<div id="Box">
<div id="Banner"><a href="/" title="Werkzeugkiste">Werkzeugkiste</a></div>
<div id="Sidebar"><p>Über diese Seite · <a href="/archiv/">Archiv</a> · <a href="/kontakt/">Kontakt</a></p></div>
<div id="Main">
<div class="article">
<h1>{e(d["name"])}</h1>
<p>{e(d["name"])} – kurz erklärt: „{e(d["desc"])}“.</p>
<p>{br}</p>
<p>Zuletzt geändert: 14. März 2025 · Preise in € oder $ laut Anbieter.</p>
</div>
</div>
<div id="Footer"><p>Copyright © 2002–2025 Werkzeugkiste.</p></div>
</div>
</body>
</html>
'''
    return f'''<html>
<head>
<title>{e(d["name"])} - Fiche technique</title>
</head>
<body>
<table width="600" border="0" cellspacing="0" cellpadding="3" style="border:1px solid #999">
<tr><td bgcolor="#dddddd"><font face="Verdana" size="2"><b>Répertoire des outils · Werkzeugverzeichnis</b></font></td></tr>
<tr><td><font face="Verdana" size="2"><b>{e(d["name"])}</b><br />
Kurzbeschreibung: {e(d["desc"])} - geprüft für Österreich und die Schweiz.<br />
{br}</font></td></tr>
<tr><td bgcolor="#eeeeee"><font size="1">© Répertoire · Mise à jour : 12 février 2025</font></td></tr>
</table>
</body>
</html>
'''

# ---------------------------------------------------------------------------------------------
# Page plan: style -> (renderer, encoding, facts the style can carry, tools, drop cycle).
# The drop cycle removes facts page by page so that "absent" is tested in every style; the
# label of a page is exactly the set of facts rendered on it.
M, A = MODELS, APPS
PLAN = [
 ("pypi-project",      s_pypi,    "utf-8",       "vls",   M[0:8],                    ["", "l", "v", "s"]),
 ("mkdocs-material",   s_mkdocs,  "utf-8",       "vlsp",  M[8:14] + A[0:2],          ["", "v", "l", "s"]),
 ("sphinx-docs",       s_sphinx,  "utf-8",       "vls",   M[14:22],                  ["", "s", "v", "l"]),
 ("wordpress-microdata", s_wp,    "utf-8",       "vlpsc", A[2:8] + M[22:24],         ["", "c", "v", "p"]),
 ("medium-post",       s_medium,  "utf-8",       "vls",   M[1:24:3],                 ["", "l", "s", "v"]),
 ("vendor-blog-jsonld", s_gitlab, "utf-8",       "vls",   M[2:24:3],                 ["", "s", "l", "v"]),
 ("vendor-landing",    s_landing, "utf-8",       "vpc",   A[0:8],                    ["", "c", "v", "p"]),
 ("news-de",           lambda i,s,w: s_news("de",i,s,w), "utf-8", "vlpsc", A[4:8] + M[0:4],  ["", "l", "p", "v"]),
 ("news-fr",           lambda i,s,w: s_news("fr",i,s,w), "utf-8", "vlpsc", A[8:12] + M[4:8], ["", "c", "s", "v"]),
 ("news-es",           lambda i,s,w: s_news("es",i,s,w), "utf-8", "vlpsc", A[0:4] + M[8:12], ["", "p", "l", "c"]),
 ("jsonld-directory",  s_jsonld,  "utf-8",       "vlpsc", A[6:12] + M[12:14],        ["", "v", "c", "p"]),
 ("og-only",           s_og,      "utf-8",       "v",     A[0:4] + M[16:20],         ["", "v"]),
 ("glossary-dl",       s_dl,      "utf-8",       "vlpsc", M[18:24] + A[10:12],       ["", "c", "l", "s"]),
 ("comparison-table",  s_table,   "utf-8",       "vlpsc", A[1:12:2] + M[3:5],        ["", "v", "p", "c"]),
 ("legacy-windows-1252-declared", lambda i,s,w: s_legacy(True,i,s,w), "cp1252", "vlpsc", M[5:9] + A[2:6], ["", "l", "v", "c"]),
 ("legacy-latin1-undeclared", lambda i,s,w: s_legacy(False,i,s,w), "latin-1", "vlpsc", A[8:12] + M[9:13], ["", "p", "s", "v"]),
]

def main():
    for style, fn, enc, full, tools, cycle in PLAN:
        assert len(tools) == 8, (style, len(tools))
        for k, slug in enumerate(tools):
            d = F[slug]
            show = pick(k, full, cycle)
            show = "".join(c for c in show if d[{"v":"vendor","l":"liclab","p":"prlab","s":"szlab","c":"cat"}[c]] != "-")
            emit(style, k + 1, slug, fn(k, slug, show), show, enc, f"encoding {enc}" if enc != "utf-8" else "")
    with open(os.path.join(ROOT, "expected.tsv"), "w", encoding="utf-8") as f:
        f.write("path\tname\taliases\tvendor\tlicense\tprice\tsizes\tcategory\tnote\n")
        for r in ROWS:
            f.write("\t".join(x if x else "" for x in r) + "\n")

if __name__ == "__main__":
    main()
