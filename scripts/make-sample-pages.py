#!/usr/bin/env python3
"""Regenerates the shipped sample inbox and the inboxes of the e2e cases.

    python3 scripts/make-sample-pages.py          # writes inbox/ and tests/e2e/cases/*/inbox/

The pages are hand-written below; this script exists because several of them must hold exact
bytes that an editor cannot type reliably: Windows-1252 and Latin-1 bytes (0x93, 0x94, 0x96,
0xE9...), byte-order marks, UTF-16LE, CRLF line endings, NUL bytes, 5,000 nested <div>s.
Every fact about a tool comes from the five seed pages in ../shared/seeds (taglines,
descriptions, sizes, licences, vendors, "Free", "Developer Tools"). Nothing is copied from the
internal corpus folders.

The expected outcomes (tests/e2e/cases/*/expected/) are written by hand from these pages, not
generated: when you change a page here, re-read its expectation.
"""
from __future__ import annotations

import pathlib
import struct
import zlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
INBOX = ROOT / "inbox"
CASES = ROOT / "tests" / "e2e" / "cases"

NBSP = "\u00a0"
HAIR = "\u200a"
ZWSP = "\u200b"


def write_bytes(path: pathlib.Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def write_page(path: pathlib.Path, text: str, encoding: str = "utf-8", bom: bytes = b"",
               crlf: bool = False) -> None:
    if crlf:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    write_bytes(path, bom + text.encode(encoding))


# --------------------------------------------------------------------------------------------
# Facts from the seeds (../shared/seeds/00*.txt): tagline, description, panel ship %.
# --------------------------------------------------------------------------------------------
SEED = {
    "SmolVLM2-2B": dict(
        tagline="Open-source vision-language model that actually runs on your phone",
        description=(
            "SmolVLM2-2B is an open-source, 2-billion parameter vision-language model from Hugging "
            "Face designed specifically for on-device inference on mobile and edge hardware. It "
            "handles document understanding, visual QA, and image-text tasks with benchmark "
            "performance that reportedly rivals models three times its size. The model is freely "
            "available on the Hugging Face Hub and optimized for deployment without cloud "
            "dependencies."),
        panel="100%"),
    "SmolVLM2": dict(
        tagline="Open-source 2B vision-language model that punches above its weight class",
        description=(
            "SmolVLM2 is an open-source 2-billion-parameter vision-language model from Hugging Face "
            "that outperforms models up to 3x its size on standard benchmarks like MMBench and "
            "TextVQA. Released under Apache 2.0, it's designed to run on consumer GPUs and is "
            "optimized for fine-tuning on custom datasets. It supports image and video "
            "understanding tasks, making it a practical on-device or self-hosted alternative to "
            "large proprietary VLMs."),
        panel="100%"),
    "SmolVLM-3B": dict(
        tagline="Apache 2.0 vision-language model that actually fits on your device",
        description=(
            "SmolVLM-3B is a 3-billion parameter vision-language model from Hugging Face designed "
            "for efficient on-device and edge deployment. It handles visual question answering, "
            "document understanding, and image captioning with competitive benchmark performance "
            "while running under real memory constraints. Released under Apache 2.0, it's free to "
            "use, fine-tune, and deploy without licensing restrictions."),
        panel="75%"),
    "Code Llama 4 (70B & 400B)": dict(
        tagline="Meta's open-source code models: 70B and 400B, self-hostable and free",
        description=(
            "Meta has open-sourced Code Llama 4 in 70B and 400B parameter variants under a "
            "permissive research license, targeting state-of-the-art performance on HumanEval and "
            "SWE-bench benchmarks. The models support function calling and long-context code "
            "completion, and are available for download on Hugging Face. Developers can "
            "self-host, fine-tune, or integrate the weights into their own pipelines without "
            "per-token API costs."),
        panel="100%"),
    "Code Llama 4": dict(
        tagline="Meta's open-weight coding model: 7B to 200B, free to download",
        description=(
            "Meta has released Code Llama 4 as a fully open-weight model family in 7B, 34B, and "
            "200B parameter variants, downloadable for free under the Llama Community License. The "
            "models claim state-of-the-art performance on HumanEval and SWE-bench coding "
            "benchmarks, making them directly competitive with GPT-4-class coding models. Unlike "
            "API-gated alternatives, all weights are available for self-hosting, fine-tuning, and "
            "commercial use within the license terms."),
        panel="100%"),
    "Llama 4 Compact (12B)": dict(
        tagline="Meta's 12B edge-optimized open model for on-device inference",
        description=(
            "Llama 4 Compact is a 12-billion-parameter language model from Meta, quantized and "
            "optimized for inference on mobile and edge hardware. The weights are freely available "
            "on Hugging Face under the Llama community license. Meta claims it outperforms "
            "comparable open models on MMLU and HumanEval benchmarks."),
        panel="100%"),
    "SmolLM3": dict(
        tagline="3B parameter open model that actually runs on your device",
        description=(
            "SmolLM3 is a 3-billion parameter open-source language model from Hugging Face, "
            "engineered specifically for on-device and edge inference without sacrificing "
            "reasoning quality. It achieves state-of-the-art results in its size class on "
            "reasoning and instruction-following benchmarks. Available via Hugging Face Hub, it "
            "targets developers who need capable LLM inference outside the cloud."),
        panel="100%"),
}


def esc(s: str) -> str:
    """HTML-escapes text for an attribute or element (what a CMS would emit)."""
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


# ============================================================================================
# (a) Hugging Face model pages
# ============================================================================================
HF_HEAD_SCRIPT = """<script>
  window.hubConfig = {"features":{"signupDisabled":false},"sshGitUrl":"git@hf.co","moonHttpUrl":"https:\\/\\/huggingface.co","captchaApiKey":"bd5f2066-93dc-4bdd-a64b-a24646ca3859","stripePublicKey":"pk_live_x","environment":"production","userAgent":"HuggingFace (production)"};
  if (window.innerWidth < 640 && document.cookie.indexOf("theme=") < 0) {
    document.documentElement.classList.add("compact");
  }
  var toastTpl = "<div class=\\"toast\\"><span>Copied!</span></div>";
</script>"""

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

HF_TAIL_SCRIPT = """<script>
  (function () {
    var tabs = document.querySelectorAll("[data-tab]");
    for (var i = 0; i < tabs.length; i++) {
      if (tabs[i].dataset.count > 0 && tabs[i].dataset.count <= 99) {
        tabs[i].insertAdjacentHTML("beforeend", "<span class=\\"badge\\">" + tabs[i].dataset.count + "</span></div>");
      }
    }
    // legacy markup from the old layout: "</div></section>" is stripped server-side
    if (document.referrer && document.referrer.indexOf("hf.co") < 0 && location.hash !== "#no-track") {
      navigator.sendBeacon && navigator.sendBeacon("/api/event", JSON.stringify({n: "pageview", w: window.innerWidth < 768 ? "m" : "d"}));
    }
  })();
</script>"""


def hf_page(*, org: str, model: str, pipeline_tag: str, pipeline_label: str, license_tag: str,
            size: str, card_title: str, card_body: str, likes: str, downloads: str,
            extra_tags: str = "", canonical: bool = True, og_url: str | None = None,
            gated: bool = False, tensor: str = "BF16", model_tree: str = "") -> str:
    repo = f"{org}/{model}"
    url = f"https://huggingface.co/{repo}"
    og_url = og_url or url
    props = ("{&quot;model&quot;:{&quot;author&quot;:&quot;%s&quot;,&quot;id&quot;:&quot;%s&quot;,"
             "&quot;pipeline_tag&quot;:&quot;%s&quot;,&quot;private&quot;:false,&quot;gated&quot;:%s,"
             "&quot;likes&quot;:%s,&quot;library_name&quot;:&quot;transformers&quot;},"
             "&quot;canWrite&quot;:false}" % (org, repo, pipeline_tag,
                                              "&quot;manual&quot;" if gated else "false",
                                              likes.replace(",", "")))
    gate = ""
    if gated:
        gate = f"""
    <div class="gated-notice rounded-lg border border-yellow-200 bg-yellow-50 px-5 py-4" data-target="GatedRepoNotice">
      <h3 class="font-semibold">You need to agree to share your contact information to access this model</h3>
      <p>This repository is publicly accessible, but you have to accept the conditions to access its files and content.</p>
      <p>By clicking &quot;Agree&quot;, you agree to the License Agreement and acknowledge Meta&#39;s Privacy Policy.</p>
      <form action="/{repo}/ask-access" method="POST"><button class="btn" type="submit">Log in or Sign Up to review the conditions and access this model content</button></form>
    </div>"""
    canonical_tag = f'\n<link rel="canonical" href="{url}">' if canonical else ""
    return f"""<!doctype html>
<html class="">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0, user-scalable=no">
<meta name="description" content="We\u2019re on a journey to advance and democratize artificial intelligence through open source and open science.">
<meta property="fb:app_id" content="1321688464574422">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:site" content="@huggingface">
<meta name="twitter:image" content="https://cdn-thumbnails.huggingface.co/social-thumbnails/models/{repo}.png">
<meta property="og:title" content="{repo} \u00b7 Hugging Face">
<meta property="og:type" content="website">
<meta property="og:url" content="{esc(og_url)}">
<meta property="og:image" content="https://cdn-thumbnails.huggingface.co/social-thumbnails/models/{repo}.png">
<link rel="stylesheet" href="/front/build/kube-6b3a1c2/style.css">
<link rel="preconnect" href="https://fonts.gstatic.com">{canonical_tag}
<link rel="alternate" type="application/rss+xml" href="/blog/feed.xml" title="Hugging Face blog">
<title>{repo} \u00b7 Hugging Face</title>
{HF_HEAD_SCRIPT}
</head>
<body class="flex flex-col min-h-dvh bg-white dark:bg-gray-950 text-black ModelPage">
<div class="flex min-h-dvh flex-col">
{HF_NAV}
<main class="flex flex-1 flex-col" data-page-type="model">
  <section class="model-header container pt-6 from-gray-50-to-white bg-gradient-to-t via-white dark:via-gray-950" data-target="ModelHeader" data-props="{props}">
    <h1 class="model-title mb-2 flex flex-wrap items-center text-lg md:text-xl">
      <svg class="mr-1.5 text-gray-400 flex-none" xmlns="http://www.w3.org/2000/svg" aria-hidden="true" role="img" width="1em" height="1em" viewBox="0 0 32 32"><path d="M16 4 L28 10 L28 22 L16 28 L4 22 L4 10 Z" fill="currentColor"></path></svg>
      <a href="/{org}" class="org-link text-gray-400 hover:text-blue-600" data-org="{org}">{org}</a>
      <div class="mx-0.5 text-gray-300">/</div>
      <a href="/{repo}" class="model-link font-mono font-semibold break-all" data-model-name="{model}">{model}</a>
      <button class="copy-button relative cursor-pointer" title="Copy model name to clipboard" type="button"><svg width="1em" height="1em" viewBox="0 0 32 32"><path d="M28 10v18H10V10h18m0-2H10a2 2 0 0 0-2 2v18a2 2 0 0 0 2 2h18a2 2 0 0 0 2-2V10a2 2 0 0 0-2-2Z"></path></svg></button>
    </h1>
    <div class="like-button inline-flex items-center" data-target="LikeButton"><button class="btn" title="Like">like</button><span class="count">{likes}</span></div>
    <div class="model-tags mb-3 flex flex-wrap md:mb-4" data-target="ModelHeaderTags">
      <a class="tag tag-pipeline" data-tag-type="pipeline_tag" data-tag="{pipeline_tag}" href="/models?pipeline_tag={pipeline_tag}"><svg class="mr-1" width="1em" height="1em" viewBox="0 0 32 32"><circle cx="16" cy="16" r="12"></circle></svg><span>{pipeline_label}</span></a>
      <a class="tag tag-library" data-tag-type="library" data-tag="transformers" href="/models?library=transformers"><span>Transformers</span></a>
      <a class="tag tag-library" data-tag-type="library" data-tag="safetensors" href="/models?library=safetensors"><span>Safetensors</span></a>{extra_tags}
      <a class="tag" data-tag-type="language" data-tag="en" href="/models?language=en"><span>English</span></a>
      <a class="tag" data-tag-type="other" data-tag="conversational" href="/models?other=conversational"><span>conversational</span></a>
      <a class="tag tag-license" data-tag-type="license" data-tag="{license_tag}" href="/models?license=license:{license_tag}"><span class="label">License:</span> <span>{license_tag}</span></a>
    </div>
    <nav class="model-tabs flex h-12 items-center" aria-label="Model tabs">
      <a class="tab tab-active" href="/{repo}" data-tab="card">Model card</a>
      <a class="tab" href="/{repo}/tree/main" data-tab="files">Files and versions</a>
      <a class="tab" href="/{repo}/discussions" data-tab="community" data-count="12">Community</a>
    </nav>
  </section>
  <div class="container model-body relative grid grid-cols-1 md:grid-cols-12">{gate}
    <section class="model-card pt-8 md:col-span-8 pb-24 relative break-words">
      <!-- HTML_TAG_START -->
      <div class="model-card-content prose md:px-6" data-target="ModelCard">
{card_title}
{card_body}
      </div>
      <!-- HTML_TAG_END -->
    </section>
    <aside class="model-sidebar pt-8 md:col-span-4 md:pl-6">
      <dl class="stats">
        <div class="downloads" data-testid="downloads"><dt class="label">Downloads last month</dt><dd class="value">{downloads}</dd></div>
      </dl>
      <div class="safetensors-info mb-5" data-testid="model-size"><span class="label">Model size</span> <span class="value">{size}</span></div>
      <div class="mb-5" data-testid="tensor-type"><span class="label">Tensor type</span> <span class="value">{tensor}</span></div>
      <section class="inference-providers mb-6">
        <h2 class="text-smd">Inference Providers <span class="text-gray-400">NEW</span></h2>
        <p class="text-sm text-gray-500">This model isn&#39;t deployed by any Inference Provider. <a href="/docs/inference-providers">Ask for provider support</a></p>
      </section>
      <section class="model-tree mb-6">
        <h2 class="text-smd">Model tree for {repo}</h2>
{model_tree}
      </section>
      <section class="spaces-using">
        <h2 class="text-smd">Spaces using {repo} <span class="count">7</span></h2>
        <ul><li><a href="/spaces/demo-team/vlm-playground">demo-team/vlm-playground</a></li><li><a href="/spaces/edge-lab/on-device-benchmarks">edge-lab/on-device-benchmarks</a></li></ul>
      </section>
    </aside>
  </div>
</main>
{HF_FOOTER}
</div>
<script type="application/json" id="hub-data">{{"repoId":"{repo}","repoType":"model","pipelineTag":"{pipeline_tag}","isLoggedIn":false}}</script>
{HF_TAIL_SCRIPT}
</body>
</html>
"""


def hf_tree(base: str | None, finetunes: int, quants: int) -> str:
    rows = []
    if base:
        rows.append(f'        <div class="tree-row"><span class="label">Base model</span> <a href="/{base}">{base}</a></div>')
    rows.append(f'        <div class="tree-row"><span class="label">Finetunes</span> <a href="#">{finetunes} models</a></div>')
    rows.append(f'        <div class="tree-row"><span class="label">Quantizations</span> <a href="#">{quants} models</a></div>')
    return "\n".join(rows)


def make_hf_pages() -> None:
    # --- SmolVLM2-2.2B-Instruct: NBSP inside "2.25B params", image-only first <p>, a second
    # <h1> inside the model card, scripts with "</div>" strings and "<" comparisons.
    body = f"""        <p><img src="https://huggingface.co/datasets/HuggingFaceTB/documentation-images/resolve/main/smolvlm2-banner.png" alt="" width="800"></p>
        <p>SmolVLM2-2.2B-Instruct is a compact, open-source vision-language model from <a href="/HuggingFaceTB">Hugging Face</a> that understands images, multi-image inputs and video. It handles visual question answering, document understanding and image-text tasks, runs on consumer GPUs and on-device, and is optimized for fine-tuning on custom datasets.</p>
        <h2 id="model-summary">Model Summary</h2>
        <ul>
        <li><strong>Developed by:</strong> Hugging Face \U0001F917</li>
        <li><strong>Model type:</strong> Multi-modal model (image/multi-image/video/text)</li>
        <li><strong>Language(s) (NLP):</strong> English</li>
        <li><strong>License:</strong> Apache 2.0</li>
        <li><strong>Architecture:</strong> a SigLIP vision encoder feeding a SmolLM2 language model</li>
        </ul>
        <h2 id="uses">Uses</h2>
        <p>SmolVLM2 can be used for inference on multimodal (video / image / text) tasks where the input is a text query together with a video or one or more images. Text and media files can be interleaved arbitrarily, enabling tasks like captioning, visual question answering and storytelling based on visual content.</p>
        <p>To fine-tune SmolVLM2 on a specific task, see the fine-tuning notebook linked below.</p>
        <h3 id="getting-started">Getting started</h3>
<pre><code class="language-python"><span class="hljs-keyword">from</span> transformers <span class="hljs-keyword">import</span> AutoProcessor, AutoModelForImageTextToText
model_path = <span class="hljs-string">&quot;HuggingFaceTB/SmolVLM2-2.2B-Instruct&quot;</span>
processor = AutoProcessor.from_pretrained(model_path)
model = AutoModelForImageTextToText.from_pretrained(model_path, torch_dtype=torch.bfloat16)
<span class="hljs-keyword">if</span> <span class="hljs-built_in">len</span>(frames) &lt; <span class="hljs-number">64</span>:  <span class="hljs-comment"># short clips go in whole</span>
    inputs = processor(text=prompt, videos=frames, return_tensors=<span class="hljs-string">&quot;pt&quot;</span>)
</code></pre>
        <h2 id="evaluation">Evaluation</h2>
        <table><thead><tr><th>Benchmark</th><th>What it measures</th></tr></thead>
        <tbody><tr><td>MMBench</td><td>general visual question answering</td></tr><tr><td>TextVQA</td><td>reading text in images</td></tr><tr><td>Video-MME</td><td>video understanding</td></tr></tbody></table>
        <h2 id="license">License</h2>
        <p>SmolVLM2 is released under the Apache 2.0 license.</p>"""
    page = hf_page(
        org="HuggingFaceTB", model="SmolVLM2-2.2B-Instruct", pipeline_tag="image-text-to-text",
        pipeline_label="Image-Text-to-Text", license_tag="apache-2.0", size=f"2.25B{NBSP}params",
        card_title='        <h1 id="smolvlm2-22b">SmolVLM2 2.2B</h1>', card_body=body, likes="412",
        downloads="88,213",
        extra_tags='\n      <a class="tag" data-tag-type="dataset" data-tag="HuggingFaceM4/the_cauldron" href="/datasets/HuggingFaceM4/the_cauldron"><span>HuggingFaceM4/the_cauldron</span></a>'
                   '\n      <a class="tag" data-tag-type="other" data-tag="video-text-to-text" href="/models?other=video-text-to-text"><span>video-text-to-text</span></a>',
        model_tree=hf_tree("HuggingFaceTB/SmolVLM-Instruct", 14, 9))
    write_page(INBOX / "hf-smolvlm2-2.2b-instruct.html", page)

    # --- SmolLM3-3B: UTF-8 with a byte-order mark.
    body = """        <p>SmolLM3-3B is a 3B parameter open-source language model from Hugging Face, engineered for on-device and edge inference without sacrificing reasoning quality. It achieves state-of-the-art results in its size class on reasoning and instruction-following benchmarks.</p>
        <h2 id="table-of-contents">Table of Contents</h2>
        <ol><li><a href="#model-summary">Model Summary</a></li><li><a href="#how-to-use">How to use</a></li><li><a href="#evaluation">Evaluation</a></li><li><a href="#limitations">Limitations</a></li></ol>
        <h2 id="model-summary">Model Summary</h2>
        <p>SmolLM3 is a decoder-only transformer with grouped-query attention and a vocabulary-optimized tokenizer. The architecture choices are documented with ablations below.</p>
        <ul><li><strong>Developed by:</strong> Hugging Face</li><li><strong>Model type:</strong> causal language model</li><li><strong>License:</strong> Apache 2.0</li></ul>
        <h2 id="how-to-use">How to use</h2>
<pre><code class="language-bash">pip install -U transformers</code></pre>
<pre><code class="language-python">from transformers import AutoModelForCausalLM, AutoTokenizer
checkpoint = "HuggingFaceTB/SmolLM3-3B"
tokenizer = AutoTokenizer.from_pretrained(checkpoint)
model = AutoModelForCausalLM.from_pretrained(checkpoint)
</code></pre>
        <p>Quantized GGUF variants are published alongside the base weights, so <code>ollama pull smollm3</code> works out of the box.</p>
        <h2 id="evaluation">Evaluation</h2>
        <p>Benchmarks cover reasoning and instruction following; see the blog post for the full tables.</p>
        <h2 id="limitations">Limitations</h2>
        <p>SmolLM3 primarily understands and generates content in English. Generated content may not always be factually accurate or logically consistent.</p>"""
    page = hf_page(
        org="HuggingFaceTB", model="SmolLM3-3B", pipeline_tag="text-generation",
        pipeline_label="Text Generation", license_tag="apache-2.0", size="3.08B params",
        card_title='        <h1 id="smollm3">SmolLM3</h1>', card_body=body, likes="734",
        downloads="251,907", model_tree=hf_tree("HuggingFaceTB/SmolLM3-3B-Base", 41, 57))
    write_page(INBOX / "hf-smollm3-3b.html", page, bom=b"\xef\xbb\xbf")

    # --- CodeLlama-4-70B-Instruct: gated notice outside the card, an onerror= attribute and a
    # javascript: link inside the card.
    body = """        <p><img src="https://huggingface.co/meta-llama/CodeLlama-4-70B-Instruct/resolve/main/banner.png" alt="Code Llama 4" onerror="this.onerror=null;this.src='/front/assets/fallback.png';alert(document.domain)"></p>
        <p>Code Llama 4 is Meta's family of open-source code models, released in 70B and 400B parameter variants. CodeLlama-4-70B-Instruct is the 70B instruction-tuned variant, built for long-context code completion and function calling.</p>
        <h2 id="model-details">Model Details</h2>
        <table><tbody>
        <tr><th>Model developer</th><td>Meta</td></tr>
        <tr><th>Variations</th><td>70B and 400B parameters, base and instruct</td></tr>
        <tr><th>Input / output</th><td>Text in, text and code out</td></tr>
        <tr><th>Benchmarks reported</th><td>HumanEval, SWE-bench</td></tr>
        </tbody></table>
        <h2 id="intended-use">Intended Use</h2>
        <p>Commercial and research use for code synthesis and understanding. The weights can be self-hosted and fine-tuned; serving works with the usual open-source runtimes.</p>
        <h2 id="license">License</h2>
        <p>A custom commercial license is available. <a href="javascript:void(document.getElementById('license-modal').showModal())">Read the full license</a> or see <a href="/meta-llama/CodeLlama-4-70B-Instruct/blob/main/LICENSE">LICENSE</a>.</p>"""
    page = hf_page(
        org="meta-llama", model="CodeLlama-4-70B-Instruct", pipeline_tag="text-generation",
        pipeline_label="Text Generation", license_tag="llama4", size="70B params",
        card_title='        <h1 id="code-llama-4">Code Llama 4</h1>', card_body=body, likes="1,208",
        downloads="46,530", gated=True,
        extra_tags='\n      <a class="tag" data-tag-type="other" data-tag="code" href="/models?other=code"><span>code</span></a>',
        model_tree=hf_tree("meta-llama/CodeLlama-4-70B", 22, 31))
    write_page(INBOX / "hf-codellama-4-70b-instruct.html", page)

    # --- Llama-4-Compact-12B: CRLF line endings, gated.
    body = """        <p>Llama 4 Compact is a 12-billion-parameter language model from Meta, quantized and optimized for inference on mobile and edge hardware. The weights are available under the Llama 4 Community License.</p>
        <h2 id="model-information">Model Information</h2>
        <p>Meta published quantization configs for common phone and laptop chips; the model runs with llama.cpp and MLC.</p>
        <h2 id="benchmarks">Benchmarks</h2>
        <p>Meta reports results on MMLU and HumanEval against comparable open models.</p>"""
    page = hf_page(
        org="meta-llama", model="Llama-4-Compact-12B", pipeline_tag="text-generation",
        pipeline_label="Text Generation", license_tag="llama4", size="12B params",
        card_title='        <h1 id="llama-4-compact">Llama 4 Compact</h1>', card_body=body,
        likes="655", downloads="120,448", gated=True, model_tree=hf_tree(None, 8, 26))
    write_page(INBOX / "hf-llama-4-compact-12b.html", page, crlf=True)

    # --- SmolVLM-3B as scraped from hf.co: no canonical link, og:url on hf.co with tracking.
    body = """        <p>SmolVLM-3B is a 3-billion parameter vision-language model from Hugging Face designed for efficient on-device and edge deployment. It handles visual question answering, document understanding and image captioning, and is released under Apache 2.0.</p>
        <h2 id="model-summary">Model summary</h2>
        <ul><li><strong>Developed by:</strong> Hugging Face</li><li><strong>Model type:</strong> Multi-modal model (image+text)</li><li><strong>License:</strong> Apache 2.0</li></ul>
        <h2 id="uses">Uses</h2>
        <p>Loads with the standard <code>AutoProcessor</code> and <code>AutoModelForVision2Seq</code> classes.</p>"""
    page = hf_page(
        org="HuggingFaceTB", model="SmolVLM-3B", pipeline_tag="image-text-to-text",
        pipeline_label="Image-Text-to-Text", license_tag="apache-2.0", size="3B params",
        card_title='        <h1 id="smolvlm-3b">SmolVLM-3B</h1>', card_body=body, likes="188",
        downloads="19,774", canonical=False,
        og_url="https://hf.co/HuggingFaceTB/SmolVLM-3B?utm_source=share&utm_medium=link",
        model_tree=hf_tree(None, 5, 4))
    write_page(INBOX / "hf-smolvlm-3b.html", page)


# ============================================================================================
# (b) LaunchBoard, a launch directory (no profile: generic rules only)
# ============================================================================================
def make_launchboard_pages() -> None:
    s = SEED["SmolVLM2-2B"]
    # --- Windows-1252 with <meta charset="windows-1252">: raw 0x93/0x94 (curly quotes),
    # 0x96 (en dash, also the title separator), 0x85 (ellipsis), 0xE9; cookie banner; tracking
    # links; unclosed <li> and <p>; entities; several competing titles.
    page = f"""<!DOCTYPE html>
<html lang=en>
<head>
<meta charset="windows-1252">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>SmolVLM2-2B \u2013 {s['tagline']} | LaunchBoard</title>
<meta name="description" content="{esc(s['description'])}">
<meta property="og:site_name" content="LaunchBoard">
<meta property="og:type" content="website">
<meta property="og:title" content="SmolVLM2-2B \u2013 {s['tagline']}">
<meta property="og:description" content="{esc(s['description'])}">
<meta property="og:url" content="https://launchboard.example/posts/smolvlm2-2b?ref=homepage&amp;utm_source=newsletter&amp;utm_medium=email">
<meta property="og:image" content="https://cdn.launchboard.example/og/smolvlm2-2b.png?utm_source=og">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="SmolVLM2-2B on LaunchBoard: \u201cruns on your phone\u201d">
<meta name="twitter:description" content="{s['tagline']}">
<link rel="canonical" href="https://launchboard.example/posts/smolvlm2-2b?ref=homepage&amp;utm_source=newsletter&amp;utm_medium=email">
<link rel="stylesheet" href="/assets/app.9f2c.css">
<script>
  window.__LB__ = {{ postId: 48211, slug: "smolvlm2-2b", upvotes: 1284 }};
  if (window.__LB__.upvotes < 10) {{ document.documentElement.className += " low"; }}
</script>
</head>
<body class="post-page">
<div id="cookie-banner" class="cookie-banner" role="dialog" aria-live="polite">
  <h2>We value your privacy</h2>
  <p>We use cookies to improve your experience&hellip; and to measure launches. <a href="/privacy?ref=cookie-banner&amp;utm_source=banner">Learn more</a>
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
<section class="post" data-post-id="48211">
  <div class="post-thumb"><img src="https://cdn.launchboard.example/thumbs/smolvlm2-2b.png" alt="SmolVLM2-2B logo" width="80" height="80"></div>
  <h1 class="post-name">SmolVLM2-2B</h1>
  <h2 class="post-tagline">{s['tagline']}</h2>
  <ul class="post-topics">
    <li><a href="/topics/developer-tools?ref=post">Developer Tools</a>
    <li><a href="/topics/artificial-intelligence?ref=post">Artificial Intelligence</a>
    <li><a href="/topics/open-source?ref=post">Open Source</a>
  </ul>
  <div class="badges"><span class="price-badge">Free</span> <span class="badge badge-potd">#3 Product of the Day</span></div>
  <div class="cta">
    <a class="visit-btn" href="https://huggingface.co/HuggingFaceTB/SmolVLM2-2.2B-Instruct?utm_source=launchboard&amp;utm_medium=referral&amp;ref=launchboard" rel="nofollow noopener" target="_blank">Visit website</a>
    <button class="upvote" data-count="1284">&#9650; Upvote 1,284</button>
  </div>
  <div class="post-description">
    <p>{esc(s['description'])}
    <p>Hunter\u2019s note: \u201cIt runs on my phone\u201d \u2013 and it really does\u2026 4-bit weights, no network call.
  </div>
  <div class="makers">
    <h3>Makers</h3>
    <ul><li><a href="/@andre-vlm">Andr\u00e9 V.</a> <span class="role">Hunter</span><li><a href="/@smol-team">smol team</a> <span class="role">Maker</span></ul>
  </div>
  <section class="comments">
    <h3>Discussion (14)</h3>
    <ul>
      <li class="comment"><p class="author">dev_in_lisbon</p><p>Tried it on a Pixel 8 \u2013 the 4-bit quant is fast enough for receipts.
      <li class="comment"><p class="author">mlops_maria</p><p>How does it compare to moondream2&nbsp;&amp;&nbsp;PaliGemma? &#8212; curious about OCR in the wild&hellip;
      <li class="comment"><p class="author">edge_eng</p><p>Congrats on the launch!
    </ul>
  </section>
</section>
<aside class="sidebar">
  <h3>Trending launches</h3>
  <ol>
    <li><a href="/posts/code-llama-4-70b-400b?ref=sidebar"><h4>Code Llama 4 (70B &amp; 400B)</h4></a><p>Meta&#39;s open-source code models
    <li><a href="/posts/smollm3?ref=sidebar"><h4>SmolLM3</h4></a><p>3B parameter open model
  </ol>
</aside>
</main>
<footer class="site-footer">&copy; 2026 LaunchBoard&nbsp;&middot;&nbsp;<a href="/about?ref=footer">About</a>&nbsp;&middot;&nbsp;<a href="/terms">Terms</a></footer>
<dialog id="login-modal"><h1>Sign in to LaunchBoard</h1><p>Upvote, comment and follow makers.</dialog>
</body>
</html>
"""
    write_page(INBOX / "launchboard-smolvlm2-2b.html", page, encoding="cp1252")

    # --- Code Llama 4 (70B & 400B): uppercase tags, unquoted attributes, entities
    # (&nbsp; &amp; &#8212; &hellip; &#39;), raw NBSP and hair spaces, a javascript: link, an
    # onerror= attribute, an invalid JSON-LD block (trailing comma), scripts with "<" and
    # "</div>".
    s = SEED["Code Llama 4 (70B & 400B)"]
    desc_attr = esc(s["description"]).replace("70B and 400B", f"70B{NBSP}and{NBSP}400B").replace(
        "Hugging Face", "Hugging&nbsp;Face")
    tag_html = s["tagline"].replace("'", "&#39;")
    page = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<HTML LANG=en>
<HEAD>
<META HTTP-EQUIV="X-UA-Compatible" CONTENT="IE=edge">
<META CHARSET=utf-8>
<TITLE>Code Llama 4 (70B &amp; 400B) &#8212; {tag_html} | LaunchBoard</TITLE>
<META NAME=description CONTENT="{desc_attr}">
<META PROPERTY=og:site_name CONTENT=LaunchBoard>
<META PROPERTY=og:title CONTENT="Code Llama 4 (70B &amp; 400B) &#8212; {tag_html}">
<META PROPERTY=og:description CONTENT="{desc_attr}">
<META NAME=twitter:title CONTENT="Code Llama 4 (70B &amp; 400B) is trending on LaunchBoard &#128293;">
<LINK REL=canonical HREF=https://www.launchboard.example/posts/code-llama-4-70b-400b?utm_campaign=launch-day&amp;ref=twitter>
<SCRIPT TYPE="application/ld+json">
{{ "@context": "https://schema.org", "@type": "WebPage", "name": "Code Llama 4 (70B & 400B) | LaunchBoard",
   "breadcrumb": "Launches > Developer Tools", }}
</SCRIPT>
<SCRIPT>
var n = 0;
function more() {{ if (n < 3 && n >= 0) {{ document.write("<div class='more'>Load more</div>"); n++; }} }}
for (var i = 0; i<2; i++) {{ /* </div></section> */ more(); }}
</SCRIPT>
</HEAD>
<BODY CLASS=post-page ONLOAD="window.lbInit && lbInit()">
<DIV ID=cookie-banner CLASS="cookie-banner"><P>Cookies help us run LaunchBoard&hellip; <A HREF="/privacy?utm_source=banner">Details</A> <BUTTON>OK</BUTTON></DIV>
<DIV CLASS=site-header><A CLASS=logo HREF="/?ref=logo">LaunchBoard</A>
<UL CLASS=nav><LI><A HREF="/launches?ref=nav">Launches</A><LI><A HREF="/topics?ref=nav">Topics</A><LI><A HREF="/newsletter?utm_source=nav">Newsletter</A></UL></DIV>
<DIV ID=main>
<DIV CLASS=post DATA-POST-ID=48377>
<IMG SRC=/img/missing-thumb.png ALT="" ONERROR="this.src='/img/fallback.png';alert(document.domain)">
<H1 CLASS=post-name>Code Llama 4 (70B{HAIR}&amp;{HAIR}400B)</H1>
<H2 CLASS=post-tagline>{tag_html}</H2>
<UL CLASS=post-topics><LI><A HREF="/topics/developer-tools?ref=post">Developer Tools</A><LI><A HREF="/topics/open-source?ref=post">Open Source</A><LI><A HREF="/topics/ai-coding?ref=post">AI Coding&nbsp;Assistants</A></UL>
<SPAN CLASS=price-badge>Free</SPAN> <SPAN CLASS=badge>#1 Product of the Day</SPAN>
<A CLASS=visit-btn HREF="https://huggingface.co/meta-llama/CodeLlama-4-70B-Instruct?utm_source=launchboard&amp;utm_medium=referral&amp;ref=launchboard">Visit website</A>
<A CLASS=share HREF="javascript:void(window.open('/share?u='+encodeURIComponent(location.href)))">Share</A>
<BUTTON CLASS=upvote DATA-COUNT=1917>&#9650; Upvote 1,917</BUTTON>
<DIV CLASS=post-description>
<P>{esc(s['description'])}
<P>Maker comment: 70B runs on a single A100 with a 4-bit quant &#8212; the 400B needs multi-GPU&hellip; we&#39;re working on it.
</DIV>
<DIV CLASS=makers><H3>Makers</H3><UL><LI><A HREF="/@ai-at-meta">AI at Meta</A><LI><A HREF="/@oss-hunter">oss_hunter</A> (Hunter)</UL></DIV>
<DIV CLASS=comments><H3>Discussion (41)</H3>
<UL>
<LI><P>Finally, function calling baked into the weights&nbsp;&#8212; no duct tape.
<LI><P>SWE-bench numbers depend on the scaffolding&hellip; waiting for independent evals.
<LI><P>R&amp;D teams &amp; platform teams will love the 70B.
</UL></DIV>
</DIV>
<DIV CLASS=sidebar><H3>Trending launches</H3><OL><LI><A HREF="/posts/smolvlm2-2b?ref=sidebar"><H4>SmolVLM2-2B</H4></A><LI><A HREF="/posts/smolvlm-3b?ref=sidebar"><H4>SmolVLM-3B</H4></A></OL></DIV>
</DIV>
<DIV CLASS=site-footer>&copy; 2026 LaunchBoard &middot; <A HREF="/about">About</A></DIV>
</BODY>
</HTML>
"""
    write_page(INBOX / "launchboard-code-llama-4.html", page)

    # --- SmolVLM-3B: Latin-1 with NO charset declaration at all; raw 0xE9 (é), 0xE8 (è),
    # 0xB7 (middle dot, also the title separator), 0xA9 (©), 0xA0 (NBSP). Not valid UTF-8.
    s = SEED["SmolVLM-3B"]
    page = f"""<!DOCTYPE html>
<html lang="fr-CA">
<head>
<title>SmolVLM-3B \u00b7 {s['tagline']} | LaunchBoard</title>
<meta name="description" content="{esc(s['description'])}">
<meta property="og:site_name" content="LaunchBoard">
<meta property="og:title" content="SmolVLM-3B \u00b7 {s['tagline']}">
<meta property="og:url" content="https://launchboard.example/posts/smolvlm-3b#comments">
<meta property="og:description" content="{esc(s['description'])}">
</head>
<body>
<div class="cookie-banner"><p>Nous utilisons des t\u00e9moins (cookies)\u00a0: <a href="/privacy?lang=fr&ref=banner">en savoir plus</a> <button>J'accepte</button></p></div>
<header class="site-header"><a class="logo" href="/">LaunchBoard</a> <a href="/fr?ref=lang">Fran\u00e7ais</a></header>
<main>
<section class="post" data-post-id="48390">
  <h1 class="post-name">SmolVLM-3B</h1>
  <h2 class="post-tagline">{s['tagline']}</h2>
  <ul class="post-topics"><li><a href="/topics/developer-tools">Developer Tools</a></li><li><a href="/topics/computer-vision">Computer Vision</a></li></ul>
  <span class="price-badge">Free</span>
  <a class="visit-btn" href="https://hf.co/HuggingFaceTB/SmolVLM-3B?ref=launchboard">Visit website</a>
  <button class="upvote" data-count="602">\u25b2 602</button>
  <div class="post-description"><p>{esc(s['description'])}</p></div>
  <div class="makers"><h3>Makers</h3><ul><li><a href="/@lea-bremond">L\u00e9a Br\u00e9mond</a> (Hunter)</li></ul></div>
  <section class="comments"><h3>Discussion (3)</h3>
    <ul>
      <li><p>Tr\u00e8s bon mod\u00e8le pour la lecture de re\u00e7us \u2014 d\u00e9j\u00e0 en production chez nous.</p></li>
      <li><p>Apache 2.0 on a competitive 3B model is the real unlock here.</p></li>
    </ul>
  </section>
</section>
</main>
<footer>\u00a9 2026 LaunchBoard \u00b7 Montr\u00e9al\u00a0&amp; Paris</footer>
</body>
</html>
"""
    # The page is Latin-1 except for two characters Latin-1 lacks: keep the triangle and the
    # em dash out of it (a Latin-1 page cannot hold them).
    page = page.replace("\u25b2", "&#9650;").replace(" \u2014 ", " - ")
    write_page(INBOX / "launchboard-smolvlm-3b.html", page, encoding="latin-1")

    # --- SmolLM3, saved as .txt by a browser ("saved from url" comment first); the maker's
    # description ends in an escaped <script> that must stay text.
    s = SEED["SmolLM3"]
    hostile = s["description"] + " <script>alert(1)</script>"
    page = f"""<!-- saved from url=(0041)https://launchboard.example/posts/smollm3 -->
<!DOCTYPE html>
<html lang="en"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>SmolLM3 - {s['tagline']} | LaunchBoard</title>
<meta name="description" content="{esc(hostile)}">
<meta property="og:site_name" content="LaunchBoard">
<meta property="og:title" content="SmolLM3 - {s['tagline']}">
<meta property="og:description" content="{esc(hostile)}">
<link rel="canonical" href="https://launchboard.example/posts/smollm3?utm_source=producthunt&amp;fbclid=IwAR0aBcDeFgHiJ">
<style>.post-name{{font-weight:700}} .upvote:before{{content:"\\25B2"}}</style>
</head>
<body>
<header class="site-header"><a class="logo" href="https://launchboard.example/?ref=logo">LaunchBoard</a></header>
<main>
<section class="post" data-post-id="48402">
  <h1 class="post-name">SmolLM3</h1>
  <h2 class="post-tagline">{s['tagline']}</h2>
  <ul class="post-topics"><li><a href="https://launchboard.example/topics/developer-tools?ref=post">Developer Tools</a></li><li><a href="https://launchboard.example/topics/open-source">Open Source</a></li></ul>
  <span class="price-badge">Free</span>
  <a class="visit-btn" href="https://huggingface.co/HuggingFaceTB/SmolLM3-3B?utm_source=launchboard">Visit website</a>
  <button class="upvote" data-count="877">877</button>
  <div class="post-description"><p>{esc(hostile)}</p></div>
  <section class="comments"><h3>Discussion (5)</h3>
    <ul><li><p>ollama pull smollm3 and it just works.</p></li><li><p><img src="x" onerror="alert('comment')">nice</p></li></ul>
  </section>
</section>
</main>
<footer>&copy; 2026 LaunchBoard</footer>
</body></html>
"""
    write_page(INBOX / "launchboard-smollm3-saved.txt", page)


# ============================================================================================
# (c) The site's own tool cards (tool-verdicts.example)
# ============================================================================================
TV_NAV = """<header class="site-header">
  <a class="brand" href="/">Tool Verdicts</a>
  <nav aria-label="Site"><ul>
    <li><a href="/">Comparisons</a></li>
    <li><a href="/categories/developer-tools">Developer Tools</a></li>
    <li><a href="/tools">All tools</a></li>
    <li><a href="/newsletter">Newsletter</a></li>
  </ul></nav>
</header>"""

TV_FOOTER = """<section class="newsletter">
  <h2>Weekly AI Tool Verdicts</h2>
  <p>Get the next comparison in your inbox</p>
  <p>New AI tools ship daily. We compare them before you waste an afternoon.</p>
  <form action="/subscribe" method="post"><input type="email" name="email" placeholder="you@example.com"><button type="submit">Subscribe</button></form>
</section>
<footer class="site-footer"><p>&copy; 2026 Tool Verdicts &middot; <a href="/about">About</a> &middot; <a href="/feed.atom">Atom feed</a></p></footer>"""


def tv_mini(slug: str, name: str, tagline: str) -> str:
    return f"""      <li><article class="tool-card tool-card--mini" data-slug="{slug}">
        <h3 class="tool-name"><a href="/tools/{slug}">{esc(name)}</a></h3>
        <p class="tool-tagline">{esc(tagline)}</p>
      </article></li>"""


def tv_page(*, slug: str, name_html: str, name_text: str, vendor: str, kind: str, sizes: str,
            license_: str | None, homepage: str, related: list[tuple[str, str]],
            url_tags: str, related_first: bool = False, tagline_html: str | None = None,
            community: str = "\u2014", unclosed: bool = False) -> str:
    s = SEED[name_text]
    tagline_html = tagline_html or esc(s["tagline"])
    lic_attr = f' data-license="{esc(license_)}"' if license_ else ""
    minis = "\n".join(tv_mini(rs, rn, SEED[rn]["tagline"]) for rs, rn in related)
    aside = f"""  <aside class="related" aria-label="Compared with">
    <h2>Compared with</h2>
    <ul>
{minis}
    </ul>
  </aside>"""
    if unclosed:
        desc = f"""    <div class="tool-description">
      <p>{esc(s['description'])}
    </div>"""
        stats = f"""    <dl class="tool-stats">
      <dt>Panel ship<dd class="tool-panel-ship" data-value="{s['panel']}">{s['panel']}
      <dt>Community<dd class="tool-community">{community}
      <dt>Entry<dd class="tool-entry-price">Free
    </dl>"""
    else:
        desc = f"""    <div class="tool-description">
      <p>{esc(s['description'])}</p>
    </div>"""
        stats = f"""    <dl class="tool-stats">
      <div class="stat stat--panel"><dt>Panel ship</dt><dd class="tool-panel-ship" data-value="{s['panel']}">{s['panel']}</dd></div>
      <div class="stat stat--community"><dt>Community</dt><dd class="tool-community">{community}</dd></div>
      <div class="stat stat--entry"><dt>Entry</dt><dd class="tool-entry-price">Free</dd></div>
    </dl>"""
    article = f"""  <article class="tool-card tool-card--page" id="tool" data-slug="{slug}" data-vendor="{esc(vendor)}" data-kind="{kind}" data-sizes="{esc(sizes)}"{lic_attr}>
    <header>
      <p class="tool-category"><a href="/categories/developer-tools">Developer Tools</a></p>
      <h1 class="tool-name">{name_html}</h1>
      <p class="tool-tagline">{tagline_html}</p>
    </header>
{stats}
{desc}
    <p class="tool-links"><a class="tool-homepage" href="{homepage}" rel="nofollow">Visit {esc(name_text)}</a></p>
  </article>"""
    body = f"{aside}\n{article}" if related_first else f"{article}\n{aside}"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(name_text)} review: panel verdict, pricing and community vote | Tool Verdicts</title>
<meta name="description" content="{esc(s['tagline'])}">
{url_tags}
<meta property="og:site_name" content="Tool Verdicts">
<meta property="og:title" content="{esc(name_text)}">
<meta property="og:type" content="website">
<link rel="stylesheet" href="/assets/site.css">
</head>
<body>
{TV_NAV}
<main id="content">
  <nav class="breadcrumb" aria-label="Breadcrumb"><a href="/">Home</a> \u203a <a href="/categories/developer-tools">Developer Tools</a> \u203a <span>{esc(name_text)}</span></nav>
{body}
</main>
{TV_FOOTER}
</body>
</html>
"""


def canon(url: str) -> str:
    return f'<link rel="canonical" href="{esc(url)}">\n<meta property="og:url" content="{esc(url)}">'


def make_tv_pages() -> None:
    base = "https://tool-verdicts.example/tools/"
    write_page(INBOX / "tv-card-smolvlm2-2b.html", tv_page(
        slug="smolvlm2-2b", name_html="SmolVLM2-2B", name_text="SmolVLM2-2B",
        vendor="Hugging Face", kind="vision-language", sizes="2B", license_="Apache-2.0",
        homepage="https://huggingface.co/HuggingFaceTB/SmolVLM2-2.2B-Instruct",
        related=[("smolvlm2", "SmolVLM2"), ("code-llama-4-70b-400b", "Code Llama 4 (70B & 400B)")],
        url_tags=canon(base + "smolvlm2-2b")))

    # BOM, hair spaces around the community dash, raw NBSP inside the tagline.
    tagline = SEED["SmolVLM2"]["tagline"].replace("2B vision-language", f"2B{NBSP}vision-language")
    write_page(INBOX / "tv-card-smolvlm2.html", tv_page(
        slug="smolvlm2", name_html="SmolVLM2", name_text="SmolVLM2", vendor="Hugging Face",
        kind="vision-language", sizes="2B", license_="Apache-2.0",
        homepage="https://huggingface.co/HuggingFaceTB/SmolVLM2-2.2B-Instruct",
        related=[("llama-4-compact-12b", "Llama 4 Compact (12B)"), ("smolvlm2-2b", "SmolVLM2-2B")],
        url_tags=canon(base + "smolvlm2"), tagline_html=esc(tagline),
        community=f"{HAIR}\u2014{HAIR}"), bom=b"\xef\xbb\xbf")

    # Unclosed <p>, <dt>, <dd>.
    write_page(INBOX / "tv-card-smolvlm-3b.html", tv_page(
        slug="smolvlm-3b", name_html="SmolVLM-3B", name_text="SmolVLM-3B", vendor="Hugging Face",
        kind="vision-language", sizes="3B", license_="Apache-2.0",
        homepage="https://huggingface.co/HuggingFaceTB/SmolVLM-3B",
        related=[("code-llama-4", "Code Llama 4")], url_tags=canon(base + "smolvlm-3b"),
        unclosed=True))

    # og:url only, mixed-case host, tracking parameters and a fragment.
    write_page(INBOX / "tv-card-code-llama-4.html", tv_page(
        slug="code-llama-4", name_html="Code Llama 4", name_text="Code Llama 4", vendor="Meta",
        kind="code", sizes="7B, 34B, 200B", license_="Llama Community License",
        homepage="https://ai.meta.com/blog/code-llama-4/",
        related=[("smolvlm-3b", "SmolVLM-3B"), ("smollm3", "SmolLM3")],
        url_tags='<meta property="og:url" content="https://Tool-Verdicts.Example/tools/code-llama-4?utm_campaign=weekly&amp;ref=digest#panel">'))

    # Name split over a <span>, "&amp;" in the name; related mini-cards come BEFORE the main
    # card in document order; no licence attribute (the seed only says "a permissive research
    # license").
    write_page(INBOX / "tv-card-code-llama-4-70b-400b.html", tv_page(
        slug="code-llama-4-70b-400b",
        name_html='Code Llama 4 <span class="tool-sizes">(70B &amp; 400B)</span>',
        name_text="Code Llama 4 (70B & 400B)", vendor="Meta", kind="code", sizes="70B & 400B",
        license_=None, homepage="https://huggingface.co/meta-llama/CodeLlama-4-70B-Instruct",
        related=[("smolvlm2-2b", "SmolVLM2-2B")], url_tags=canon(base + "code-llama-4-70b-400b"),
        related_first=True))

    write_page(INBOX / "tv-card-llama-4-compact-12b.html", tv_page(
        slug="llama-4-compact-12b", name_html="Llama 4 Compact (12B)",
        name_text="Llama 4 Compact (12B)", vendor="Meta", kind="text", sizes="12B",
        license_="Llama Community License",
        homepage="https://huggingface.co/meta-llama/Llama-4-Compact-12B",
        related=[("smolvlm2", "SmolVLM2")], url_tags=canon(base + "llama-4-compact-12b")))

    # www. host (the profile's hosts omit "www."), CRLF line endings, no licence attribute.
    write_page(INBOX / "tv-card-smollm3.html", tv_page(
        slug="smollm3", name_html="SmolLM3", name_text="SmolLM3", vendor="Hugging Face",
        kind="text", sizes="3B", license_=None,
        homepage="https://huggingface.co/HuggingFaceTB/SmolLM3-3B",
        related=[("code-llama-4", "Code Llama 4")],
        url_tags=canon("https://www.tool-verdicts.example/tools/smollm3")), crlf=True)


# ============================================================================================
# (d) Vendor blog posts with JSON-LD
# ============================================================================================
def make_blog_pages() -> None:
    # --- Hugging Face blog, SmolVLM2: JSON-LD @graph with BlogPosting + SoftwareApplication +
    # Organization; author/publisher are @id references; licence given as a URL. The page is
    # on huggingface.co, so the huggingface.co profile is chosen and must come back empty.
    s = SEED["SmolVLM2"]
    desc_json = s["description"].replace("'", "\\u0027")
    page = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>SmolVLM2: small vision-language models that watch video, on every device</title>
<meta name="description" content="We are releasing SmolVLM2, a family of small open vision-language models that understand images and video and run on phones, laptops and consumer GPUs.">
<meta property="og:title" content="SmolVLM2: small vision-language models that watch video, on every device">
<meta property="og:type" content="article">
<meta property="og:url" content="https://huggingface.co/blog/smolvlm2">
<meta property="og:image" content="https://huggingface.co/blog/assets/smolvlm2/banner.png">
<meta name="twitter:card" content="summary_large_image">
<link rel="canonical" href="https://huggingface.co/blog/smolvlm2">
<script type="application/ld+json">
{{
  "@context": "https://schema.org",
  "@graph": [
    {{
      "@type": "BlogPosting",
      "@id": "https://huggingface.co/blog/smolvlm2#article",
      "headline": "SmolVLM2: small vision-language models that watch video, on every device",
      "description": "We are releasing SmolVLM2, a family of small open vision-language models that understand images and video.",
      "datePublished": "2026-11-18T09:00:00+00:00",
      "author": [{{"@type": "Person", "name": "Mira Okafor"}}, {{"@type": "Person", "name": "Tom\\u00e1s Lindqvist"}}],
      "publisher": {{"@id": "https://huggingface.co/#organization"}},
      "about": {{"@id": "https://huggingface.co/HuggingFaceTB/SmolVLM2-2.2B-Instruct#software"}},
      "mainEntityOfPage": "https://huggingface.co/blog/smolvlm2"
    }},
    {{
      "@type": "SoftwareApplication",
      "@id": "https://huggingface.co/HuggingFaceTB/SmolVLM2-2.2B-Instruct#software",
      "name": "SmolVLM2",
      "description": "{desc_json}",
      "applicationCategory": "DeveloperApplication",
      "operatingSystem": "Linux, macOS, Windows, iOS, Android",
      "license": "https://www.apache.org/licenses/LICENSE-2.0",
      "url": "https://huggingface.co/HuggingFaceTB/SmolVLM2-2.2B-Instruct",
      "offers": {{"@type": "Offer", "price": "0", "priceCurrency": "USD"}},
      "author": {{"@id": "https://huggingface.co/#organization"}},
      "publisher": {{"@id": "https://huggingface.co/#organization"}}
    }},
    {{
      "@type": "Organization",
      "@id": "https://huggingface.co/#organization",
      "name": "Hugging Face",
      "url": "https://huggingface.co",
      "logo": "https://huggingface.co/front/assets/huggingface_logo.svg",
      "sameAs": ["https://twitter.com/huggingface", "https://github.com/huggingface"]
    }}
  ]
}}
</script>
</head>
<body class="BlogPostPage">
{HF_NAV}
<main class="blog-post container">
  <div class="blog-header"><a class="back" href="/blog">Back to Articles</a></div>
  <article class="prose">
    <h1>SmolVLM2: small vision-language models that watch video, on every device</h1>
    <p class="meta">Published November 18, 2026 &middot; <a href="https://github.com/huggingface/blog/blob/main/smolvlm2.md">Update on GitHub</a></p>
    <div class="authors"><span class="author">Mira Okafor</span> <span class="author">Tom\u00e1s Lindqvist</span></div>
    <h2 id="tldr">TL;DR</h2>
    <p>SmolVLM2 is a 2B vision-language model that runs on consumer GPUs and on-device. It reads documents, answers questions about images and now understands video. It is released under Apache 2.0 and is easy to fine-tune on your own data.</p>
    <h2 id="why">Why small?</h2>
    <p>Latency, privacy and cost push vision inference onto the device. A model that runs where the data is avoids the network round-trip entirely.</p>
    <h2 id="use">Using SmolVLM2 with transformers</h2>
<pre><code class="language-python">model = AutoModelForImageTextToText.from_pretrained("HuggingFaceTB/SmolVLM2-2.2B-Instruct")
</code></pre>
    <h2 id="models">Models</h2>
    <ul><li><a href="/HuggingFaceTB/SmolVLM2-2.2B-Instruct">SmolVLM2-2.2B-Instruct</a></li></ul>
  </article>
</main>
{HF_FOOTER}
</body>
</html>
"""
    write_page(INBOX / "blog-hf-smolvlm2.html", page)

    # --- Hugging Face blog, SmolLM3: @graph whose application node has an @type ARRAY, a
    # licence string, a numeric price, JSON escapes (\u00a0), and hair spaces in the prose.
    s = SEED["SmolLM3"]
    desc_json = s["description"].replace("Hugging Face, engineered", "Hugging\\u00a0Face, engineered")
    page = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>SmolLM3: a small, multilingual, long-context reasoner</title>
<meta name="description" content="SmolLM3 is our new 3B model. Here is how we trained it.">
<meta property="og:title" content="SmolLM3: a small, multilingual, long-context reasoner">
<meta property="og:type" content="article">
<meta property="og:url" content="https://huggingface.co/blog/smollm3">
<link rel="canonical" href="https://huggingface.co/blog/smollm3">
<script type="application/ld+json">{{"@context":"https://schema.org","@graph":[{{"@type":"BlogPosting","headline":"SmolLM3: a small, multilingual, long-context reasoner","datePublished":"2026-11-12","publisher":{{"@type":"Organization","name":"Hugging Face"}}}},{{"@type":["SoftwareApplication","SoftwareSourceCode"],"name":"SmolLM3","description":"{desc_json}","applicationCategory":"DeveloperApplication","license":"Apache-2.0","codeRepository":"https://github.com/huggingface/smollm","url":"https://huggingface.co/HuggingFaceTB/SmolLM3-3B","offers":{{"@type":"Offer","price":0,"priceCurrency":"USD"}},"author":{{"@type":"Organization","name":"Hugging Face"}}}}]}}</script>
</head>
<body class="BlogPostPage">
{HF_NAV}
<main class="blog-post container">
  <article class="prose">
    <h1>SmolLM3: a small, multilingual, long-context reasoner</h1>
    <p class="meta">Published November 12, 2026</p>
    <p>SmolLM3 is a 3B{HAIR}parameter model that fits the memory envelope of edge hardware.{HAIR}It ships with quantized GGUF variants next to the base weights.</p>
    <h2 id="architecture">Architecture</h2>
    <p>Grouped-query attention and a vocabulary-optimized tokenizer; the ablations are in the model card.</p>
    <h2 id="try">Try it</h2>
<pre><code class="language-bash">ollama pull smollm3
</code></pre>
  </article>
</main>
{HF_FOOTER}
</body>
</html>
"""
    write_page(INBOX / "blog-hf-smollm3.html", page)

    # --- Meta AI blog, Code Llama 4: declared ISO-8859-1 through http-equiv, but written by a
    # Windows CMS: raw 0x92 (right single quote, a Windows-1252 byte), 0xA0 (NBSP), 0xA9 (©),
    # 0xE9 (é). One plain SoftwareApplication object.
    s = SEED["Code Llama 4"]
    desc_json = s["description"].replace("7B, 34B, and 200B", f"7B,{NBSP}34B, and{NBSP}200B")
    page = f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">
<title>Introducing Code Llama 4: open-weight code models from 7B to 200B - Meta AI Blog</title>
<meta name="description" content="Today we\u2019re releasing Code Llama 4, our open-weight family of code models.">
<meta property="og:site_name" content="Meta AI">
<meta property="og:title" content="Introducing Code Llama 4: open-weight code models from 7B to 200B">
<meta property="og:url" content="https://ai.meta.com/blog/code-llama-4/">
<meta property="og:type" content="article">
<link rel="canonical" href="https://ai.meta.com/blog/code-llama-4/">
<script type="application/ld+json">
{{"@context": "http://schema.org",
  "@type": "SoftwareApplication",
  "name": "Code Llama 4",
  "description": "{desc_json}",
  "applicationCategory": "DeveloperApplication",
  "operatingSystem": "Linux",
  "softwareVersion": "4",
  "license": "Llama Community License",
  "url": "https://ai.meta.com/blog/code-llama-4/",
  "offers": {{"@type": "Offer", "price": "0", "priceCurrency": "USD"}},
  "author": {{"@type": "Organization", "name": "Meta AI"}},
  "publisher": {{"@type": "Organization", "name": "Meta"}}
}}
</script>
<script>if (document.cookie.length < 4096) {{ window.dataLayer = window.dataLayer || []; }}</script>
</head>
<body>
<div class="top-nav"><a href="/">AI at Meta</a> <a href="/blog/">Blog</a> <a href="/research/">Research</a> <a href="/resources/">Resources</a></div>
<article class="post">
<h1 class="post-title">Introducing Code Llama 4: open-weight code models from 7B to 200B</h1>
<p class="byline">November 17, 2026 \u00b7 8 minute read</p>
<p>Today we\u2019re releasing Code Llama 4, a family of open-weight code models in 7B,{NBSP}34B and 200B parameter sizes. They\u2019re free to download under the Llama Community License, and they support self-hosting, fine-tuning and commercial use within the license terms.</p>
<h2>What\u2019s new</h2>
<p>Code Llama 4 reports state-of-the-art results on HumanEval and SWE-bench. We\u2019ve also improved long-context code completion.</p>
<h2>Get the weights</h2>
<p>Weights are available on Hugging Face and from our download page. Pr\u00e9sent\u00e9 \u00e0 la conf\u00e9rence d\u2019automne.</p>
</article>
<footer>\u00a9 2026 Meta</footer>
</body>
</html>
"""
    write_page(INBOX / "blog-meta-code-llama-4.html", page, encoding="cp1252")

    # --- Meta AI blog, Llama 4 Compact: a schema.org Product with a brand and an ARRAY of
    # offers; unquoted meta charset; tracking parameters on og:url; no canonical link.
    s = SEED["Llama 4 Compact (12B)"]
    page = f"""<!DOCTYPE html>
<html lang=en>
<head>
<meta charset=utf-8>
<title>Llama 4 Compact: a 12B open model built for the edge - Meta AI Blog</title>
<meta name=description content="Llama 4 Compact brings a 12B open model to phones and laptops.">
<meta property=og:site_name content="Meta AI">
<meta property=og:title content="Llama 4 Compact: a 12B open model built for the edge">
<meta property=og:url content="https://ai.meta.com/blog/llama-4-compact/?utm_source=twitter&amp;utm_medium=organic_social&amp;utm_campaign=llama4compact">
<script type="application/ld+json">
{{
  "@context": "https://schema.org/",
  "@type": "Product",
  "name": "Llama 4 Compact",
  "description": "{s['description']}",
  "slogan": "Meta's 12B edge-optimized open model for on-device inference",
  "category": "Developer Tools",
  "brand": {{"@type": "Brand", "name": "Meta"}},
  "manufacturer": {{"@type": "Organization", "name": "Meta Platforms, Inc."}},
  "offers": [
    {{"@type": "Offer", "name": "Open weights on Hugging Face", "price": "0", "priceCurrency": "USD", "url": "https://huggingface.co/meta-llama/Llama-4-Compact-12B", "availability": "https://schema.org/InStock"}},
    {{"@type": "Offer", "name": "Open weights from llama.com", "price": "0.00", "priceCurrency": "USD", "availability": "https://schema.org/InStock"}}
  ]
}}
</script>
</head>
<body>
<div class=top-nav><a href="/">AI at Meta</a> <a href="/blog/">Blog</a></div>
<article class=post>
<h1 class=post-title>Llama 4 Compact: a 12B open model built for the edge</h1>
<p class=byline>November 19, 2026
<p>Llama 4 Compact is our 12B model for on-device inference. We publish quantization configs for common phone and laptop chips, and the weights are on Hugging Face.
<p>Compared with other open models of similar size, Llama 4 Compact does well on MMLU and HumanEval.
<ul><li>12B parameters<li>Quantized for mobile NPUs<li>Llama community license</ul>
</article>
<footer>&copy; 2026 Meta</footer>
</body>
</html>
"""
    write_page(INBOX / "blog-meta-llama-4-compact.html", page)


# ============================================================================================
# Files the pipeline must move aside, one of each bad kind
# ============================================================================================
def png_bytes() -> bytes:
    """A real 8x8 grey PNG (signature, IHDR, IDAT, IEND): binary, with NUL bytes."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + bytes([0x80] * 8) for _ in range(8))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def make_bad_files() -> None:
    write_bytes(INBOX / "empty.html", b"")
    write_bytes(INBOX / "logo.png", png_bytes())

    write_page(INBOX / "not-a-tool.html", """<!DOCTYPE html>
<html lang="en">
<body>
<nav class="site-nav">
  <ul>
    <li><a href="/">Home</a></li>
    <li><a href="/tools">All tools</a></li>
    <li><a href="/categories/developer-tools">Developer Tools</a></li>
    <li><a href="/newsletter">Newsletter</a></li>
    <li><a href="/about">About</a></li>
  </ul>
</nav>
<nav class="footer-nav">
  <a href="/privacy">Privacy</a> | <a href="/terms">Terms</a> | <a href="/feed.atom">Feed</a>
</nav>
</body>
</html>
""")

    depth = 5000
    nested = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>SmolVLM2 mirror</title>"
              "</head><body>\n" + "<div>" * depth + "<h1>SmolVLM2</h1><p>"
              + SEED["SmolVLM2"]["tagline"] + "</p>" + "</div>" * depth + "\n</body></html>\n")
    assert len(nested) < 100_000
    write_page(INBOX / "deeply-nested.html", nested)

    # Panel reviews (docs/reviews.md): two good panels (the second revises one verdict and
    # adds a review), reviews naming tools by their aliases, one for a tool not in the sample
    # (it waits), and a draft with a misspelt reviewer that is moved aside naming line 5.
    write_page(INBOX / "panel-2026-11-20.xml", """<?xml version="1.0" encoding="UTF-8"?>
<!-- The review panel of 20 November (format: docs/reviews.md). Each reviewer names a tool the
     way they found it; the pipeline puts every review on the canonical tool. -->
<panel date="2026-11-20">
  <!-- SmolVLM-3B -->
  <review tool="SmolVLM-3B" reviewer="builder" verdict="ship">A small VLM that loads through the stock Transformers classes and stays inside an edge memory budget. Real weights, a real licence, real examples.</review>
  <review tool="SmolVLM-3B" reviewer="skeptic" verdict="ship">Phi-3.5-Vision and Moondream crowd this shelf, and degraded scans will trip it up. Apache 2.0 at this quality still earns the ship.</review>
  <review tool="SmolVLM-3B" reviewer="futurist" verdict="ship">Bets that vision inference leaves the cloud for the NPU before 2027; 3B is the class that makes the move first.</review>
  <review tool="SmolVLM-3B" reviewer="buyer" verdict="skip">A weight release, not a product. Nobody pays for it directly, and the value goes to whoever builds on top.</review>

  <!-- SmolVLM2, under four of its names -->
  <review tool="SmolVLM2-2B" reviewer="builder" verdict="ship">The first hour is four lines of Transformers code and a phone-sized model; the GGUF and MLX builds mean no dead end on device.</review>
  <review tool="SmolVLM2" reviewer="skeptic" verdict="ship">Moondream2 and PaliGemma are the real rivals, and long multi-image reasoning is where 2B runs out. Inside that line it holds up.</review>
  <review tool="HuggingFaceTB/SmolVLM2-2.2B-Instruct" reviewer="futurist" verdict="ship">Offline vision opens hospitals, courts and factory floors, where images may never leave the building. That is the second-order effect.</review>
  <review tool="smolvlm2" reviewer="buyer" verdict="ship">The buyer is the mobile team paying per image today. Hugging Face earns on the Hub around it, not on the weights, and that can last.</review>

  <!-- Code Llama 4: the skeptic revises on the next panel -->
  <review tool="Code Llama 4" reviewer="builder" verdict="ship">You bring the GPUs, Meta brings the weights: no per-token bill inside a hot completion loop. The 70B quant runs on one A100.</review>
  <review tool="CodeLlama-4-70B-Instruct" reviewer="skeptic" verdict="ship">DeepSeek-Coder and Qwen2.5-Coder are close behind, and the benchmarks are Meta's own. For teams that already run GPUs it is a real option.</review>
  <review tool="Code Llama 4 (70B &amp; 400B)" reviewer="futurist" verdict="ship">The bet: code generation moves on-prem because agent loops make API pricing untenable. Fine-tuning on private code is the effect that matters.</review>
  <review tool="Code Llama 4" reviewer="buyer" verdict="ship">Platform teams with GPUs and a compliance officer pay for this in infrastructure budgets; the Llama licence already passed their legal review.</review>

  <!-- SmolLM3: three reviewers so far -->
  <review tool="SmolLM3-3B" reviewer="builder" verdict="ship">A 3B checkpoint you can ollama pull and ship inside the app; the quantised builds come on day one, not a month later.</review>
  <review tool="SmolLM3" reviewer="skeptic" verdict="ship">Phi-3 Mini, Gemma and Qwen2.5-3B are all here already, and domain fine-tunes of 3B models degrade fast. It still matches them in the open.</review>
  <review tool="SmolLM3" reviewer="futurist" verdict="ship">When the median deployment is a quantised model in-process, the default 3B checkpoint becomes infrastructure. This one is positioned to be it.</review>

  <!-- Llama 4 Compact, under the names its pages use -->
  <review tool="Llama-4-Compact-12B" reviewer="builder" verdict="ship">No API keys, no dashboard: weights and published quant configs that load in llama.cpp in under an hour.</review>
  <review tool="Llama 4 Compact (12B)" reviewer="buyer" verdict="ship">Meta's distribution play rather than a revenue line; the buyer is any team that cannot send user data to a third-party cloud, and that budget is growing.</review>

  <!-- Not in the inbox yet: waits for its tool -->
  <review tool="Gemma 3 27B" reviewer="skeptic" verdict="skip">Too big for the edge and too small to beat the hosted models; the middle of the range is where open models go to be forgotten.</review>
</panel>
""")

    write_page(INBOX / "panel-2026-11-27.xml", """<?xml version="1.0" encoding="UTF-8"?>
<!-- The review panel of 27 November: one revised verdict and one new review. The newest panel
     date counts; the 20 November review stays in the state store as history. -->
<panel date="2026-11-27">
  <review tool="Code Llama 4" reviewer="skeptic" verdict="skip">Revised: the independent evals landed below Meta's numbers, and Llama 5 is rumoured for spring. Teams will wait for it rather than migrate twice.</review>
  <review tool="Llama 4 Compact" reviewer="futurist" verdict="ship">On-device inference needs a free, capable default to collapse the cost floor of AI features; a 12B model that fits a phone is that default.</review>
</panel>
""")

    write_page(INBOX / "panel-draft.xml", """<?xml version="1.0" encoding="UTF-8"?>
<!-- A draft with a misspelt reviewer id: moved aside, naming line 5; none of its reviews counts. -->
<panel date="2026-11-21">
  <review tool="SmolLM3" reviewer="buyer" verdict="ship">The Hub's download count is the moat.</review>
  <review tool="SmolLM3" reviewer="skeptik" verdict="skip">Three good rivals and no edge of its own.</review>
</panel>
""")

    # Community votes (docs/votes.md): 28 rows; two bad rows (lines 10 and 16) are reported
    # and left out, the rest count; v-1043 and v-0007 change their minds (latest counts).
    write_page(INBOX / "votes-2026-11-20.csv", """tool,voter,vote,cast_at
SmolVLM2,v-1043,ship,2026-11-20T08:14:03Z
SmolVLM2,v-2211,ship,2026-11-20T09:02:41Z
Code Llama 4,v-1043,skip,2026-11-20T09:05:10Z
"Code Llama 4 (70B & 400B)",v-0871,ship,2026-11-20T10:21:37Z
Llama 4 Compact (12B),v-3320,ship,2026-11-20T11:47:55Z
SmolLM3,v-0007,ship,2026-11-20T12:30:00Z
SmolVLM-3B,v-1043,ship,2026-11-20T08:20:00Z
SmolVLM-3B,v-2211,ship,2026-11-20T09:10:12Z
SmolVLM-3B,v-9001,maybe,2026-11-20T13:00:00Z
SmolVLM-3B,v-3320,skip,2026-11-20T11:50:31Z
SmolVLM2-2B,v-0871,ship,2026-11-20T10:00:00Z
CodeLlama-4-70B-Instruct,v-2211,ship,2026-11-20T09:30:00Z
Llama-4-Compact-12B,v-4410,ship,2026-11-20T14:02:09Z
SmolLM3-3B,v-2211,ship,2026-11-20T09:40:00Z
Code Llama 4,v-9002,ship,2026-11-20
SmolVLM-3B,v-4410,ship,2026-11-20T14:05:00Z
Llama 4 Compact,v-5150,ship,2026-11-20T15:15:00Z
SmolVLM2,v-5150,skip,2026-11-20T15:20:00Z
Code Llama 4,v-6021,skip,2026-11-20T16:00:00Z
SmolLM3,v-4410,ship,2026-11-20T14:10:00Z
"Gemma 3 27B",v-1043,ship,2026-11-20T16:30:00Z
SmolVLM-3B,v-0871,ship,2026-11-20T10:30:00Z
Code Llama 4,v-3320,ship,2026-11-20T12:00:00Z
SmolLM3,v-6021,ship,2026-11-20T16:05:00Z
SmolVLM2-2B,v-1043,skip,2026-11-20T18:30:00+01:00
Llama 4 Compact (12B),v-0007,skip,2026-11-20T20:00:00Z
SmolLM3,v-0007,skip,2026-11-20T21:05:00Z
Gemma 3 27B,v-7777,skip,2026-11-20T22:00:00Z
""")

    # A good directives file (docs/directives.md): taken, applied to the tools above.
    write_page(INBOX / "2026-11-21-directives.xml", """<?xml version="1.0" encoding="UTF-8"?>
<!-- One night's directives for the tools of the sample inbox (format: docs/directives.md). -->
<directives date="2026-11-21" editor="maria">
  <merge a="SmolVLM2" b="SmolVLM2-2B">
    Same model: the 2B is its only size. Seed page 003 compared it with itself.
  </merge>
  <merge a="Code Llama 4" b="Code Llama 4 (70B &amp; 400B)">
    One family; the sizes and the licence disagree and stay flagged for the editor.
  </merge>
  <split a="SmolVLM2" b="SmolVLM-3B">different generations, not one tool</split>
  <rename tool="Llama-4-Compact-12B" name="Llama 4 Compact"/>
  <pair a="SmolVLM2" b="SmolVLM-3B">readers ask which small vision model to ship</pair>
  <never-pair a="SmolLM3" b="Code Llama 4">a 3B chat model against a code family: no reader weighs these</never-pair>
</directives>
""")

    # An old draft of the format (into=, <tool> children): moved aside, naming line 3.
    write_page(INBOX / "directives.xml", """<?xml version="1.0" encoding="UTF-8"?>
<directives>
  <merge into="SmolVLM2"><tool>SmolVLM2-2B</tool></merge>
  <never-pair a="SmolVLM2" b="SmolVLM2-2B"/>
</directives>
""")

    write_page(INBOX / "notes.txt", """Notes for tonight's run (editor desk, 20 Nov)

- SmolVLM2 and SmolVLM2-2B are the same model listed twice; the 003 page compared it with
  itself. The directive file merges them.
- Code Llama 4: one record says 7B / 34B / 200B under the Llama Community License, the other
  says 70B and 400B under a "permissive research license". Check Meta's post before we publish
  either number.
- Llama 4 Compact (12B) vs SmolVLM2 is a fair pair; SmolLM3 vs Code Llama 4 is not (a general
  3B model against a code family). Ask the panel.
- The vote widget export for the 20th is in the inbox too.
""")


# ============================================================================================
# tests/e2e/cases/encodings: one tiny tool page per encoding path
# ============================================================================================
def tiny_page(name: str, desc: str, meta: str = "", slug: str = "") -> str:
    return f"""<!DOCTYPE html>
<html>
<head>
{meta}<title>{name} | Encoding Test Tools</title>
<meta property="og:title" content="{name}">
<meta name="description" content="{desc}">
<link rel="canonical" href="https://encodings.example/tools/{slug}">
</head>
<body>
<h1>{name}</h1>
<p>{desc}</p>
</body>
</html>
"""


def make_encoding_case() -> None:
    d = CASES / "encodings" / "inbox"
    write_page(d / "undeclared-latin1-cafe-coder.html", tiny_page(
        "Caf\u00e9 Coder", "\u201cWrite code at the caf\u00e9\u201d \u2014 an offline pair programmer for your laptop.",
        slug="cafe-coder"), encoding="cp1252")
    write_page(d / "meta-windows-1252-resume-wizard.html", tiny_page(
        "R\u00e9sum\u00e9 Wizard", "\u201cRewrites your r\u00e9sum\u00e9 in seconds\u201d \u2014 tailored to each job post.",
        meta='<meta charset="windows-1252">\n', slug="resume-wizard"), encoding="cp1252")
    write_page(d / "utf16le-bom-naive-notes.html", tiny_page(
        "Na\u00efve Notes", "\u201cNotes without the na\u00efve mistakes\u201d \u2014 a note-taking assistant.",
        meta='<meta charset="utf-16le">\n', slug="naive-notes"),
        encoding="utf-16-le", bom=b"\xff\xfe")
    write_page(d / "http-equiv-iso-8859-1-creme-canvas.html", tiny_page(
        "Cr\u00e8me Canvas", "\u201cPaint with prompts\u201d \u2014 image generation, la cr\u00e8me de la cr\u00e8me.",
        meta='<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">\n',
        slug="creme-canvas"), encoding="cp1252")
    # The BOM must win over a (wrong) meta declaration.
    write_page(d / "utf8-bom-senor-sketch.html", tiny_page(
        "Se\u00f1or Sketch", "\u201cSketch to SVG\u201d \u2014 se\u00f1or-level vector drawings.",
        meta='<meta charset="iso-8859-1">\n', slug="senor-sketch"), bom=b"\xef\xbb\xbf")


# ============================================================================================
# tests/e2e/cases/hostile: pages that try to smuggle markup, script or garbage through
# ============================================================================================
def make_hostile_case() -> None:
    d = CASES / "hostile" / "inbox"
    write_page(d / "script-in-title-and-text.html", """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title><script>alert("title")</script>Sneaky Sketch | Hostile Hub</title>
<meta property="og:title" content="Sneaky Sketch">
<meta name="description" content="Turns rough sketches into diagrams. &lt;script&gt;alert(1)&lt;/script&gt; Free for students.">
<link rel="canonical" href="https://hostile.example/tools/sneaky-sketch">
<script>document.title = "<b>pwned</b>"; if (1 < 2 && 3 > 2) { alert('head'); }</script>
</head>
<body onload="alert('body')">
<h1><img src="x" onerror="alert('h1')">Sneaky Sketch</h1>
<p class="desc" onmouseover="alert('desc')">Turns rough sketches into diagrams. &lt;script&gt;alert(1)&lt;/script&gt; Free for students.</p>
<svg><script>alert('svg')</script><a href="javascript:alert('svg-link')"><text>click</text></a></svg>
<iframe src="javascript:alert('iframe')"></iframe>
<a href="javascript:alert('link')">Visit Sneaky Sketch</a>
<noscript><img src="x" onerror="alert('noscript')"></noscript>
<style>body::after { content: "</style><script>alert('style')</script>"; }</style>
</body></html>
""")

    write_page(d / "jsonld-hostile.html", """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Lockpick Lint | Hostile Hub</title>
<meta property="og:title" content="Lockpick Lint">
<link rel="canonical" href="https://hostile.example/tools/lockpick-lint">
<script type="application/ld+json">{{{{ this is not json </script>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":null}</script>
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"SoftwareApplication",
 "name":"Lock\\u200bpick Lint",
 "description":"Finds secrets in your repos. \\u003c/script\\u003e\\u003cscript\\u003ealert(3)\\u003c/script\\u003e Ships as a CLI.",
 "url":"javascript:alert(4)",
 "image":"data:image/svg+xml,<svg onload=alert(5)>",
 "offers":{"@type":"Offer","price":"-1","priceCurrency":"USD"},
 "author":{"@type":"Organization","name":"<img src=x onerror=alert(6)>"}}
</script>
</head>
<body>
<h1>Lockpick Lint</h1>
</body></html>
""")

    # Broken entities. In the attribute: "&amp " -> "&" (legacy, no semicolon), "&#xZZ;" stays
    # as written, "&amp;lt;b&amp;gt;" -> "&lt;b&gt;" (decoded ONCE), "&#0;" and "&#x110000;"
    # -> U+FFFD, "&notit;" stays as written (in an attribute, a legacy prefix followed by a
    # letter is not a reference).
    write_page(d / "broken-entities.html", """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Entity Edge | Hostile Hub</title>
<meta property="og:title" content="Entity Edge">
<meta name="description" content="Shows &amp;lt;b&amp;gt; literally. Tom &amp Jerry &#xZZ; then &#0; and &#x110000; end &notit; ok">
<link rel="canonical" href="https://hostile.example/tools/entity-edge">
</head>
<body>
<h1>Entity Edge</h1>
<p>Shows &amp;lt;b&amp;gt; literally. Tom &amp Jerry &#xZZ; then &#0; and &#x110000; end. R&D at AT&T &c.</p>
</body></html>
""")

    ws = (" \t\n" + NBSP + "\u2003\u3000" + "&nbsp;" + "\r\n") * 600  # ~10 KB of whitespace
    write_page(d / "zero-width-and-whitespace.html", f"""<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>{ws}Quiet{ZWSP} Quill{ws}| Hostile Hub{ws}</title>
<meta property="og:title" content="{ZWSP}Quiet Quill\ufeff">
<meta name="description" content="A distraction-free{ZWSP} writing app.{ws}Syncs nowhere.\u200d">
<link rel="canonical" href="https://hostile.example/tools/quiet-quill">
</head>
<body>
<h1>Quiet&#8203; Quill</h1>
<p>{ws}A distraction-free writing app.{ws}</p>
</body></html>
""")

    write_page(d / "javascript-urls.html", """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<base href="javascript:alert(7)//">
<title>Safe Link Scout | Hostile Hub</title>
<meta property="og:title" content="Safe Link Scout">
<meta property="og:url" content="  JaVaScRiPt:alert(2)">
<meta name="description" content="Checks links before you click them.">
<link rel="canonical" href="javascript:alert(1)">
</head>
<body>
<h1>Safe Link Scout</h1>
<p>Checks links before you click them.</p>
<a href="javascript:alert('visit')">Visit website</a>
<a href="&#106;avascript:alert('entity')">Pricing</a>
<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">Docs</a>
<a href="vbscript:msgbox(1)">Old docs</a>
</body></html>
""")

    # A JPEG header and random-looking bytes, with NULs, named .html.
    jpeg = (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
            + bytes((i * 37 + 11) % 256 for i in range(600)) + b"\xff\xd9")
    write_bytes(d / "binary-renamed.html", jpeg)

    write_page(d / "truncated-mid-tag.html", """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Half Baked Helper | Hostile Hub</title>
<meta name="description" content="Finishes your half-written docs.">
<link rel="canonical" href="https://hostile.example/tools/half-baked-helper">
</head><body><h1>Half Baked Helper</h1><p>Finishes your half-written docs. <a href="https://half-baked.example/pricing?plan=pro&amp;ref=tr""")


def main() -> None:
    make_hf_pages()
    make_launchboard_pages()
    make_tv_pages()
    make_blog_pages()
    make_bad_files()
    make_encoding_case()
    make_hostile_case()


if __name__ == "__main__":
    main()
