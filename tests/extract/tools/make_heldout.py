#!/usr/bin/env python3
"""Lays out the HELD-OUT extraction pages of tests/extract/heldout/ (see ../heldout/README.md).

Held out: written without reading the extractor (stages/extract/, stages/normalise/) and to be
measured before any rule is written for these styles. Like make_pages.py, the labels are written
from the facts each page SHOWS, never from what an extractor reads; never change a label or a page
to suit the extractor. Run from the repository root:  python3 tests/extract/tools/make_heldout.py
Deterministic: no clock, no randomness; re-running rewrites the same bytes.
"""
import html, os, json, shutil

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "heldout")
e = html.escape

# ---------------------------------------------------------------------------------------------
# Facts: copied verbatim from tools/make_pages.py (36 tools; facts written by the first labeller
# from public model cards and pricing pages, not re-checked here). Copied, not imported, so that an
# edit of the first part's table can never silently change the held-out pages.
T = [
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
SPDX = lambda d: d["liclab"] if not d["liclab"].startswith("name:") else None
def pkg_name(d): return d["name"].replace(" ", "-").replace("[", "").replace("]", "")

ROWS = []
def emit(style, n, slug, body, name, aliases="-", vendor="-", lic="-", price="-", sizes="-", cat="-", note="-", enc="utf-8"):
    path = f"pages/{style}/{n:03d}-{slug}.html"
    full = os.path.join(ROOT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "wb") as f:
        f.write(body.encode(enc))  # strict: a character the encoding lacks is an error, not a '?'
    row = [path, name, aliases, vendor, lic, price, sizes, cat, note]
    assert all(x and "\t" not in x and "\n" not in x for x in row), row
    ROWS.append(row)

def pick(i, full, cycle):
    drop = cycle[i % len(cycle)]
    return "".join(c for c in full if c not in drop)

def lab(d, show, k):
    key = {"v": "vendor", "l": "liclab", "p": "prlab", "s": "szlab", "c": "cat"}[k]
    return d[key] if k in show and d[key] != "-" else "-"

# =============================================================================================
# 1. github-repo: page shell from postlight/parser fixtures/github.com/1551742565097.html
#    (a saved 2019 GitHub repository page: header, repo head with itemprop author/name, file table,
#    README in article.markdown-body); About sidebar in the current BorderGrid layout.
GH_OWNER = {"olmo-2-7b": "allenai", "starcoder2-15b": "bigcode-project", "whisper-large-v3": "openai",
            "pythia-12b": "EleutherAI", "granite-3-0-8b": "ibm-granite", "deepseek-r1": "deepseek-ai",
            "jamba": "ai21labs", "snowflake-arctic": "Snowflake-Labs"}
GH_COMMUNITY = ["mlports", "jdoe-lab", "weights-mirror", "tinkerer42"]
def s_github(i, slug, show):
    d = F[slug]; repo = pkg_name(d)
    owner = GH_OWNER[slug] if "v" in show else GH_COMMUNITY[i % 4]
    nwo = f"{owner}/{repo}"
    desc = d["desc"][0].upper() + d["desc"][1:]
    if "v" not in show: desc = f"Unofficial mirror of the {d['name']} weights with a small inference script"
    lic_side = ""
    if "l" in show:
        text = f"{SPDX(d)} license" if SPDX(d) else "View license"
        lic_side = f'''<h3 class="sr-only">License</h3>
          <div class="mt-2"><a href="/{nwo}/blob/main/LICENSE" class="Link--muted" data-analytics-event="{{&quot;category&quot;:&quot;Repository Overview&quot;,&quot;action&quot;:&quot;click&quot;,&quot;label&quot;:&quot;location:sidebar;file:license&quot;}}"><svg aria-hidden="true" height="16" viewBox="0 0 16 16" version="1.1" width="16" class="octicon octicon-law mr-2"><path d="M8.75.75V2h.985c.304 0 .603.08.867.231l1.29.736c.038.022.08.033.124.033h2.234a.75.75 0 0 1 0 1.5h-.427l2.111 4.692a.75.75 0 0 1-.154.838l-.53-.53.529.531-.001.002-.002.002-.006.006-.006.005-.01.01-.045.04c-.21.176-.441.327-.686.45C14.556 10.78 13.88 11 13 11a4.498 4.498 0 0 1-2.023-.454"></path></svg>
 {e(text)}</a></div>'''
    readme = [f'<div class="markdown-heading" dir="auto"><h1 tabindex="-1" class="heading-element" dir="auto">{e(d["name"])}</h1><a id="user-content-{slug}" class="anchor" aria-label="Permalink: {e(d["name"])}" href="#{slug}"><svg class="octicon octicon-link" viewBox="0 0 16 16" version="1.1" width="16" height="16" aria-hidden="true"></svg></a></div>']
    if "v" in show:
        readme.append(f'<p dir="auto">{e(d["name"])} is {e(d["desc"])}, developed by {e(d["vdisp"])}. This repository holds the reference inference code and the model card.</p>')
    else:
        readme.append(f'<p dir="auto">This is a personal mirror of {e(d["name"])}, {e(d["desc"])}. I am not affiliated with the authors; see the upstream release for the official files.</p>')
    det = ['<li>Context length: 4,096 tokens</li>', '<li>Precision: bfloat16</li>']
    if "s" in show: det.insert(0, f'<li>Parameters: {e(d["sz"])}</li>')
    readme.append('<div class="markdown-heading" dir="auto"><h2 tabindex="-1" class="heading-element" dir="auto">Model details</h2></div>\n<ul dir="auto">' + "".join(det) + '</ul>')
    readme.append(f'<div class="markdown-heading" dir="auto"><h2 tabindex="-1" class="heading-element" dir="auto">Quick start</h2></div>\n<div class="highlight highlight-source-shell notranslate position-relative overflow-auto" dir="auto"><pre>git clone https://github.example/{e(nwo)}.git\npip install -e .\npython generate.py --prompt <span class="pl-s"><span class="pl-pds">"</span>Hello<span class="pl-pds">"</span></span></pre></div>')
    if "l" in show:
        readme.append(f'<div class="markdown-heading" dir="auto"><h2 tabindex="-1" class="heading-element" dir="auto">License</h2></div>\n<p dir="auto">The code and weights are released under the {e(d["lic"])}. See <a href="/{e(nwo)}/blob/main/LICENSE">LICENSE</a>.</p>')
    files = [("dir", "configs", "Add eval configs"), ("dir", "scripts", "Bump tokenizer"), ("file", "README.md", "Update README.md"), ("file", "generate.py", "Stream tokens"), ("file", "pyproject.toml", "Pin torch")]
    if "l" in show: files.insert(2, ("file", "LICENSE", "Add license"))
    rows = "\n".join(f'''        <tr class="react-directory-row"><td class="react-directory-row-name-cell-large-screen"><svg aria-label="{'Directory' if k == 'dir' else 'File'}" class="octicon octicon-file{'-directory-fill' if k == 'dir' else ''}" viewBox="0 0 16 16" width="16" height="16"></svg><a title="{n}" aria-label="{n}, ({'Directory' if k == 'dir' else 'File'})" class="Link--primary" href="/{e(nwo)}/{'tree' if k == 'dir' else 'blob'}/main/{n}">{n}</a></td><td class="react-directory-row-commit-cell"><a class="Link--secondary" href="/{e(nwo)}/commit/4f1c2e9">{m}</a></td><td><relative-time datetime="2025-02-11T10:04:00Z" class="no-wrap">Feb 11, 2025</relative-time></td></tr>''' for k, n, m in files)
    topics = "".join(f'<a href="/topics/{t}" title="Topic: {t}" data-view-component="true" class="topic-tag topic-tag-link">\n  {t}\n</a>' for t in ["deep-learning", "pytorch", "llm", "machine-learning"])
    return f'''<!DOCTYPE html>
<html lang="en" data-color-mode="auto" data-light-theme="light" data-dark-theme="dark">
  <head>
    <meta charset="utf-8">
  <link rel="dns-prefetch" href="https://github.githubassets.example">
  <link rel="dns-prefetch" href="https://avatars.githubusercontent.example">
  <link crossorigin="anonymous" media="all" rel="stylesheet" href="https://github.githubassets.example/assets/primer-7b3ac2e1.css">
  <link crossorigin="anonymous" media="all" rel="stylesheet" href="https://github.githubassets.example/assets/github-0c1f2d34.css">
  <meta name="viewport" content="width=device-width">
  <title>GitHub - {e(nwo)}: {e(desc)}</title>
    <meta name="description" content="{e(desc)} - {e(nwo)}">
    <link rel="search" type="application/opensearchdescription+xml" href="/opensearch.xml" title="GitHub">
  <link rel="fluid-icon" href="https://github.example/fluidicon.png" title="GitHub">
  <meta property="fb:app_id" content="1401488693436528">
    <meta name="twitter:image" content="https://opengraph.githubassets.example/1/{e(nwo)}"><meta name="twitter:site" content="@github"><meta name="twitter:card" content="summary_large_image"><meta name="twitter:title" content="GitHub - {e(nwo)}: {e(desc)}"><meta name="twitter:description" content="{e(desc)}">
    <meta property="og:image" content="https://opengraph.githubassets.example/1/{e(nwo)}"><meta property="og:site_name" content="GitHub"><meta property="og:type" content="object"><meta property="og:title" content="GitHub - {e(nwo)}: {e(desc)}"><meta property="og:url" content="https://github.example/{e(nwo)}"><meta property="og:description" content="{e(desc)}">
  <meta name="hostname" content="github.example">
  <meta name="user-login" content="">
  <meta name="octolytics-dimension-user_login" content="{e(owner)}"><meta name="octolytics-dimension-repository_nwo" content="{e(nwo)}"><meta name="octolytics-dimension-repository_public" content="true"><meta name="octolytics-dimension-repository_is_fork" content="false">
  <meta name="go-import" content="github.example/{e(nwo)} git https://github.example/{e(nwo)}.git">
  <link rel="canonical" href="https://github.example/{e(nwo)}" data-turbo-transient>
  <link rel="alternate" type="application/atom+xml" title="Recent Commits to {e(repo)}:main" href="https://github.example/{e(nwo)}/commits/main.atom">
  <link rel="icon" class="js-site-favicon" type="image/svg+xml" href="https://github.githubassets.example/favicons/favicon.svg">
  <meta name="theme-color" content="#1e2327">
  <script crossorigin="anonymous" defer="defer" type="application/javascript" src="https://github.githubassets.example/assets/environment-3a0e1c2b.js"></script>
  </head>
  <body class="logged-out env-production page-responsive">
    <div class="position-relative header-wrapper js-header-wrapper">
      <a href="#start-of-content" data-skip-target-assigned="false" class="px-2 py-4 color-bg-accent-emphasis color-fg-on-emphasis show-on-focus js-skip-to-content">Skip to content</a>
<header class="HeaderMktg header-logged-out js-details-container js-header Details f4 py-3" role="banner">
  <div class="container-xl position-relative d-flex flex-items-center">
    <a class="mr-lg-3 color-fg-inherit flex-order-2" href="https://github.example/" aria-label="Homepage"><svg height="32" aria-hidden="true" viewBox="0 0 24 24" version="1.1" width="32" class="octicon octicon-mark-github"><path d="M12 1C5.923 1 1 5.923 1 12c0 4.867 3.149 8.979 7.521 10.436"></path></svg></a>
    <nav aria-label="Global" class="mt-0"><ul class="d-flex list-style-none">
      <li class="HeaderMenu-item"><button type="button" class="HeaderMenu-link border-0 width-full width-lg-auto px-0 px-lg-2 py-lg-2 no-wrap d-flex flex-items-center flex-justify-between js-details-target" aria-expanded="false">Product</button></li>
      <li class="HeaderMenu-item"><button type="button" class="HeaderMenu-link border-0 px-0 px-lg-2 py-lg-2 no-wrap" aria-expanded="false">Solutions</button></li>
      <li class="HeaderMenu-item"><button type="button" class="HeaderMenu-link border-0 px-0 px-lg-2 py-lg-2 no-wrap" aria-expanded="false">Open Source</button></li>
      <li class="HeaderMenu-item"><a class="HeaderMenu-link no-underline px-0 px-lg-2 py-3 py-lg-2 d-block d-lg-inline-block" href="https://github.example/pricing">Pricing</a></li>
    </ul></nav>
    <div class="d-lg-flex flex-items-center"><a href="/login?return_to=https%3A%2F%2Fgithub.example%2F{e(owner)}%2F{e(repo)}" class="HeaderMenu-link HeaderMenu-link--sign-in flex-shrink-0 no-underline d-block d-lg-inline-block border border-lg-0 rounded rounded-lg-0 p-2 p-lg-0">Sign in</a>
    <a href="/signup?ref_cta=Sign+up&amp;source=header-repo" class="HeaderMenu-link HeaderMenu-link--sign-up flex-shrink-0 d-flex d-lg-inline-block no-underline border color-border-default rounded px-2 py-1">Sign up</a></div>
  </div>
</header>
    </div>
  <div id="start-of-content" class="show-on-focus"></div>
  <div class="application-main" data-commit-hovercards-enabled>
    <main id="js-repo-pjax-container">
  <div id="repository-container-header" class="pt-3 hide-full-screen" style="background-color: var(--page-header-bgColor, var(--color-page-header-bg));">
    <div class="d-flex flex-nowrap flex-justify-end mb-3 px-3 px-lg-5" style="gap: 1rem;">
      <div class="flex-auto min-width-0 width-fit">
  <div class="d-flex flex-wrap flex-items-center wb-break-word f3 text-normal">
      <svg aria-hidden="true" height="16" viewBox="0 0 16 16" version="1.1" width="16" class="octicon octicon-repo color-fg-muted mr-2"></svg>
    <span class="author flex-self-stretch" itemprop="author"><a class="url fn" rel="author" data-hovercard-type="organization" href="/{e(owner)}">{e(owner)}</a></span>
    <span class="mx-1 flex-self-stretch color-fg-muted">/</span>
    <strong itemprop="name" class="mr-2 flex-self-stretch"><a data-pjax="#repo-content-pjax-container" href="/{e(nwo)}">{e(repo)}</a></strong>
    <span></span><span class="Label Label--secondary v-align-middle mr-1">Public</span>
  </div>
      </div>
      <div id="repository-details-container" class="flex-shrink-0" data-turbo-replace style="max-width: 70%;">
      <ul class="pagehead-actions flex-shrink-0 d-none d-md-inline" style="padding: 2px 0;">
    <li><a href="/login?return_to=%2F{e(owner)}%2F{e(repo)}" rel="nofollow" class="btn-sm btn" aria-label="You must be signed in to change notification settings"><svg class="octicon octicon-bell mr-2" width="16" height="16" aria-hidden="true"></svg>Notifications</a></li>
    <li><a icon="repo-forked" id="fork-button" href="/login?return_to=%2F{e(owner)}%2F{e(repo)}" rel="nofollow" class="btn-sm btn"><svg class="octicon octicon-repo-forked mr-2" width="16" height="16" aria-hidden="true"></svg>Fork <span id="repo-network-counter" title="214" class="Counter">214</span></a></li>
    <li><a href="/login?return_to=%2F{e(owner)}%2F{e(repo)}" rel="nofollow" class="btn-sm btn"><svg class="octicon octicon-star v-align-text-bottom d-inline-block mr-2" width="16" height="16" aria-hidden="true"></svg><span data-view-component="true" class="d-inline">Star</span> <span id="repo-stars-counter-star" aria-label="3120 users starred this repository" title="3,120" class="Counter js-social-count">3.1k</span></a></li>
      </ul>
      </div>
    </div>
      <nav data-pjax="#js-repo-pjax-container" aria-label="Repository" class="js-repo-nav js-sidenav-container-pjax js-responsive-underlinenav overflow-hidden UnderlineNav px-3 px-md-4 px-lg-5">
  <ul data-view-component="true" class="UnderlineNav-body list-style-none">
      <li class="d-inline-flex"><a id="code-tab" href="/{e(nwo)}" class="UnderlineNav-item no-wrap js-responsive-underlinenav-item js-selected-navigation-item selected" aria-current="page"><span data-content="Code">Code</span></a></li>
      <li class="d-inline-flex"><a id="issues-tab" href="/{e(nwo)}/issues" class="UnderlineNav-item no-wrap"><span data-content="Issues">Issues</span> <span id="issues-repo-tab-count" title="41" class="Counter">41</span></a></li>
      <li class="d-inline-flex"><a id="pull-requests-tab" href="/{e(nwo)}/pulls" class="UnderlineNav-item no-wrap"><span data-content="Pull requests">Pull requests</span> <span title="6" class="Counter">6</span></a></li>
      <li class="d-inline-flex"><a id="actions-tab" href="/{e(nwo)}/actions" class="UnderlineNav-item no-wrap"><span data-content="Actions">Actions</span></a></li>
      <li class="d-inline-flex"><a id="security-tab" href="/{e(nwo)}/security" class="UnderlineNav-item no-wrap"><span data-content="Security">Security</span></a></li>
      <li class="d-inline-flex"><a id="insights-tab" href="/{e(nwo)}/pulse" class="UnderlineNav-item no-wrap"><span data-content="Insights">Insights</span></a></li>
  </ul>
</nav>
  </div>
  <turbo-frame id="repo-content-turbo-frame" target="_top" data-turbo-action="advance" class="">
    <div id="repo-content-pjax-container" class="repository-content ">
  <h1 class='sr-only'>{e(nwo)}</h1>
  <div class="clearfix container-xl px-md-4 px-lg-5 px-3">
<div data-view-component="true" class="Layout Layout--flowRow-until-md react-repos-overview-margin Layout--sidebarPosition-end Layout--sidebarPosition-flowRow-end">
  <div data-view-component="true" class="Layout-main">
    <div class="Box mb-3">
      <div class="Box-header d-flex flex-items-center"><span class="branch-name">main</span> <a class="Link--secondary ml-2" href="/{e(nwo)}/branches">3 Branches</a> <a class="Link--secondary ml-2" href="/{e(nwo)}/tags">5 Tags</a> <a class="Link--secondary ml-auto" href="/{e(nwo)}/commits/main"><span class="fgColor-default">128 Commits</span></a></div>
      <table aria-labelledby="folders-and-files" class="Table__StyledTable-sc-ihbcbp-0 Box-sc-g0xbh4-0 ehcSsh">
        <tbody>
{rows}
        </tbody>
      </table>
    </div>
    <div id="readme" class="Box md js-code-block-container js-code-nav-container js-tagsearch-file Box--responsive" data-tagsearch-path="README.md" data-tagsearch-lang="Markdown">
      <div class="Box-header d-flex border-bottom-0 flex-items-center flex-justify-between color-bg-default rounded-top-2"><h2 class="Box-title">README</h2></div>
      <div data-target="readme-toc.content" class="Box-body px-5 pb-5">
        <article class="markdown-body entry-content container-lg" itemprop="text">{chr(10).join(readme)}
</article>
      </div>
    </div>
  </div>
  <div data-view-component="true" class="Layout-sidebar">
    <div class="BorderGrid about-margin" data-pjax>
      <div class="BorderGrid-row">
        <div class="BorderGrid-cell">
          <h2 class="mb-3 h4">About</h2>
              <p class="f4 my-3">{e(desc)}</p>
            <h3 class="sr-only">Topics</h3>
            <div class="my-3">
                <div class="f6">
{topics}
      </div>
            </div>
          <h3 class="sr-only">Resources</h3>
          <div class="mt-2"><a class="Link--muted" data-analytics-event="{{&quot;category&quot;:&quot;Repository Overview&quot;,&quot;action&quot;:&quot;click&quot;,&quot;label&quot;:&quot;location:sidebar;file:readme&quot;}}" href="#readme-ov-file"><svg aria-hidden="true" height="16" viewBox="0 0 16 16" version="1.1" width="16" class="octicon octicon-book mr-2"></svg>Readme</a></div>
          {lic_side}
          <h3 class="sr-only">Stars</h3>
          <div class="mt-2"><a href="/{e(nwo)}/stargazers" class="Link Link--muted"><svg class="octicon octicon-star mr-2" width="16" height="16" aria-hidden="true"></svg><strong>3.1k</strong> stars</a></div>
          <h3 class="sr-only">Watchers</h3>
          <div class="mt-2"><a href="/{e(nwo)}/watchers" class="Link Link--muted"><svg class="octicon octicon-eye mr-2" width="16" height="16" aria-hidden="true"></svg><strong>38</strong> watching</a></div>
          <h3 class="sr-only">Forks</h3>
          <div class="mt-2"><a class="Link Link--muted" href="/{e(nwo)}/forks"><svg class="octicon octicon-repo-forked mr-2" width="16" height="16" aria-hidden="true"></svg><strong>214</strong> forks</a></div>
          <div class="mt-2"><a class="Link--muted" href="/contact/report-content?content_url=https%3A%2F%2Fgithub.example%2F{e(owner)}%2F{e(repo)}&amp;report={e(owner)}+%28user%29">Report repository</a></div>
        </div>
      </div>
      <div class="BorderGrid-row">
        <div class="BorderGrid-cell">
          <h2 class="h4 mb-3"><a href="/{e(nwo)}/releases" class="Link--primary no-underline">Releases <span title="5" class="Counter">5</span></a></h2>
          <a href="/{e(nwo)}/releases/tag/v1.2.0" class="Link--primary d-flex no-underline"><span class="css-truncate css-truncate-target text-bold mr-2">v1.2.0</span> <span class="Label Label--success flex-shrink-0">Latest</span></a>
        </div>
      </div>
      <div class="BorderGrid-row">
        <div class="BorderGrid-cell">
          <h2 class="h4 mb-3">Languages</h2>
          <ul class="list-style-none"><li class="d-inline"><a class="d-inline-flex flex-items-center flex-nowrap Link--secondary no-underline text-small mr-3" href="/{e(nwo)}/search?l=python"><span class="color-fg-default text-bold mr-1">Python</span><span>93.8%</span></a></li><li class="d-inline"><a class="d-inline-flex flex-items-center flex-nowrap Link--secondary no-underline text-small mr-3" href="/{e(nwo)}/search?l=shell"><span class="color-fg-default text-bold mr-1">Shell</span><span>6.2%</span></a></li></ul>
        </div>
      </div>
    </div>
  </div>
</div>
  </div>
    </div>
  </turbo-frame>
    </main>
  </div>
<footer class="footer pt-8 pb-6 f6 color-fg-muted p-responsive" role="contentinfo">
  <h2 class='sr-only'>Footer</h2>
  <div class="d-flex flex-justify-center flex-items-center flex-column-reverse flex-lg-row flex-wrap flex-lg-nowrap">
    <div class="d-flex flex-items-center flex-shrink-0 mx-2"><span>&copy; 2025 GitHub,&nbsp;Inc.</span></div>
    <nav aria-label="Footer"><ul class="list-style-none d-flex flex-justify-center flex-wrap mb-2 mb-lg-0">
      <li class="mx-2"><a href="https://docs.github.example/site-policy/github-terms/github-terms-of-service" class="Link--secondary Link">Terms</a></li>
      <li class="mx-2"><a href="https://docs.github.example/site-policy/privacy-policies/github-privacy-statement" class="Link--secondary Link">Privacy</a></li>
      <li class="mx-2"><a href="https://www.githubstatus.example/" class="Link--secondary Link">Status</a></li>
      <li class="mx-2"><a href="https://docs.github.example/" class="Link--secondary Link">Docs</a></li>
    </ul></nav>
  </div>
</footer>
  </body>
</html>
'''

def run_github():
    tools = ["olmo-2-7b", "pythia-12b", "whisper-large-v3", "starcoder2-15b", "granite-3-0-8b", "deepseek-r1", "jamba", "snowflake-arctic"]
    for i, slug in enumerate(tools):
        d = F[slug]; show = pick(i, "vls", ["", "l", "v", "s"])
        repo = pkg_name(d)
        note = "-" if "v" in show else "owner is a personal account that says it is not affiliated: not the vendor"
        emit("github-repo", i + 1, slug, s_github(i, slug, show), repo, d["name"] if d["name"] != repo else "-",
             lab(d, show, "v"), lab(d, show, "l"), "-", lab(d, show, "s"), "-", note)

# =============================================================================================
# 2. npm-package: npm/newww templates/package/show.hbs (content-column + sidebar, README in
#    div#readme.markdown, licence in the sidebar box), as in the fork rafaeljesus/newww; sidebar
#    headings as npmjs.com shows them today (Install, Repository, Weekly Downloads, Version,
#    License, Unpacked Size, Total Files, Last publish, Collaborators).
def npm_id(d): return pkg_name(d).lower()
def s_npm(i, slug, show):
    d = F[slug]; pid = npm_id(d)
    side_lic = ""
    if "l" in show:
        side_lic = f'<div class="_702d723c dib w-50 bb b--black-10 pr2 w-100"><h3 class="c84e15be f5 mt2 pt2 mb0">License</h3><p class="f2874b88 fw6 mb3 mt2 truncate black-80 f4">{e(SPDX(d) or "SEE LICENSE IN LICENSE")}</p></div>'
    readme = [f'<h1 id="user-content-{slug}">{e(d["name"])}</h1>', f'<p>{e(d["name"])} packaged for Node.js: {e(d["desc"])}, with the tokenizer and an ONNX export of the weights.</p>']
    if "v" in show: readme.append(f'<p>The model is developed by {e(d["vdisp"])}; this package only wraps the published weights.</p>')
    if "s" in show: readme.append(f'<h2 id="user-content-model">Model</h2><ul><li>Size: {e(d["sz"])}</li><li>Context window: 8,192 tokens</li></ul>')
    else: readme.append('<h2 id="user-content-model">Model</h2><ul><li>Context window: 8,192 tokens</li></ul>')
    readme.append(f'<h2 id="user-content-install">Install</h2><div class="highlight highlight-source-shell"><pre>npm i {e(pid)}</pre></div>')
    readme.append(f'<h2 id="user-content-usage">Usage</h2><div class="highlight highlight-source-js"><pre><span class="pl-k">import</span> {{ <span class="pl-s1">load</span> }} <span class="pl-k">from</span> <span class="pl-s">"{e(pid)}"</span>;\n<span class="pl-k">const</span> <span class="pl-s1">model</span> <span class="pl-c1">=</span> <span class="pl-k">await</span> <span class="pl-en">load</span>({{ <span class="pl-c1">device</span>: <span class="pl-s">"cpu"</span> }});</pre></div>')
    if "l" in show and not SPDX(d):
        readme.append(f'<h2 id="user-content-license">License</h2><p>The weights are distributed under the {e(d["lic"])}; read it before use.</p>')
    return f'''<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width,minimum-scale=1.0,initial-scale=1,user-scalable=yes">
<title>{e(pid)} - npm</title>
<meta name="description" content="{e(d["name"])} packaged for Node.js. Latest version: 1.4.2, last published: 3 months ago. Start using {e(pid)} in your project by running `npm i {e(pid)}`.">
<meta property="og:description" content="{e(d["name"])} packaged for Node.js">
<meta property="og:title" content="{e(pid)}">
<meta property="og:url" content="https://www.npmjs.example/package/{e(pid)}">
<meta property="og:site_name" content="npm">
<meta property="og:image" content="https://static-production.npmjs.example/338e4905a2684ca96e08c7780fc68412.png">
<meta name="twitter:card" content="summary">
<meta name="twitter:site" content="@npmjs">
<link rel="canonical" href="https://www.npmjs.example/package/{e(pid)}">
<link rel="search" type="application/opensearchdescription+xml" title="npm" href="/osd.xml">
<link rel="stylesheet" href="https://static-production.npmjs.example/styles.5a1f2e0c3b.css">
<script async src="https://www.googletagmanager.example/gtag/js?id=G-DEMO"></script>
</head>
<body>
<div id="app"><div class="flex flex-column vh-100">
<div class="bb b--black-10"><header class="bg-white"><div class="_1d23a4a2 flex flex-row items-center">
  <span class="_6d2e7e80 black-50 mh3">&#10084;</span><span class="truncate">Nifty Pink Marmot</span>
  <ul class="list ma0 pa0 flex"><li class="mh2"><a href="/products/pro" class="link">Pro</a></li><li class="mh2"><a href="/products/teams" class="link">Teams</a></li><li class="mh2"><a href="/products" class="link">Pricing</a></li><li class="mh2"><a href="https://docs.npmjs.example" class="link">Documentation</a></li></ul>
</div>
<div class="_3b0a2d42 flex items-center"><a href="/" aria-label="Npm"><svg viewBox="0 0 780 250" aria-hidden="true" height="32"><path fill="#231F20" d="M240,250h100v-50h100V0H240V250z"></path></svg></a>
  <form id="search" method="GET" action="/search" class="_13c93d41 relative flex bg-transparent ph3 ph2 pv2 ph0-ns pv0-ns bt b--black-10 bn-ns"><input type="search" name="q" placeholder="Search packages" aria-label="Search packages" autocomplete="off" value=""><button type="submit" class="_0da775bb bn pv2 ph4 f6 white pointer bg-black">Search</button></form>
  <a href="/signup" class="_8ab6e3f0 link">Sign Up</a> <a href="/login" class="link">Sign In</a></div>
</header></div>
<main id="main" tabindex="-1">
<div class="_6620a4fd mw8-l mw-100 w-100 w-auto-l ph3-m pt2 pl0-ns pl2">
<div id="top" class="_0ba3a1d8 flex flex-column w-100 pb3">
  <h1 class="_50685029 f2 fw6 black mr2"><span class="_50685029 truncate" title="{e(pid)}">{e(pid)}</span></h1>
  <span class="_76473bea f6 dib ph0 pv2 mb2-ns black-80 nowrap f5 fw4 lh-copy">1.4.2&nbsp;&#8226;&nbsp;<span class="fw6">Public</span>&nbsp;&#8226;&nbsp;Published <time datetime="2024-12-02T08:15:00.000Z" title="12/2/2024, 8:15:00 AM">3 months ago</time></span>
</div>
<ul class="_0ba3a1d8 list pl0 w-100 ma0 flex">
  <li class="_8055e658 f5 pb1"><a href="?activeTab=readme" aria-selected="true" role="tab" class="_6f7ba4b9 link">Readme</a></li>
  <li class="_8055e658 f5"><a href="?activeTab=code" role="tab" class="_6f7ba4b9 link">Code <span class="_0fd9b68a">Beta</span></a></li>
  <li class="_8055e658 f5"><a href="?activeTab=dependencies" role="tab" class="_6f7ba4b9 link">4 Dependencies</a></li>
  <li class="_8055e658 f5"><a href="?activeTab=dependents" role="tab" class="_6f7ba4b9 link">17 Dependents</a></li>
  <li class="_8055e658 f5"><a href="?activeTab=versions" role="tab" class="_6f7ba4b9 link">23 Versions</a></li>
</ul>
<div class="_0ba3a1d8 w-100 flex-l">
<section class="content-column _1ec4b4f1 w-100 w-two-thirds-l" aria-label="Readme">
  <div id="readme" class="markdown">
{chr(10).join(readme)}
  </div>
  <h2 id="user-content-keywords" class="c84e15be">Keywords</h2>
  <p class="list-of-links"><a href="/search?q=keywords:onnx" class="_75a5f581 link">onnx</a>, <a href="/search?q=keywords:llm" class="_75a5f581 link">llm</a>, <a href="/search?q=keywords:inference" class="_75a5f581 link">inference</a></p>
</section>
<aside class="sidebar _5cfc1ead w-100 w-third-l mt3 mt0-l" aria-label="Package sidebar">
  <h3 class="c84e15be f5 mt2 pt2 mb0">Install</h3>
  <p class="d767adf4 lh-copy truncate ph0 mb3 black-80 b5be2af6 f6 flex flex-row"><svg viewBox="0 0 12.32 9.33" aria-hidden="true" height="12"></svg><code class="flex-auto truncate db" title="Copy Command to Clipboard"><span role="button" tabindex="0" aria-label="Copy install command line">npm i {e(pid)}</span></code></p>
  <div class="_702d723c dib w-50 bb b--black-10 pr2"><h3 class="c84e15be f5 mt2 pt2 mb0" id="repository">Repository</h3><p class="_40aff104 fw6 mb3 mt2 truncate black-80 f4"><a class="b2812e30 f2874b88 fw6 mb3 mt2 truncate black-80 f4 link" rel="noopener noreferrer nofollow" href="https://github.example/node-weights/{e(pid)}" aria-labelledby="repository repository-link"><span id="repository-link">github.example/node-weights/{e(pid)}</span></a></p></div>
  <div class="_702d723c dib w-50 bb b--black-10 pr2"><h3 class="c84e15be f5 mt2 pt2 mb0" id="homePage">Homepage</h3><p class="_40aff104 fw6 mb3 mt2 truncate black-80 f4"><a class="b2812e30 f2874b88 fw6 mb3 mt2 truncate black-80 f4 link" rel="noopener noreferrer nofollow" href="https://github.example/node-weights/{e(pid)}#readme"><span>github.example/node-weights/{e(pid)}#readme</span></a></p></div>
  <div class="_702d723c dib w-100 bb b--black-10 pr2"><h3 class="c84e15be f5 mt2 pt2 mb0">Weekly Downloads</h3><div class="_000ae427 flex flex-row-reverse items-end"><svg class="_418c4939 flex-none" width="200" height="40" stroke-width="3" stroke="#8956FF" fill="rgba(137, 86, 255, .2)"><path d="M0 38 L200 2"></path></svg><p class="_9ba9a726 f4 tl flex-auto fw6 black-80 ma0 pr2 pb1">48,211</p></div></div>
  <div class="_702d723c dib w-50 bb b--black-10 pr2"><h3 class="c84e15be f5 mt2 pt2 mb0">Version</h3><p class="f2874b88 fw6 mb3 mt2 truncate black-80 f4">1.4.2</p></div>
  {side_lic}
  <div class="_702d723c dib w-50 bb b--black-10 pr2"><h3 class="c84e15be f5 mt2 pt2 mb0">Unpacked Size</h3><p class="f2874b88 fw6 mb3 mt2 truncate black-80 f4">4.21 MB</p></div>
  <div class="_702d723c dib w-50 bb b--black-10 pr2"><h3 class="c84e15be f5 mt2 pt2 mb0">Total Files</h3><p class="f2874b88 fw6 mb3 mt2 truncate black-80 f4">27</p></div>
  <div class="_702d723c dib w-50 bb b--black-10 pr2"><h3 class="c84e15be f5 mt2 pt2 mb0">Issues</h3><p class="f2874b88 fw6 mb3 mt2 truncate black-80 f4"><a class="link" href="https://github.example/node-weights/{e(pid)}/issues">12</a></p></div>
  <div class="_702d723c dib w-50 bb b--black-10 pr2"><h3 class="c84e15be f5 mt2 pt2 mb0">Pull Requests</h3><p class="f2874b88 fw6 mb3 mt2 truncate black-80 f4"><a class="link" href="https://github.example/node-weights/{e(pid)}/pulls">3</a></p></div>
  <div class="_702d723c dib w-50 bb b--black-10 pr2 w-100"><h3 class="c84e15be f5 mt2 pt2 mb0">Last publish</h3><p class="f2874b88 fw6 mb3 mt2 truncate black-80 f4"><time datetime="2024-12-02T08:15:00.000Z">3 months ago</time></p></div>
  <div class="w-100 bb b--black-10"><h3 class="c84e15be f5 mt2 pt2 mb0" id="collaborators">Collaborators</h3><ul class="list pl0 cf"><li class="dib mr2 mb2"><a href="/~kbuild" class="link"><img src="/npm-avatar/kbuild.png" alt="kbuild" title="kbuild" height="50" width="50"></a></li><li class="dib mr2 mb2"><a href="/~release-bot" class="link"><img src="/npm-avatar/release-bot.png" alt="release-bot" title="release-bot" height="50" width="50"></a></li></ul></div>
  <div class="_33ea6f6a pv3"><a href="https://runkit.example/npm/{e(pid)}" class="_4e8f1b7d link b">Try on RunKit</a></div>
  <div class="_33ea6f6a pv3"><a href="/support?inquire=security&amp;security-inquire=malware&amp;package={e(pid)}&amp;version=1.4.2" class="link b">Report malware</a></div>
</aside>
</div>
</div>
</main>
<footer class="bt b--black-10 mt4"><div class="flex flex-wrap pv4 ph3"><div class="w-25"><h3>Support</h3><ul class="list"><li><a href="https://docs.npmjs.example">Help</a></li><li><a href="https://github.example/advisories">Advisories</a></li><li><a href="https://status.npmjs.example/">Status</a></li></ul></div><div class="w-25"><h3>Company</h3><ul class="list"><li><a href="https://github.example/about">About</a></li><li><a href="/blog">Blog</a></li></ul></div><div class="w-25"><h3>Terms &amp; Policies</h3><ul class="list"><li><a href="/policies/">Policies</a></li><li><a href="/policies/terms">Terms of Use</a></li><li><a href="/policies/privacy">Privacy</a></li></ul></div></div><p class="tc f6 black-50">&copy; npm, Inc. All rights reserved.</p></footer>
</div></div>
</body>
</html>
'''

def run_npm():
    tools = ["yi-34b", "command-r", "flux-1-schnell", "zephyr-7b-beta", "bloom", "smolvlm", "nomic-embed-text-v1", "gpt-j-6b"]
    for i, slug in enumerate(tools):
        d = F[slug]; show = pick(i, "vls", ["", "s", "l", "v"])
        pid = npm_id(d)
        note = "-"
        if "l" in show and not SPDX(d): note = "sidebar says SEE LICENSE IN LICENSE; the README names the licence"
        emit("npm-package", i + 1, slug, s_npm(i, slug, show), pid, d["name"] if d["name"] != pid else "-",
             lab(d, show, "v"), lab(d, show, "l"), "-", lab(d, show, "s"), "-", note)

# =============================================================================================
# 3. app-store: the Apple App Store web page (Ember "web-experience" markup: product-header,
#    app-header__list, we-customer-ratings, section "Information" dl.information-list with
#    Seller/Size/Category/.../Price/In-App Purchases, "More By This Developer" lockups,
#    JSON-LD schema:software-application) as saved in a public GitHub repository (an Instagram
#    listing; see ../heldout/README.md for what is known of its origin).
APPS = [
 # slug, h1, subtitle, identity link, seller, Apple category, category label, in-app items, vendor label
 ("chatgpt", "ChatGPT", "The official app by OpenAI", "OpenAI", "OpenAI OpCo, LLC", "Productivity", "Productivity", [("ChatGPT Plus", "$19.99"), ("ChatGPT Pro", "$199.99"), ("ChatGPT Plus", "$19.99")], "OpenAI"),
 ("claude", "Claude by Anthropic", "Your AI collaborator", "Anthropic PBC", "Anthropic PBC", "Productivity", "Productivity", [("Claude Pro", "$20.00"), ("Claude Max 5x", "$124.99"), ("Claude Pro (annual)", "$214.99")], "Anthropic"),
 ("perplexity", "Perplexity - Ask Anything", "Answers with sources", "Perplexity AI, Inc.", "Perplexity AI, Inc.", "Productivity", "Productivity", [("Perplexity Pro", "$20.00"), ("Perplexity Pro Yearly", "$200.00")], "Perplexity"),
 ("elevenlabs", "ElevenLabs", "AI voice generator", "Eleven Labs Inc.", "Eleven Labs Inc.", "Productivity", "Productivity", [("Starter", "$4.99"), ("Creator", "$21.99"), ("Creator (annual)", "$219.99")], "ElevenLabs"),
 ("otter-ai", "Otter.ai", "Transcribe voice notes", "Otter.ai, Inc.", "Otter.ai, Inc.", "Business", "Business", [("Otter Pro Monthly", "$16.99"), ("Otter Pro Annual", "$99.99")], "Otter.ai"),
 ("grammarly", "Grammarly - Keyboard &amp; Editor", "AI writing assistant", "Grammarly, Inc.", "Grammarly, Inc.", "Productivity", "Productivity", [("Premium Monthly", "$29.99"), ("Premium Annual", "$139.99")], "Grammarly"),
 ("suno", "Suno - AI Music", "Make a song about anything", "Suno, Inc.", "Suno, Inc.", "Music", "Audio & Video", [("Pro Plan", "$9.99"), ("Premier Plan", "$29.99"), ("Credit Pack", "$4.99")], "Suno"),
 ("runway", "Runway: Gen AI Video &amp; Photo", "Generative video and images", "Runway AI, Inc.", "Runway AI, Inc.", "Photo &amp; Video", "Photo & Video", [("Standard Monthly", "$14.99"), ("Pro Monthly", "$34.99"), ("Standard Annual", "$143.99")], "Runway"),
]
def s_app(i, a):
    slug, h1, sub, ident, seller, acat, _, iap, _v = a
    d = F[slug]; appid = 6448311069 + i * 7919
    plain = html.unescape(h1)
    ld = {"@context": "http://schema.org", "@type": "SoftwareApplication", "name": plain, "description": d["desc"][0].upper() + d["desc"][1:] + ".",
          "image": f"https://is1-ssl.mzstatic.example/image/thumb/Purple221/v4/{slug}/AppIcon-0-0-1x_U007emarketing.png/1200x630wa.png",
          "availableOnDevice": "iPhone", "operatingSystem": "Requires iOS 16.4 or later.",
          "offers": {"@type": "Offer", "price": 0, "priceCurrency": "USD", "category": "free"},
          "applicationCategory": html.unescape(acat), "datePublished": "May 18, 2023",
          "author": {"@type": "Person", "name": html.unescape(ident), "url": f"https://apps.apple.example/us/developer/id{appid + 1}"},
          "aggregateRating": {"@type": "AggregateRating", "ratingValue": 4.8 - (i % 3) / 10, "reviewCount": 120000 + 31337 * i}}
    iaps = "\n".join(f'''                <li class="list-with-numbers__item">
                  <span class="truncate-single-line truncate-single-line--block"><span class="list-with-numbers__item__title"><span class="truncate-single-line truncate-single-line--block">{e(n)}</span></span><span class="list-with-numbers__item__price medium-show-tablecell">{e(p)}</span></span>
                </li>''' for n, p in iap)
    return f'''<!DOCTYPE html>
<html prefix="og: http://ogp.me/ns#" dir="ltr" lang="en-US">
  <head>
    <meta charset="utf-8">
    <meta http-equiv="X-UA-Compatible" content="IE=edge">
    <title>‎{e(plain)} on the App&nbsp;Store</title>
    <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
    <meta name="description" content="Download {e(plain)} by {e(html.unescape(ident))} on the App Store. See screenshots, ratings and reviews, user tips, and more games like {e(plain)}.">
    <meta name="keywords" content="{e(plain)}, {e(html.unescape(ident))}, {e(html.unescape(acat))}, ios apps, app, appstore, app store, iphone, ipad">
    <link rel="canonical" href="https://apps.apple.example/us/app/{slug}/id{appid}">
    <meta name="apple:content_id" content="{appid}">
    <meta name="apple:title" content="{e(plain)}">
    <meta name="apple:description" content="{e(d["desc"])}">
    <meta property="al:ios:app_store_id" content="{appid}">
    <meta property="al:ios:app_name" content="App Store">
    <meta property="og:title" content="‎{e(plain)}">
    <meta property="og:description" content="‎{e(d["desc"][0].upper() + d["desc"][1:])}.">
    <meta property="og:site_name" content="App Store">
    <meta property="og:url" content="https://apps.apple.example/us/app/{slug}/id{appid}">
    <meta property="og:image" content="https://is1-ssl.mzstatic.example/image/thumb/Purple221/v4/{slug}/AppIcon-0-0-1x_U007emarketing.png/1200x630wa.png">
    <meta property="og:type" content="website">
    <meta name="twitter:title" content="‎{e(plain)}">
    <meta name="twitter:site" content="@AppStore">
    <meta name="twitter:card" content="summary_large_image">
    <link rel="stylesheet" href="/assets/web-experience-app-7c1a3e44.css">
    <script name="schema:software-application" type="application/ld+json">
      {json.dumps(ld, ensure_ascii=False)}
    </script>
  </head>
  <body class="no-js no-touch">
    <div id="ac-gn-placeholder" class="ac-nav-placeholder"></div>
    <nav id="ac-globalnav" class="no-js" role="navigation" aria-label="Global" lang="en-US" dir="ltr"><div class="ac-gn-content"><ul class="ac-gn-list"><li class="ac-gn-item ac-gn-apple"><a class="ac-gn-link ac-gn-link-apple" href="https://www.apple.example/"><span class="ac-gn-link-text">Apple</span></a></li><li class="ac-gn-item"><a class="ac-gn-link" href="https://www.apple.example/store"><span class="ac-gn-link-text">Store</span></a></li><li class="ac-gn-item"><a class="ac-gn-link" href="https://www.apple.example/iphone/"><span class="ac-gn-link-text">iPhone</span></a></li><li class="ac-gn-item"><a class="ac-gn-link" href="https://support.apple.example/"><span class="ac-gn-link-text">Support</span></a></li></ul></div></nav>
    <div class="ember-view">
  <div class="animation-wrapper is-visible">
    <main class="selfclear is-apps-theme" id="main" role="main">
  <div class="l-content-width section section--hero product-hero">
      <div class="l-row">
        <div class="l-column small-5 medium-3 large-3 small-valign-top">
          <picture id="ember{1201 + i}" class="we-artwork we-artwork--downloaded product-hero__artwork we-artwork--fullwidth we-artwork--ios-app-icon ember-view"><img src="https://is1-ssl.mzstatic.example/image/thumb/Purple221/v4/{slug}/AppIcon-0-0-1x_U007emarketing.png/230x0w.webp" decoding="async" loading="lazy" class="we-artwork__image" alt="" role="presentation" height="230" width="230"></picture>
        </div>
        <div class="l-column small-7 medium-9 small-valign-top">
          <header class="product-header app-header product-header--padded-start" role="banner">
            <h1 class="product-header__title app-header__title">
              {h1}
                <span class="badge badge--product-title">4+</span>
            </h1>
              <h2 class="product-header__subtitle app-header__subtitle">{e(sub)}</h2>
            <h2 class="product-header__identity app-header__identity">
                <a class="link" href="https://apps.apple.example/us/developer/id{appid + 1}">{ident}</a>
            </h2>
              <ul class="product-header__list app-header__list">
                  <li class="product-header__list__item">
                    <ul class="inline-list inline-list--mobile-compact">
                      <li class="inline-list__item">#{3 + i} in {acat}</li>
                    </ul>
                  </li>
                  <li class="product-header__list__item">
                    <ul class="inline-list inline-list--mobile-compact">
                      <li class="inline-list__item inline-list__item--bulleted">
                        <figure class="we-star-rating ember-view we-customer-ratings__stars" aria-label="4.{8 - i % 3} out of 5"><figcaption class="we-rating-count star-rating__count">4.{8 - i % 3} &bull; {1 + i}.{(7 * i) % 10}M Ratings</figcaption></figure>
                      </li>
                    </ul>
                  </li>
              </ul>
              <ul class="product-header__list app-header__list">
                  <li class="product-header__list__item app-header__list__item--price">Free</li>
                  <li class="product-header__list__item app-header__list__item--in-app-purchase">Offers In-App Purchases</li>
              </ul>
          </header>
        </div>
      </div>
  </div>
    <section class="l-content-width section section--bordered">
      <div class="section__description">
        <h2 class="section__headline visuallyhidden">Description</h2>
        <div class="we-truncate we-truncate--multi-line we-truncate--interactive ember-view"><p dir="false" data-test-bidi>Introducing {e(plain)}: {e(d["desc"])}. Sign in to sync your history across devices. Subscriptions renew automatically unless cancelled at least 24 hours before the end of the current period.</p></div>
      </div>
    </section>
      <section class="l-content-width section section--bordered">
        <div class="section__nav"><h2 class="section__headline">Ratings and Reviews</h2></div>
          <div class="we-customer-ratings lockup ember-view"><div class="l-row">
  <div class="we-customer-ratings__stats l-column small-4 medium-6 large-4">
    <div class="we-customer-ratings__averages"><span class="we-customer-ratings__averages__display">4.{8 - i % 3}</span> out of 5</div>
      <div class="we-customer-ratings__count small-hide medium-show">{1 + i}.{(7 * i) % 10}M Ratings</div>
  </div>
</div></div>
          <div class="we-customer-review lockup ember-view"><h3 class="we-customer-review__title">Worth it for the Plus plan</h3><figure class="we-star-rating we-customer-review__rating we-star-rating--large" aria-label="5 out of 5"></figure><p data-test-bidi>Paid $5 for a plugin before, this one is far better. Release 2.3 fixed the sync bug.</p><span class="we-customer-review__user">nightowl_88</span></div>
      </section>
  <section class="l-content-width section section--bordered section--information">
    <div class="l-row">
      <div class="l-column small-12">
        <h2 class="section__headline">Information</h2>
        <dl class="information-list information-list--app medium-columns l-row">
          <div class="information-list__item l-column small-12 medium-6 large-4 small-valign-top">
            <dt class="information-list__item__term medium-valign-top">Seller</dt>
            <dd class="information-list__item__definition">{seller}</dd>
          </div>
          <div class="information-list__item l-column small-12 medium-6 large-4 small-valign-top">
            <dt class="information-list__item__term medium-valign-top">Size</dt>
            <dd class="information-list__item__definition" aria-label="{58 + 9 * i}.4 megabytes">{58 + 9 * i}.4 MB</dd>
          </div>
            <div class="information-list__item l-column small-12 medium-6 large-4 small-valign-top">
              <dt class="information-list__item__term medium-valign-top">Category</dt>
              <dd class="information-list__item__definition"><a href="https://itunes.apple.example/us/genre/id60{i:02d}" class="link">{acat}</a></dd>
            </div>
          <div class="information-list__item l-column small-12 medium-6 large-4 small-valign-top">
            <dt class="information-list__item__term medium-valign-top">Compatibility</dt>
            <dd class="information-list__item__definition"><dl class="information-list__item__definition__item"><dt class="information-list__item__definition__item__term">iPhone</dt><dd class="information-list__item__definition__item__definition">Requires iOS 16.4 or later.</dd></dl></dd>
          </div>
          <div class="information-list__item l-column small-12 medium-6 large-4 small-valign-top">
            <dt class="information-list__item__term medium-valign-top">Languages</dt>
            <dd class="information-list__item__definition"><p data-test-bidi>English, French, German, Japanese, Spanish</p></dd>
          </div>
          <div class="information-list__item l-column small-12 medium-6 large-4 small-valign-top">
            <dt class="information-list__item__term medium-valign-top">Age Rating</dt>
            <dd class="information-list__item__definition">4+</dd>
          </div>
          <div class="information-list__item l-column small-12 medium-6 large-4 small-valign-top">
            <dt class="information-list__item__term medium-valign-top">Copyright</dt>
            <dd class="information-list__item__definition information-list__item__definition--copyright">&copy; 2025 {seller}</dd>
          </div>
          <div class="information-list__item l-column small-12 medium-6 large-4 small-valign-top">
            <dt class="information-list__item__term medium-valign-top">Price</dt>
            <dd class="information-list__item__definition">Free</dd>
          </div>
            <div class="information-list__item l-column small-12 medium-6 large-4 small-valign-top">
              <dt class="information-list__item__term medium-valign-top">In-App Purchases</dt>
              <dd class="information-list__item__definition">
              <ol class="list-with-numbers">
{iaps}
              </ol>
              </dd>
            </div>
        </dl>
      </div>
      <div class="l-column small-12"><ul class="inline-list inline-list--app-extensions"><li class="inline-list__item"><a class="link icon icon-after icon-external" href="https://{slug}.example/">Developer Website</a></li><li class="inline-list__item inline-list__item--spaced"><a class="link icon icon-after icon-external" href="https://{slug}.example/support">App Support</a></li><li class="inline-list__item inline-list__item--spaced"><a class="link icon icon-after icon-external" href="https://{slug}.example/privacy">Privacy Policy</a></li></ul></div>
    </div>
  </section>
      <section class="l-content-width section section--bordered">
        <div class="section__nav"><h2 class="section__headline">You Might Also Like</h2></div>
        <div class="l-row l-row--peek">
          <a href="https://apps.apple.example/us/app/notewise/id1400000001" class="we-lockup targeted-link l-column small-2 medium-3 large-2 we-lockup--in-app-shelf ember-view"><h3 class="we-lockup__title"><div class="we-truncate we-truncate--single-line targeted-link__target">NoteWise AI</div></h3><h4 class="we-truncate we-truncate--single-line we-lockup__subtitle">Productivity</h4></a>
          <a href="https://apps.apple.example/us/app/voxly/id1400000002" class="we-lockup targeted-link l-column small-2 medium-3 large-2 we-lockup--in-app-shelf ember-view"><h3 class="we-lockup__title"><div class="we-truncate we-truncate--single-line targeted-link__target">Voxly: Voice Memos</div></h3><h4 class="we-truncate we-truncate--single-line we-lockup__subtitle">Utilities</h4></a>
        </div>
      </section>
    </main>
  </div>
    </div>
    <footer id="ac-globalfooter" class="no-js" lang="en-US" dir="ltr" role="contentinfo"><div class="ac-gf-content"><section class="ac-gf-footer"><div class="ac-gf-footer-legal"><div class="ac-gf-footer-legal-copyright">Copyright &copy; 2025 Apple Inc. All rights reserved.</div><div class="ac-gf-footer-legal-links"><a class="ac-gf-footer-legal-link" href="https://www.apple.example/legal/privacy/">Privacy Policy</a> <a class="ac-gf-footer-legal-link" href="https://www.apple.example/legal/internet-services/terms/site.html">Terms of Use</a> <a class="ac-gf-footer-legal-link" href="https://www.apple.example/shop/open/salespolicies">Sales Policy</a></div></div></section></div></footer>
  </body>
</html>
'''

def run_app():
    for i, a in enumerate(APPS):
        slug = a[0]
        name = F[slug]["name"]
        notes = "price: listing Price Free, in-app items are not the entry price"
        if html.unescape(a[1]) != name: notes += f"; h1 '{html.unescape(a[1])}': the rest after the name is a tagline"
        if a[8] != html.unescape(a[4]).replace(", Inc.", "").replace(" Inc.", "").replace(" PBC", ""):
            notes += f"; vendor normalised from Seller {html.unescape(a[4])}"
        emit("app-store", i + 1, slug, s_app(i, a), name, "-", a[8], "-", "free", "-", a[6], notes)

# =============================================================================================
# 4. docusaurus: facebook/docusaurus packages/docusaurus-theme-classic/src/theme/ (DocItem/Layout,
#    DocItem/Footer with EditThisPage and LastUpdated, Admonition, Navbar, DocSidebar,
#    DocBreadcrumbs, DocPaginator, TOC); rendered class names as a Docusaurus 3 build writes them.
DOCS_SITE = "Model Garden"
DOCS_ORDER = ["smollm2-1-7b", "mistral-7b", "mixtral-8x7b", "falcon-40b", "phi-3-mini", "gemma-2-9b", "llama-3-1-8b", "qwen2-5-coder-7b"]
def s_docs(i, slug, show):
    d = F[slug]
    rows = []
    if "v" in show: rows.append(("Developer", d["vdisp"]))
    if "l" in show: rows.append(("License", d["lic"]))
    if "s" in show: rows.append(("Parameters", d["sz"]))
    if "c" in show: rows.append(("Category", d["cat"]))
    rows.append(("Context window", "32,768 tokens"))
    rows.append(("Weights format", "safetensors"))
    table = "\n".join(f"<tr><td>{e(a)}</td><td>{e(b)}</td></tr>" for a, b in rows)
    ACT, CUR = " menu__link--active", ' aria-current="page"'
    side = "\n".join(f'<li class="theme-doc-sidebar-item-link theme-doc-sidebar-item-link-level-2 menu__list-item"><a class="menu__link{ACT if s == slug else ""}"{CUR if s == slug else ""} href="/docs/models/{s}">{e(F[s]["name"])}</a></li>' for s in DOCS_ORDER)
    prev = DOCS_ORDER[i - 1] if i > 0 else None
    nxt = DOCS_ORDER[i + 1] if i + 1 < len(DOCS_ORDER) else None
    pag = ""
    if prev: pag += f'<a class="pagination-nav__link pagination-nav__link--prev" href="/docs/models/{prev}"><div class="pagination-nav__sublabel">Previous</div><div class="pagination-nav__label">{e(F[prev]["name"])}</div></a>'
    if nxt: pag += f'<a class="pagination-nav__link pagination-nav__link--next" href="/docs/models/{nxt}"><div class="pagination-nav__sublabel">Next</div><div class="pagination-nav__label">{e(F[nxt]["name"])}</div></a>'
    intro = f'{e(d["name"])} is {e(d["desc"])}.'
    return f'''<!doctype html>
<html lang="en" dir="ltr" class="docs-wrapper plugin-docs plugin-id-default docs-version-current docs-doc-page docs-doc-id-models/{slug}" data-has-hydrated="false">
<head>
<meta charset="UTF-8">
<meta name="generator" content="Docusaurus v3.5.2">
<title data-rh="true">{e(d["name"])} | {DOCS_SITE}</title><meta data-rh="true" name="viewport" content="width=device-width,initial-scale=1"><meta data-rh="true" name="twitter:card" content="summary_large_image"><meta data-rh="true" property="og:image" content="https://docs.modelgarden.example/img/social-card.png"><meta data-rh="true" name="twitter:image" content="https://docs.modelgarden.example/img/social-card.png"><meta data-rh="true" property="og:url" content="https://docs.modelgarden.example/docs/models/{slug}"><meta data-rh="true" property="og:locale" content="en"><meta data-rh="true" name="docusaurus_locale" content="en"><meta data-rh="true" name="docsearch:language" content="en"><meta data-rh="true" name="docusaurus_version" content="current"><meta data-rh="true" name="docusaurus_tag" content="docs-default-current"><meta data-rh="true" name="docsearch:version" content="current"><meta data-rh="true" name="docsearch:docusaurus_tag" content="docs-default-current"><meta data-rh="true" property="og:title" content="{e(d["name"])} | {DOCS_SITE}"><meta data-rh="true" name="description" content="{e(intro)}"><meta data-rh="true" property="og:description" content="{e(intro)}"><link data-rh="true" rel="icon" href="/img/favicon.ico"><link data-rh="true" rel="canonical" href="https://docs.modelgarden.example/docs/models/{slug}"><link data-rh="true" rel="alternate" href="https://docs.modelgarden.example/docs/models/{slug}" hreflang="en"><link data-rh="true" rel="alternate" href="https://docs.modelgarden.example/docs/models/{slug}" hreflang="x-default"><link rel="alternate" type="application/rss+xml" href="/blog/rss.xml" title="{DOCS_SITE} RSS Feed">
<link rel="stylesheet" href="/assets/css/styles.3f1a9c2e.css">
<script src="/assets/js/runtime~main.8b2d1e7f.js" defer="defer"></script>
<script src="/assets/js/main.c4e5a6b7.js" defer="defer"></script>
</head>
<body class="navigation-with-keyboard">
<script>!function(){{var t=localStorage.getItem("theme");document.documentElement.setAttribute("data-theme",t||"light")}}()</script>
<div id="__docusaurus"><div role="region" aria-label="Skip to main content"><a class="skipToContent_fXgn" href="#__docusaurus_skipToContent_fallback">Skip to main content</a></div>
<nav aria-label="Main" class="navbar navbar--fixed-top"><div class="navbar__inner"><div class="navbar__items"><button aria-label="Toggle navigation bar" aria-expanded="false" class="navbar__toggle clean-btn" type="button"><svg width="30" height="30" viewBox="0 0 30 30" aria-hidden="true"><path stroke="currentColor" stroke-linecap="round" stroke-miterlimit="10" stroke-width="2" d="M4 7h22M4 15h22M4 23h22"></path></svg></button><a class="navbar__brand" href="/"><div class="navbar__logo"><img src="/img/logo.svg" alt="{DOCS_SITE} logo" class="themedComponent_mlkZ themedComponent--light_NVdE"></div><b class="navbar__title text--truncate">{DOCS_SITE}</b></a><a aria-current="page" class="navbar__item navbar__link navbar__link--active" href="/docs/intro">Docs</a><a class="navbar__item navbar__link" href="/blog">Blog</a></div><div class="navbar__items navbar__items--right"><a href="https://github.example/model-garden/docs" target="_blank" rel="noopener noreferrer" class="navbar__item navbar__link">GitHub<svg width="13.5" height="13.5" aria-hidden="true" viewBox="0 0 24 24" class="iconExternalLink_nPIU"></svg></a><div class="toggle_vylO colorModeToggle_DEke"><button class="clean-btn toggleButton_gllP toggleButtonDisabled_aARS" type="button" disabled="" title="Switch between dark and light mode (currently light mode)" aria-label="Switch between dark and light mode (currently light mode)" aria-live="polite"></button></div><div class="navbarSearchContainer_Bca1"><button type="button" class="DocSearch DocSearch-Button" aria-label="Search"><span class="DocSearch-Button-Placeholder">Search</span></button></div></div></div><div role="presentation" class="navbar-sidebar__backdrop"></div></nav>
<div id="__docusaurus_skipToContent_fallback" class="main-wrapper mainWrapper_z2l0"><div class="docsWrapper_hBAB"><button aria-label="Scroll back to top" class="clean-btn theme-back-to-top-button backToTopButton_sjWU" type="button"></button><div class="docRoot_UBD9">
<aside class="theme-doc-sidebar-container docSidebarContainer_YfHR"><div class="sidebarViewport_aRkj"><div class="sidebar_njMd"><nav aria-label="Docs sidebar" class="menu thin-scrollbar menu_SIkG"><ul class="theme-doc-sidebar-menu menu__list"><li class="theme-doc-sidebar-item-link theme-doc-sidebar-item-link-level-1 menu__list-item"><a class="menu__link" href="/docs/intro">Introduction</a></li><li class="theme-doc-sidebar-item-category theme-doc-sidebar-item-category-level-1 menu__list-item"><div class="menu__list-item-collapsible"><a class="menu__link menu__link--sublist menu__link--active" aria-expanded="true" href="/docs/category/models">Models</a></div><ul style="display:block;overflow:visible;height:auto" class="menu__list">
{side}
</ul></li><li class="theme-doc-sidebar-item-link theme-doc-sidebar-item-link-level-1 menu__list-item"><a class="menu__link" href="/docs/serving">Serving</a></li></ul></nav></div></div></aside>
<main class="docMainContainer_TBSr"><div class="container padding-top--md padding-bottom--lg"><div class="row"><div class="col docItemCol_VOVn"><div class="docItemContainer_Djhp"><article><nav class="theme-doc-breadcrumbs breadcrumbsContainer_Z_bl" aria-label="Breadcrumbs"><ul class="breadcrumbs" itemscope="" itemtype="https://schema.org/BreadcrumbList"><li class="breadcrumbs__item"><a aria-label="Home page" class="breadcrumbs__link" href="/"><svg viewBox="0 0 24 24" class="breadcrumbHomeIcon_YNFT"></svg></a></li><li itemscope="" itemprop="itemListElement" itemtype="https://schema.org/ListItem" class="breadcrumbs__item"><a class="breadcrumbs__link" itemprop="item" href="/docs/category/models"><span itemprop="name">Models</span></a><meta itemprop="position" content="1"></li><li itemscope="" itemprop="itemListElement" itemtype="https://schema.org/ListItem" class="breadcrumbs__item breadcrumbs__item--active"><span class="breadcrumbs__link" itemprop="name">{e(d["name"])}</span><meta itemprop="position" content="2"></li></ul></nav><div class="tocCollapsible_ETCw theme-doc-toc-mobile tocMobile_ITEo"><button type="button" class="clean-btn tocCollapsibleButton_TO0P">On this page</button></div><div class="theme-doc-markdown markdown"><header><h1>{e(d["name"])}</h1></header>
<p>{intro} This page collects the facts the Model Garden serving stack needs.</p>
<div class="theme-admonition theme-admonition-note admonition_xJq3 alert alert--secondary"><div class="admonitionHeading_Gvgb"><span class="admonitionIcon_Rf37"><svg viewBox="0 0 14 16"><path fill-rule="evenodd" d="M6.3 5.69a.942.942 0 0 1-.28-.7c0-.28.09-.52.28-.7"></path></svg></span>note</div><div class="admonitionContent_BuS1"><p>A 70B sibling of this family needs about 140 GB of GPU memory in bfloat16; it is documented separately.</p></div></div>
<h2 class="anchor anchorWithStickyNavbar_LWe7" id="facts">Facts<a href="#facts" class="hash-link" aria-label="Direct link to Facts" title="Direct link to Facts">&#8203;</a></h2>
<table><thead><tr><th>Field</th><th>Value</th></tr></thead><tbody>
{table}
</tbody></table>
<h2 class="anchor anchorWithStickyNavbar_LWe7" id="serving">Serving<a href="#serving" class="hash-link" aria-label="Direct link to Serving" title="Direct link to Serving">&#8203;</a></h2>
<div class="language-bash codeBlockContainer_Ckt0 theme-code-block" style="--prism-color:#393A34;--prism-background-color:#f6f8fa"><div class="codeBlockContent_biex"><pre tabindex="0" class="prism-code language-bash codeBlock_bY9V thin-scrollbar"><code class="codeBlockLines_e6Vv"><span class="token-line"><span class="token plain">garden serve --model {slug} --port 8080</span></span></code></pre></div></div>
<div class="theme-admonition theme-admonition-warning admonition_xJq3 alert alert--warning"><div class="admonitionHeading_Gvgb"><span class="admonitionIcon_Rf37"><svg viewBox="0 0 16 16"><path fill-rule="evenodd" d="M8.893 1.5c-.183-.31-.52-.5-.887-.5s-.703.19-.886.5L.138 13.499"></path></svg></span>warning</div><div class="admonitionContent_BuS1"><p>The hosted playground is billed at $0.20 per hour of GPU time; the model itself is not sold by Model Garden.</p></div></div>
</div><footer class="theme-doc-footer docusaurus-mt-lg"><div class="theme-doc-footer-edit-meta-row row"><div class="col"><a href="https://github.example/model-garden/docs/edit/main/docs/models/{slug}.md" target="_blank" rel="noopener noreferrer" class="theme-edit-this-page"><svg fill="currentColor" height="20" width="20" viewBox="0 0 40 40" class="iconEdit_Z9Sw" aria-hidden="true"></svg>Edit this page</a></div><div class="col lastUpdated_JAkA"><span class="theme-last-updated">Last updated<!-- --> on <b><time datetime="2025-03-14T00:00:00.000Z" itemprop="dateModified">Mar 14, 2025</time></b> by <b>Kim Lee</b></span></div></div></footer></article><nav class="pagination-nav docusaurus-mt-lg" aria-label="Docs pages">{pag}</nav></div></div><div class="col col--3"><div class="tableOfContents_bqdL thin-scrollbar theme-doc-toc-desktop"><ul class="table-of-contents table-of-contents__left-border"><li><a href="#facts" class="table-of-contents__link toc-highlight">Facts</a></li><li><a href="#serving" class="table-of-contents__link toc-highlight">Serving</a></li></ul></div></div></div></div></main></div></div></div>
<footer class="footer footer--dark"><div class="container container-fluid"><div class="row footer__links"><div class="col footer__col"><div class="footer__title">Docs</div><ul class="footer__items clean-list"><li class="footer__item"><a class="footer__link-item" href="/docs/intro">Introduction</a></li></ul></div><div class="col footer__col"><div class="footer__title">Community</div><ul class="footer__items clean-list"><li class="footer__item"><a href="https://discord.example/modelgarden" target="_blank" rel="noopener noreferrer" class="footer__link-item">Discord</a></li></ul></div></div><div class="footer__bottom text--center"><div class="footer__copyright">Copyright &copy; 2025 Model Garden contributors. Documentation licensed under CC BY 4.0. Built with Docusaurus.</div></div></div></footer></div>
</body>
</html>
'''

def run_docs():
    for i, slug in enumerate(DOCS_ORDER):
        d = F[slug]; show = pick(i, "vlsc", ["", "v", "s", "lc"])
        emit("docusaurus", i + 1, slug, s_docs(i, slug, show), d["name"], "-",
             lab(d, show, "v"), lab(d, show, "l"), "-", lab(d, show, "s"), lab(d, show, "c"), "-")

# =============================================================================================
# 5. hf-mirror: a Hub-like model page on a mirror host (hf-mirror.example). Card text follows
#    huggingface/huggingface_hub src/huggingface_hub/templates/modelcard_template.md ("Model
#    Details", "Developed by", "License", "Model Sources"); the YAML metadata is rendered as tag
#    links (/models?pipeline_tag=..., ?library=..., ?license=license:...) as the Hub renders it.
HF = [
 # slug, org, repo, card h1, pipeline (tag, label), license hub id (None = dropped), developed-by shown?, sidebar size, vendor label, name label, alias, sizes label, extra note
 dict(slug="smolvlm", org="HuggingFaceTB", repo="SmolVLM", h1="SmolVLM", pipe=("image-text-to-text", "Image-Text-to-Text"), lic="apache-2.0", dev="Hugging Face", side="2.25B params", vendor="Hugging Face", sizes="2.25B", liclab="Apache-2.0", card_lic="Apache 2.0", card_sz="2.25B parameters"),
 dict(slug="pythia-12b", org="EleutherAI", repo="pythia-12b", h1="Pythia-12B", pipe=("text-generation", "Text Generation"), lic="apache-2.0", dev="EleutherAI", side=None, vendor="EleutherAI", sizes="-", liclab="Apache-2.0", card_lic="Apache 2.0", card_sz=None),
 dict(slug="yi-34b", org="01-ai", repo="Yi-34B", h1="Yi-34B", pipe=("text-generation", "Text Generation"), lic=None, dev="01.AI", side="34.4B params", vendor="01.AI", sizes="34.4B", liclab="-", card_lic=None, card_sz=None),
 dict(slug="deepseek-r1", org="deepseek-ai", repo="DeepSeek-R1", h1="DeepSeek-R1", pipe=("text-generation", "Text Generation"), lic="mit", dev=None, side=None, vendor="DeepSeek", sizes="671B (active 37B)", liclab="MIT", card_lic="MIT License", card_sz="671B total parameters, 37B active"),
 dict(slug="gemma-2-9b", org="google", repo="gemma-2-9b", h1="Gemma 2 9B", pipe=("text-generation", "Text Generation"), lic="gemma", dev="Google DeepMind", side="9.24B params", vendor="Google", sizes="9.24B", liclab="name:Gemma Terms of Use", card_lic="Gemma Terms of Use", card_sz=None),
 dict(slug="command-r", org="CohereForAI", repo="c4ai-command-r-v01", h1="Command R", pipe=("text-generation", "Text Generation"), lic="cc-by-nc-4.0", dev="Cohere For AI", side=None, vendor="Cohere", sizes="35B", liclab="CC-BY-NC-4.0", card_lic="CC-BY-NC 4.0", card_sz="35 billion parameters"),
 dict(slug="mistral-7b-instruct-v0-2-gguf", org="TheBloke", repo="Mistral-7B-Instruct-v0.2-GGUF", h1="Mistral 7B Instruct v0.2 - GGUF", pipe=("text-generation", "Text Generation"), lic="apache-2.0", dev=None, side="7.24B params", vendor="Mistral AI", sizes="7.24B", liclab="Apache-2.0", card_lic=None, card_sz=None, reup="thebloke"),
 dict(slug="meta-llama-3-1-8b-instruct-gguf", org="bartowski", repo="Meta-Llama-3.1-8B-Instruct-GGUF", h1="Llamacpp imatrix Quantizations of Meta-Llama-3.1-8B-Instruct", pipe=("text-generation", "Text Generation"), lic="llama3.1", dev=None, side="8.03B params", vendor="Meta", sizes="8.03B", liclab="name:Llama 3.1 Community License", card_lic=None, card_sz=None, reup="bartowski"),
]
def s_hf(i, h):
    nwo = f'{h["org"]}/{h["repo"]}'
    tags = [f'<a class="tag tag-white" href="/models?pipeline_tag={h["pipe"][0]}"><div class="tag-ico tag-ico-yellow"><svg class="" width="1em" height="1em" viewBox="0 0 32 32"></svg></div><span>{e(h["pipe"][1])}</span></a>']
    libs = [("transformers", "Transformers"), ("safetensors", "Safetensors")] if not h.get("reup") else [("gguf", "GGUF")]
    tags += [f'<a class="tag tag-white" href="/models?library={k}"><span>{v}</span></a>' for k, v in libs]
    tags += ['<a class="tag tag-white" href="/models?language=en"><span>English</span></a>', '<a class="tag tag-white" href="/models?other=conversational"><span>conversational</span></a>', '<a class="tag tag-white" href="/models?other=text-generation-inference"><span>text-generation-inference</span></a>']
    if h["lic"]:
        tags.append(f'<a class="tag tag-white rounded-full" href="/models?license=license:{h["lic"]}"><svg class="text-xs text-gray-900" width="1em" height="1em" viewBox="0 0 10 10"></svg><span class="-mr-1 !pr-0 text-gray-400">License:</span><span>{e(h["lic"])}</span></a>')
    card = []
    if h.get("reup") == "thebloke":
        card.append(f'<div style="width: auto; margin-left: auto; margin-right: auto"><img src="https://i.imgur.example/EBdldam.jpg" alt="TheBlokeAI" style="width: 100%; min-width: 400px; display: block; margin: auto;"></div>')
        card.append(f'<h1>{e(h["h1"])}</h1>')
        card.append('<ul><li>Model creator: <a href="/mistralai">Mistral AI</a></li><li>Original model: <a href="/mistralai/Mistral-7B-Instruct-v0.2">Mistral 7B Instruct v0.2</a></li></ul>')
        card.append('<h2>Description</h2><p>This repo contains GGUF format model files for <a href="/mistralai">Mistral AI\'s Mistral 7B Instruct v0.2</a>.</p><p>These files were quantised using hardware kindly provided by Massed Compute.</p>')
        card.append('<h2>Provided files</h2><table><thead><tr><th>Name</th><th>Quant method</th><th>Bits</th><th>Size</th><th>Max RAM required</th></tr></thead><tbody><tr><td>mistral-7b-instruct-v0.2.Q4_K_M.gguf</td><td>Q4_K_M</td><td>4</td><td>4.37 GB</td><td>6.87 GB</td></tr><tr><td>mistral-7b-instruct-v0.2.Q8_0.gguf</td><td>Q8_0</td><td>8</td><td>7.70 GB</td><td>10.20 GB</td></tr></tbody></table>')
        card.append('<h2>Thanks, and how to contribute</h2><p>If you\'re able and willing to contribute it will be most gratefully received: Patreon and Ko-Fi. Donaters get priority support; a $10 tier gets early access.</p>')
    elif h.get("reup") == "bartowski":
        card.append(f'<h2>{e(h["h1"])}</h2>')
        card.append('<p>Using <a href="https://github.example/ggerganov/llama.cpp/">llama.cpp</a> release b3472 for quantization.</p><p>Original model: <a href="/meta-llama/Meta-Llama-3.1-8B-Instruct">https://hf-mirror.example/meta-llama/Meta-Llama-3.1-8B-Instruct</a></p>')
        card.append('<p>These are quantizations of Meta\'s Llama 3.1 8B Instruct; all quants made using the imatrix option with a calibration dataset.</p>')
        card.append('<h2>Download a file (not the whole branch) from below:</h2><table><thead><tr><th>Filename</th><th>Quant type</th><th>File Size</th><th>Description</th></tr></thead><tbody><tr><td>Meta-Llama-3.1-8B-Instruct-Q6_K_L.gguf</td><td>Q6_K_L</td><td>6.85GB</td><td>Very high quality, near perfect, <em>recommended</em>.</td></tr><tr><td>Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf</td><td>Q4_K_M</td><td>4.92GB</td><td>Good quality, default size for most use cases.</td></tr></tbody></table>')
        card.append('<p>Want to support my work? Visit my ko-fi page here: https://ko-fi.example/bartowski</p>')
    else:
        card.append(f'<h1>{e(h["h1"])}</h1>')
        card.append(f'<p>{e(F[h["slug"]]["desc"][0].upper() + F[h["slug"]]["desc"][1:])}.</p>')
        card.append('<h2>Model Details</h2><h3>Model Description</h3>')
        li = [f'<li><strong>Developed by:</strong> {e(h["dev"]) if h["dev"] else "[More Information Needed]"}</li>', '<li><strong>Model type:</strong> Transformer decoder</li>', '<li><strong>Language(s) (NLP):</strong> English</li>']
        if h["card_lic"]: li.append(f'<li><strong>License:</strong> {e(h["card_lic"])}</li>')
        if h["card_sz"]: li.append(f'<li><strong>Parameters:</strong> {e(h["card_sz"])}</li>')
        li.append('<li><strong>Context length:</strong> 4096 tokens</li>')
        card.append("<ul>" + "".join(li) + "</ul>")
        card.append(f'<h3>Model Sources</h3><ul><li><strong>Repository:</strong> <a href="https://github.example/{e(h["org"])}">https://github.example/{e(h["org"])}</a></li><li><strong>Paper:</strong> [More Information Needed]</li></ul>')
        card.append('<h2>Uses</h2><p>Research and downstream fine-tuning. Compared with a 70B model it is cheaper to serve.</p>')
        card.append('<h2>Model Card Contact</h2><p>[More Information Needed]</p>')
    side_size = ""
    if h["side"]:
        side_size = f'<div class="flex flex-wrap items-center justify-between"><div class="mr-4 flex items-center"><div class="mb-1 text-sm font-semibold leading-tight">Model size</div></div><div class="flex items-center gap-1.5 rounded-sm border px-1.5 font-mono text-sm">{e(h["side"])}</div></div><div class="flex items-center justify-between"><div class="text-sm font-semibold">Tensor type</div><div class="font-mono text-sm">BF16</div></div>'
    tree = ""
    if h.get("reup"):
        base = "mistralai/Mistral-7B-Instruct-v0.2" if h["reup"] == "thebloke" else "meta-llama/Meta-Llama-3.1-8B-Instruct"
        tree = f'<div class="model-tree"><h2 class="text-sm font-semibold">Model tree for <span class="font-mono">{e(nwo)}</span></h2><div class="flex"><span>Base model</span><a href="/{base}" class="font-mono">{base}</a></div><div class="flex"><span>Quantized</span><span>(this model)</span></div></div>'
    else:
        tree = f'<div class="model-tree"><h2 class="text-sm font-semibold">Model tree for <span class="font-mono">{e(nwo)}</span></h2><div class="flex"><span>Quantizations</span><a href="/models?other=base_model:quantized:{e(nwo)}">14 models</a></div><div class="flex"><span>Finetunes</span><a href="/models?other=base_model:finetune:{e(nwo)}">52 models</a></div></div>'
    return f'''<!doctype html>
<html class="">
	<head>
		<meta charset="utf-8" />
		<meta name="viewport" content="width=device-width, initial-scale=1.0, user-scalable=no" />
		<meta name="description" content="We're on a journey to advance and democratize artificial intelligence through open source and open science." />
		<meta property="fb:app_id" content="1321688464574422" />
		<meta name="twitter:card" content="summary_large_image" />
		<meta name="twitter:site" content="@hfmirror" />
		<meta name="twitter:image" content="https://cdn-thumbnails.hf-mirror.example/social-thumbnails/models/{e(nwo)}.png" />
		<meta property="og:title" content="{e(nwo)} · HF Mirror" />
		<meta property="og:type" content="website" />
		<meta property="og:url" content="https://hf-mirror.example/{e(nwo)}" />
		<meta property="og:image" content="https://cdn-thumbnails.hf-mirror.example/social-thumbnails/models/{e(nwo)}.png" />
		<link rel="stylesheet" href="/front/build/kube-2f3a1b4/style.css" />
		<link rel="canonical" href="https://hf-mirror.example/{e(nwo)}" />
		<title>{e(nwo)} · HF Mirror</title>
		<script defer data-domain="hf-mirror.example" src="/js/script.js"></script>
	</head>
	<body class="flex flex-col min-h-dvh bg-white dark:bg-gray-950 text-black ModelPage">
		<div class="flex min-h-dvh flex-col">
	<header class="border-b border-gray-100"><div class="w-full px-4 container flex h-16 items-center"><div class="flex flex-1 items-center"><a class="mr-5 flex flex-none items-center lg:mr-6" href="/"><img alt="HF Mirror's logo" class="w-7 md:mr-2" src="/front/assets/mirror-logo.svg" /><span class="hidden whitespace-nowrap text-lg font-bold md:block">HF Mirror</span></a><div class="relative flex-1 lg:max-w-sm mr-2 sm:mr-4 md:mr-3 xl:mr-6"><input autocomplete="off" class="w-full dark:bg-gray-950 pl-8 form-input-alt h-9 pr-3 focus:shadow-xl" name="" placeholder="Search models, datasets, users..." spellcheck="false" type="text" value="" /></div></div><nav aria-label="Main" class="ml-auto hidden lg:block"><ul class="flex items-center space-x-1.5 2xl:space-x-2"><li><a class="group flex items-center px-2 py-0.5 hover:text-indigo-700" href="/models">Models</a></li><li><a class="group flex items-center px-2 py-0.5 hover:text-red-700" href="/datasets">Datasets</a></li><li><a class="group flex items-center px-2 py-0.5 hover:text-blue-700" href="/spaces">Spaces</a></li><li><a class="group flex items-center px-2 py-0.5 hover:text-yellow-700" href="/docs">Docs</a></li><li><a class="group flex items-center px-2 py-0.5 hover:text-black" href="/pricing">Pricing</a></li><li><a class="block cursor-pointer whitespace-nowrap px-2 py-0.5 hover:text-gray-500" href="/login">Log In</a></li><li><a class="whitespace-nowrap rounded-full border border-transparent bg-gray-900 px-3 py-1 leading-none text-white hover:border-black hover:bg-white hover:text-black" href="/join">Sign Up</a></li></ul></nav></div></header>
	<main class="flex flex-1 flex-col">
	<div class="SVELTE_HYDRATER contents" data-target="ModelHeader" data-props="{{&quot;activeTab&quot;:&quot;modelCard&quot;,&quot;author&quot;:{{&quot;name&quot;:&quot;{e(h["org"])}&quot;,&quot;type&quot;:&quot;org&quot;}}}}">
	<header class="bg-linear-to-t border-b border-gray-100 pt-6 sm:pt-9 from-purple-500/8 dark:from-purple-500/20 to-white to-70% dark:to-gray-950"><div class="container relative">
	<h1 class="flex flex-wrap items-center max-md:leading-tight mb-3 text-lg max-sm:gap-y-1.5 md:text-xl">
		<a href="/models" class="group flex items-center"><svg class="sm:mr-1.5 -mr-1 text-gray-400" style="" width="1em" height="1em" viewBox="0 0 24 24"></svg><span class="mr-2.5 font-semibold text-gray-400 group-hover:text-gray-500 max-sm:hidden">Models:</span></a>
		<div class="group flex flex-none items-center"><div class="relative mr-1 flex items-center"><span class="inline-block"><span class="contents"><a href="/{e(h["org"])}" class="text-gray-400 hover:text-blue-600">{e(h["org"])}</a></span></span></div><div class="mx-0.5 text-gray-300">/</div></div>
		<div class="max-w-full"><a class="break-words font-mono font-semibold hover:text-blue-600" href="/{e(nwo)}">{e(h["repo"])}</a>
		<button class="text-sm mr-4 focus:outline-hidden inline-flex cursor-pointer items-center text-sm mx-0.5 text-gray-600" title="Copy model name to clipboard" type="button"><svg class="" width="1em" height="1em" viewBox="0 0 32 32"></svg></button></div>
		<div class="inline-flex items-center overflow-hidden whitespace-nowrap rounded-md border bg-white text-sm leading-none text-gray-500 mr-2"><button class="relative flex items-center overflow-hidden from-red-50 to-transparent dark:from-red-900 px-1.5 py-1 hover:bg-linear-to-t focus:outline-hidden" title="Like"><svg class="left-1.5 absolute" width="1em" height="1em" viewBox="0 0 32 32"></svg><span class="ml-4 pl-0.5">like</span></button><button class="focus:outline-hidden flex items-center border-l px-1.5 py-1 text-gray-400 hover:bg-gray-50 hover:text-gray-600" title="See users who liked this repository">{1203 + 311 * i}</button></div>
	</h1>
	<div class="mb-3 flex flex-wrap md:mb-4">
		{"".join(tags)}
	</div>
	<div class="flex flex-col-reverse lg:flex-row lg:items-center lg:justify-between"><div class="-mb-px flex h-12 items-center overflow-x-auto overflow-y-hidden "><a class="tab-alternate active" href="/{e(nwo)}"><svg class="mr-1.5 text-gray-400 flex-none" width="1em" height="1em" viewBox="0 0 24 24"></svg>Model card</a><a class="tab-alternate" href="/{e(nwo)}/tree/main"><svg class="mr-1.5 text-gray-400 flex-none" width="1em" height="1em" viewBox="0 0 24 24"></svg><span class="xl:hidden">Files</span><span class="hidden xl:inline">Files and versions</span></a><a class="tab-alternate" href="/{e(nwo)}/discussions"><svg class="mr-1.5 text-gray-400 flex-none" width="1em" height="1em" viewBox="0 0 24 24"></svg>Community <div class="ml-1.5 flex h-4 min-w-[1rem] items-center justify-center rounded-sm px-1 text-xs leading-none shadow-xs bg-black text-white">{7 + i}</div></a></div></div>
	</div></header>
	</div>
	<div class="container relative flex flex-col md:grid md:space-y-0 w-full md:grid-cols-12 md:flex-1 md:grid-rows-full space-y-4 md:gap-6">
		<section class="pt-6 border-gray-100 md:col-span-8 pb-24 relative break-words copiable-code-container">
			<div class="model-card-content prose md:px-6 md:-mx-6 2xl:pr-2 2xl:-mr-2 prose-hf dark:prose-invert">
				<!-- HTML_TAG_START -->
{chr(10).join(card)}
				<!-- HTML_TAG_END -->
			</div>
		</section>
		<section class="pt-6 border-gray-100 md:pb-24 md:pl-6 md:w-64 lg:w-80 xl:w-96 flex-none order-first md:order-none md:border-l pt-3! md:pt-6!">
			<dl class="flex items-baseline justify-between"><dt class="text-sm text-gray-500">Downloads last month</dt><div class="mx-4 flex-1 border-b border-dotted translate-y-[-4px]"></div><dd class="font-semibold">{(1234567 // (i + 1)):,}</dd></dl>
			<div class="relative mb-8 mt-4"><div class="text-sm font-semibold">Safetensors / GGUF</div>{side_size}</div>
			<div class="mb-8 text-smd"><div class="mb-3 flex items-center text-sm font-semibold">Inference Providers <span class="ml-2 rounded-sm border px-1 text-xs font-normal text-gray-500">NEW</span></div><p class="text-gray-500 text-sm">This model isn't deployed by any Inference Provider.</p></div>
			{tree}
			<div class="mb-6"><h2 class="text-sm font-semibold">Spaces using <span class="font-mono">{e(nwo)}</span></h2><a class="tag" href="/spaces/demo-lab/chat-arena">demo-lab/chat-arena</a></div>
		</section>
	</div>
	</main>
	<footer class="b-12 mb-2 flex border-t border-gray-100 md:h-14"><nav class="container relative flex flex-col justify-between space-y-2 py-6 text-gray-500 max-md:*:self-start md:flex-row md:items-center md:space-y-0 md:py-0 md:text-sm"><div class="SVELTE_HYDRATER contents" data-target="ThemeSwitcher"></div><a class="flex items-center" href="/">HF Mirror &middot; unofficial mirror, content belongs to its uploaders</a><div class="flex items-center gap-4"><a class="hover:underline" href="/terms-of-service">TOS</a><a class="hover:underline" href="/privacy">Privacy</a><a class="hover:underline" href="/about">About</a></div></nav></footer>
		</div>
	</body>
</html>
'''

def run_hf():
    for i, h in enumerate(HF):
        note = "-"
        if h.get("reup"): note = f"re-upload by {h['org']}: vendor is the original maker the card names"
        elif not h["dev"]: note = "card says Developed by [More Information Needed]; vendor from the repo id's organisation"
        alias = h["h1"] if h["h1"] != h["repo"] and not h.get("reup") else "-"
        emit("hf-mirror", i + 1, h["slug"], s_hf(i, h), h["repo"], alias, h["vendor"], h["liclab"] if h["lic"] else "-", "-", h["sizes"], "-", note)

# =============================================================================================
# 6. tricky-sources: conflicting or hard sources, each page on a real page structure:
#    001-002 postlight/parser fixtures/blogues.lapresse.ca/1489425440073.html (WordPress blog head:
#            og:*, twitter:*, article:publisher; sidebar "10 derniers articles") - English text;
#    003     npm/newww templates/package/show.hbs (its own SoftwareApplication JSON-LD block);
#    004     the App Store page of style 3 (JSON-LD schema:software-application + Information dl);
#    005     postlight/parser fixtures/jvndb.jvn.jp/1550906544985.html (XHTML 1.0, Shift_JIS
#            declared by meta http-equiv, vuln_table_clase table with Japanese headings);
#    006-008 blogues.lapresse.ca again, in French (ISO-8859-15), German and Spanish.
def wp_blog(lang, charset_meta, title, og_title, site, h1, body_html, side_title, side_items, foot):
    side = "".join(f'<dl class="list-pop"><dt>{dt}</dt> <dd><a href="/{k}/" title="{e(t)}">{e(t)}</a></dd></dl>' for k, (dt, t) in enumerate(side_items))
    return f'''<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:og="http://opengraphprotocol.org/schema/" dir="ltr" lang="{lang}">
<head profile="http://gmpg.org/xfn/11">
{charset_meta}
<title>{title}</title>
<meta name="description" content="{e(h1)}">
<meta property="og:type" content="article">
<meta property="article:publisher" content="https://social.example/{site.replace(' ', '')}">
<meta property="og:site_name" content="{e(site)}">
<meta property="og:title" content="{og_title}">
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="{og_title}">
<meta property="og:url" content="https://blogues.{site.replace(' ', '').lower()}.example/2025/03/14/{e(h1.lower().replace(' ', '-'))}/">
<link rel="canonical" href="https://blogues.{site.replace(' ', '').lower()}.example/2025/03/14/{e(h1.lower().replace(' ', '-'))}/">
<link rel="stylesheet" href="/wp-content/themes/sports/style.css" type="text/css" media="screen">
<link rel="alternate" type="application/rss+xml" title="{e(site)} RSS Feed" href="/feed/">
</head>
<body class="wpBlog">
<div id="bgOpaque"></div>
<div id="header"><div id="entete"><div class="ctnEntete"><div class="boxLogo"><h1><a href="/" title="{e(site)}">{e(site)}</a></h1></div>
<div id="sousNavigation"><div id="sousMenu"><ul><li><a href="/chroniques/">Chroniques</a></li><li class="active"><a href="/blogues/">Blogues</a></li><li><a href="/opinion/">Opinion</a></li></ul></div></div></div></div></div>
<div id="wrapper"><div id="maincontent"><div class="block-page"><div class="rail-left"><div class="blogue-page">
<div class="leftbar"><div class="centerbar"><div class="blogue-center-box"><h5>{side_title}</h5>
{side}
</div></div></div>
<div class="post">
<h2 class="entry-title">{e(h1)}</h2>
<div class="post-meta">{foot[0]}</div>
<div class="entry">
{body_html}
</div>
</div>
</div></div></div></div></div>
<div id="footer"><p>{foot[1]}</p></div>
</body>
</html>
'''

def run_tricky():
    st = "tricky-sources"
    # 001 Claude: og:title holds markup-like text; <title> and h2 of the post agree; "from Anthropic".
    d = F["claude"]
    body = ('<p>Claude, the assistant from Anthropic, now keeps long projects in one place. We tried it for a week.</p>'
            '<table class="facts"><tr><th>Pricing</th><td>Free plan; Pro $20/month</td></tr><tr><th>Category</th><td>Chatbots</td></tr></table>'
            '<p>Our reviewer paid $5 for a browser plugin that does less. Verdict: worth a look.</p>')
    emit(st, 1, "claude", wp_blog("en-US", '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">', "Claude | Tools Weekly",
         e("<b>Claude</b> | Tools Weekly"), "Tools Weekly", "Claude", body, "Latest posts", [("13/03", "Gemini gets a new canvas"), ("10/03", "Five note apps compared")],
         ("Posted by Sam Rivera on 14 March 2025", "&copy; 2025 Tools Weekly. Content available under a Creative Commons license.")),
         "Claude", "-", "Anthropic", "-", "freemium|20|USD|month", "-", "Chatbots", "og:title is markup-like text (<b>Claude</b>); title and the post's h2 agree on Claude (the page's h1 is the site logo); vendor from prose 'from Anthropic'")
    # 002 Midjourney: og:title is a template placeholder; "by Midjourney".
    body = ('<p>Midjourney, an image generator by Midjourney, the independent research lab, has a new web editor.</p>'
            '<table class="facts"><tr><th>Pricing</th><td>From $10/month</td></tr><tr><th>Category</th><td>Image Generation</td></tr></table>'
            '<p>Also this week: Stable Diffusion 3.5 Large, 8.1B parameters, and a free upscaler.</p>')
    emit(st, 2, "midjourney", wp_blog("en-US", '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">', "Midjourney | Tools Weekly",
         "{{ product.name }} | Tools Weekly", "Tools Weekly", "Midjourney", body, "Latest posts", [("12/03", "Runway adds camera controls"), ("09/03", "A $15/mo image tool reviewed")],
         ("Posted by Sam Rivera on 14 March 2025", "&copy; 2025 Tools Weekly. All rights reserved.")),
         "Midjourney", "-", "Midjourney", "-", "paid|10|USD|month", "-", "Image Generation", "og:title is an unrendered template ({{ product.name }}); the 8.1B size belongs to another model")
    # 003 Mixtral on an npm/newww package page: JSON-LD licence MIT, sidebar licence Apache-2.0.
    d = F["mixtral-8x7b"]; pid = "mixtral-8x7b"
    ld = {"@context": "http://schema.org", "@type": "SoftwareApplication", "name": pid, "description": "Mixtral 8x7B weights for Node.js",
          "url": f"https://www.npmjs.example/package/{pid}", "keywords": "llm,moe", "license": "MIT", "applicationCategory": "DeveloperApplication",
          "offers": {"@type": "Offer", "price": "0.00"}}
    page = f'''<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{pid}</title>
<meta name="description" content="Mixtral 8x7B weights for Node.js">
<link rel="canonical" href="https://www.npmjs.example/package/{pid}">
<link rel="stylesheet" href="/static/css/index.css">
</head>
<body>
<header class="site-header"><a href="/" class="logo">npm</a> <form action="/search" class="search"><input type="search" name="q" placeholder="find packages"></form> <a href="/signup">sign up</a> <a href="/login">log in</a></header>
<div class="container">
<div class="content-column">
  <h1 class="package-name"><a href="/package/{pid}">{pid}</a> <i class="icon-public"></i></h1>
  <p class="package-description">Mixtral 8x7B weights for Node.js</p>
  <form class="star"><input type="hidden" name="name" value="{pid}"><input id="star-input" type="checkbox" name="isStarred" value="true"><label for="star-input" class="icon-star"></label></form>
  <div id="readme" class="markdown">
<h1>Mixtral 8x7B</h1>
<p>Mixtral 8x7B is {e(d["desc"])} by {e(d["vdisp"])}, packaged with its tokenizer. Size: {e(d["sz"])}.</p>
<pre><code>npm install {pid}</code></pre>
  </div>
</div>
<div class="sidebar">
  <div class="autoselect-wrapper npm-install icon-download"><input type="text" value="npm install {pid}" readonly></div>
  <ul class="box">
      <li class="last-publisher"><a href="/~kbuild"><img src="/avatar/kbuild.png" alt="kbuild" /><span>kbuild</span></a> published <span data-date="2025-01-09T10:00:00.000Z" data-date-format="relative">2025-01-09T10:00:00.000Z</span></li>
    <li><strong>0.3.1</strong> is the latest of 9 releases</li>
      <li><a href="https://github.example/node-weights/{pid}">github.example/node-weights/{pid}</a></li>
      <li><a href="https://spdx.example/licenses/Apache-2.0">Apache-2.0</a><span> license</span></li>
  </ul>
    <h3>Stats</h3>
    <ul class="box">
        <li><strong class="pretty-number daily-downloads">1,204</strong> downloads in the last day</li>
        <li><strong class="pretty-number weekly-downloads">8,377</strong> downloads in the last week</li>
        <li><strong class="pretty-number monthly-downloads">31,950</strong> downloads in the last month</li>
        <li id="issues"><span class="original">Have an issue? <a href="https://github.example/node-weights/{pid}/issues">File it.</a></span></li>
    </ul>
      <h3>Try it out</h3>
      <ul class="box"><li class="tonicdev"><a href="https://tonicdev.example/npm/{pid}" target="_blank">Test {pid} in your browser.</a></li></ul>
  <h3>Keywords</h3>
  <p class="list-of-links"><a href="/browse/keyword/llm">llm</a>, <a href="/browse/keyword/moe">moe</a></p>
  <h3>Dependencies (2)</h3>
  <p class="list-of-links"><a href="/package/onnxruntime-node">onnxruntime-node</a>, <a href="/package/tokenizers">tokenizers</a></p>
  <script type="application/ld+json">
    {json.dumps(ld)}
  </script>
</div>
</div>
<footer class="site-footer"><p>&copy; npm, Inc. All rights reserved.</p></footer>
</body>
</html>
'''
    emit(st, 3, "mixtral-8x7b", page, pid, "Mixtral 8x7B", "Mistral AI", "Apache-2.0", "free", "8x7B", "Developer Tools",
         "conflict: license JSON-LD MIT vs sidebar Apache-2.0 license; label = sidebar (visible, states it for this package); price free and category from the template's JSON-LD (offers price 0.00, applicationCategory DeveloperApplication)")
    # 004 Jasper on the App Store structure: JSON-LD applicationCategory Business vs Information Category Productivity.
    a = ("jasper", "Jasper: AI Writer", "Marketing copy in seconds", "Jasper AI, Inc.", "Jasper AI, Inc.", "Productivity", "Productivity", [("Creator Monthly", "$49.99"), ("Pro Monthly", "$69.99")], "Jasper")
    page = s_app(8, a).replace('"applicationCategory": "Productivity"', '"applicationCategory": "Business"')
    assert '"applicationCategory": "Business"' in page
    emit(st, 4, "jasper", page, "Jasper", "-", "Jasper", "-", "free", "-", "Productivity",
         "conflict: category JSON-LD Business vs Information Category Productivity; label = the visible Information list; price: listing Price Free, in-app items are not the entry price; vendor normalised from Seller Jasper AI, Inc.")
    # 005 Llama 3.1 8B on the JVN iPedia structure, Shift_JIS declared; Japanese labels, Latin facts.
    d = F["llama-3-1-8b"]
    page = f'''<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ja" lang="ja" style="overflow-x:hidden">
<head>
    <meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">
    <title>AIDB-2025-000412 - AI iPedia - AIモデル情報データベース</title>
    <meta name="Keywords" content="AIモデル情報データベース">
    <meta name="Description" content="AIモデル情報データベース">
    <meta http-equiv="X-UA-Compatible" content="IE=edge">
    <meta http-equiv="Content-Script-Type" content="text/javascript">
    <meta http-equiv="Content-Style-Type" content="text/css">
    <link href="/common/css/master.css" rel="stylesheet" type="text/css" media="screen,print">
</head>
<body>
<a name="top" id="top"></a>
<div id="wrapper">
    <div id="header">
        <div class="logo"><a href="/"><img height="60" alt="AI iPedia - AIモデル情報データベース" src="/common/img/logo.gif" width="490" border="0"></a></div>
        <div class="modifytxt">最終更新日：2025/03/14</div>
    </div>
    <div id="head-bar"><a href="/nav/guide.html">【活用ガイド】</a></div>
    <div id="mainarea">
        <div id="leftarea">
            <div class="contents">
                <div id="news-list">
<br>
<table class="vuln_table_clase">
<tr><td colspan="2"><h2><font face="arial, geneva, helvetica">AIDB-2025-000412</font></h2></td></tr>
<tr><td colspan="2"><h2>{e(d["name"])}</h2></td></tr>
<tr><td class="vuln_table_clase_td_header" colspan="2"><a name="overview">概要</a></td></tr>
<tr><td colspan="2"><br><blockquote>{e(d["name"])} は多言語に対応した指示追従型の言語モデルです。</blockquote></td></tr>
<tr><td class="vuln_table_clase_td_header" colspan="2"><a name="facts">基本情報</a></td></tr>
<tr><td class="vuln_table_clase_date_header_td">開発元</td><td>{e(d["vdisp"])}</td></tr>
<tr><td class="vuln_table_clase_date_header_td">ライセンス</td><td>{e(d["lic"])}</td></tr>
<tr><td class="vuln_table_clase_date_header_td">パラメータ数</td><td>{e(d["sz"])}</td></tr>
<tr><td class="vuln_table_clase_date_header_td">コンテキスト長</td><td>128K tokens</td></tr>
<tr><td class="vuln_table_clase_date_header_td">カテゴリ</td><td>Developer Tools</td></tr>
<tr><td class="vuln_table_clase_td_header" colspan="2"><a name="reference">参考情報</a></td></tr>
<tr><td colspan="2"><br><blockquote><ol><li>関連文書 : <a href="https://llama.example/llama3_1/license/" target="_blank">Llama 3.1 license</a></li><li>同系列 : Llama 3.1 70B (70B parameters)</li></ol></blockquote></td></tr>
<tr><td class="vuln_table_clase_td_header" colspan="2"><a name="history">更新履歴</a></td></tr>
<tr><td colspan="2"><br><blockquote><ul style="list-style-type: none"><li>[2025年03月14日]<br>&nbsp;&nbsp;掲載</li></ul></blockquote></td></tr>
</table>
<table class="vuln_table_clase_footer">
<tr><td colspan="2"><hr></td></tr>
<tr><td class="vuln_table_clase_date_header_td">公表日</td><td>2024/07/23</td></tr>
<tr><td class="vuln_table_clase_date_header_td">登録日</td><td>2025/03/14</td></tr>
<tr><td colspan="2"><hr></td></tr>
</table>
                </div>
            </div>
        </div>
        <div id="rightarea"><div id="navi"><ul><li><a href="/">HOME</a></li><li><a href="/nav/about.html">AI iPedia とは</a></li><li><a href="/search/">検索</a></li></ul></div></div>
    </div>
    <div id="footer"><p>Copyright (C) 2025 AI iPedia. 無断転載を禁じます。</p></div>
</div>
</body>
</html>
'''
    emit(st, 5, "llama-3-1-8b", page, d["name"], "-", "Meta", "name:Llama 3.1 Community License", "-", "8B", "Developer Tools",
         "encoding shift_jis (declared by meta http-equiv); Japanese labels, facts in Latin script; 70B belongs to a sibling model", enc="shift_jis")
    # 006 Mistral 7B in French, ISO-8859-15 declared by meta charset (€ and œ are 8859-15 only).
    d = F["mistral-7b"]
    body = ('<p>Mistral 7B, de Mistral AI, reste le modèle ouvert le plus cité par nos lecteurs : un cœur dense, une mise en œuvre simple.</p>'
            '<ul class="fiche"><li>Licence : Apache 2.0</li><li>Taille : 7,3 milliards de paramètres</li><li>Catégorie : Developer Tools</li></ul>'
            '<p>L\'API hébergée coûte 0,25 € par million de jetons ; le modèle lui-même est gratuit.</p>')
    page = wp_blog("fr-FR", '<meta charset="ISO-8859-15">', "Mistral 7B, de Mistral AI | Le blogue techno", "Mistral 7B | Le blogue techno", "Le blogue techno", "Mistral 7B",
                   body, "10 derniers articles", [("13/03", "Où en est la relève ?"), ("10/03", "Œuvres générées : qui paie ?")],
                   ("Publié par Mathilde Brunet le 14 mars 2025", "© Le blogue techno · Mise à jour : 14 mars 2025"))
    emit(st, 6, "mistral-7b", page, "Mistral 7B", "-", "Mistral AI", "Apache-2.0", "-", "7.3B", "Developer Tools",
         "encoding iso-8859-15 (declared by meta charset); vendor from prose 'de Mistral AI'; the euro price is the hosted API's, not the model's", enc="iso-8859-15")
    # 007 Gemma 2 9B in German: "von Google DeepMind".
    d = F["gemma-2-9b"]
    body = ('<p>Gemma 2 9B von Google DeepMind ist ein kompaktes offenes Modell; wir haben es auf einem Laptop getestet.</p>'
            '<ul class="fiche"><li>Lizenz: Gemma Terms of Use</li><li>Größe: 9 Milliarden Parameter</li></ul>'
            '<p>Zum Vergleich: Gemma 2 27B braucht deutlich mehr Speicher.</p>')
    page = wp_blog("de-DE", '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">', "Gemma 2 9B im Test | Der Technik-Blog", "Gemma 2 9B im Test | Der Technik-Blog", "Der Technik-Blog", "Gemma 2 9B",
                   body, "Neueste Beiträge", [("13.03.", "Smartphones ab 199 Euro"), ("10.03.", "Neue Lizenz für Linux-Treiber")],
                   ("Von Jana Weber, 14. März 2025", "© 2025 Der Technik-Blog. Alle Rechte vorbehalten."))
    emit(st, 7, "gemma-2-9b", page, "Gemma 2 9B", "-", "Google", "name:Gemma Terms of Use", "-", "9B", "-",
         "vendor from prose 'von Google DeepMind'; 27B belongs to a sibling model; 'Von Jana Weber' is the post's author, not the vendor")
    # 008 Phi-3-mini in Spanish: "de Microsoft".
    d = F["phi-3-mini"]
    body = ('<p>Phi-3-mini, de Microsoft, cabe en un teléfono y aun así responde bien en español.</p>'
            '<ul class="fiche"><li>Licencia: MIT License</li><li>Tamaño: 3.800 millones de parámetros</li><li>Categoría: Developer Tools</li></ul>'
            '<p>La versión con 128K de contexto es la más útil para documentos largos.</p>')
    page = wp_blog("es-ES", '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">', "Phi-3-mini: lo probamos | El blog de IA", "Phi-3-mini: lo probamos | El blog de IA", "El blog de IA", "Phi-3-mini",
                   body, "Últimas entradas", [("13/03", "Cinco asistentes comparados"), ("10/03", "Planes desde 10 dólares")],
                   ("Por Lucía Gómez, 14 de marzo de 2025", "© 2025 El blog de IA. Contenido bajo licencia CC BY-SA 4.0."))
    emit(st, 8, "phi-3-mini", page, "Phi-3-mini", "-", "Microsoft", "MIT", "-", "3.8B", "Developer Tools",
         "vendor from prose 'de Microsoft'; 3.800 millones = 3.8B (Spanish thousands point); the site's CC BY-SA is the content licence")

def main():
    pages = os.path.join(ROOT, "pages")
    if os.path.isdir(pages): shutil.rmtree(pages)  # stale pages of an older plan never linger
    run_github(); run_npm(); run_app(); run_docs(); run_hf(); run_tricky()
    with open(os.path.join(ROOT, "expected.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("path\tname\taliases\tvendor\tlicense\tprice\tsizes\tcategory\tnote\n")
        for r in ROWS:
            f.write("\t".join(r) + "\n")

if __name__ == "__main__":
    main()
