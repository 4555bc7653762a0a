# Extraction profile: Hugging Face model pages (https://huggingface.co/<org>/<model>).
# Format and rules: docs/profiles.md.
#
# Every expression below is anchored on markup that only a MODEL page has (the <h1> with
# a[@data-model-name], the tag links with @data-tag-type, the sidebar's @data-testid
# "model-size", the card container @data-target="ModelCard"). On other huggingface.co pages
# (the blog, datasets, Spaces, docs) they all come back empty, so the generic rules (JSON-LD,
# OpenGraph, <title>...) decide there.
#
# Do NOT add a bare fallback such as "name = normalize-space(//h1)": blog posts live on this
# host too, and their <h1> is the post's headline, not a tool name.
#
# Traps on these pages that the profile exists for:
#   - <title> and og:title are "<org>/<model> · Hugging Face" (org prefix + site suffix);
#   - the meta/og description is the site-wide slogan ("We're on a journey to advance and
#     democratize artificial intelligence..."), never the model's;
#   - model cards often open with their own <h1> and with an image-only <p>.

hosts = huggingface.co hf.co

# The model name without the org: "SmolVLM2-2.2B-Instruct".
name = normalize-space(//h1//a[@data-model-name]/@data-model-name)
name = normalize-space(//h1//a[contains(concat(' ', normalize-space(@class), ' '), ' model-link ')])

# The org handle as the page shows it ("HuggingFaceTB", "meta-llama"); the vendor parser turns
# handles into canonical names ("Hugging Face", "Meta").
vendor = normalize-space(//h1//a[@data-org]/@data-org)
vendor = normalize-space(//h1//a[contains(concat(' ', normalize-space(@class), ' '), ' org-link ')])

# The pipeline tag, a machine tag such as "image-text-to-text" or "text-generation"; the
# display label ("Image-Text-to-Text") as a fallback.
kind = normalize-space(//a[@data-tag-type='pipeline_tag']/@data-tag)
kind = normalize-space(//a[@data-tag-type='pipeline_tag'])

# The licence tag: "apache-2.0", "mit", "llama4", "other"...
license = normalize-space(//a[@data-tag-type='license']/@data-tag)
license = normalize-space(substring-after(normalize-space(//a[@data-tag-type='license']), 'License:'))

# The sidebar's "Model size": "2.25B params" (may hold a raw NBSP between number and unit).
parameter_sizes = normalize-space(//*[@data-testid='model-size']/*[contains(concat(' ', normalize-space(@class), ' '), ' value ')])
parameter_sizes = normalize-space(substring-after(normalize-space(//*[@data-testid='model-size']), 'Model size'))

# The first paragraph of the model card that has text (skips image-only paragraphs).
description = normalize-space((//*[@data-target='ModelCard']//p[normalize-space()])[1])

# A Hub model's own page is its home: the canonical URL, or og:url when there is none
# (only on model pages, hence the predicate).
homepage = normalize-space(//head/link[@rel='canonical'][//h1//a[@data-model-name]]/@href)
homepage = normalize-space(//head/meta[@property='og:url'][//h1//a[@data-model-name]]/@content)

# No category, tagline or price on a model page: category follows from kind, the rest from
# other sources.
