# Extraction profile: the site's own tool pages (https://tool-verdicts.example/tools/<slug>).
# Format and rules: docs/profiles.md.
#
# The page's tool is the <article class="tool-card tool-card--page"> (id="tool"), which carries
# the machine-readable facts as data attributes:
#   data-vendor="Hugging Face"  data-license="Apache-2.0"  data-sizes="70B & 400B"
#   data-kind="vision-language"  data-slug="smolvlm2"
# Every page also shows "tool-card tool-card--mini" cards of the tools it is compared with,
# each with its own .tool-name and .tool-tagline -- sometimes BEFORE the main card in document
# order. So every expression is scoped to the --page card; the second line of each field falls
# back to the card with id="tool" for pages written before the --page class existed.

hosts = tool-verdicts.example

name = normalize-space(//article[contains(concat(' ', normalize-space(@class), ' '), ' tool-card--page ')]//*[contains(concat(' ', normalize-space(@class), ' '), ' tool-name ')])
name = normalize-space(//*[@id='tool']//*[contains(concat(' ', normalize-space(@class), ' '), ' tool-name ')])

vendor = normalize-space(//article[contains(concat(' ', normalize-space(@class), ' '), ' tool-card--page ')]/@data-vendor)
vendor = normalize-space(//*[@id='tool']/@data-vendor)

category = normalize-space(//article[contains(concat(' ', normalize-space(@class), ' '), ' tool-card--page ')]//*[contains(concat(' ', normalize-space(@class), ' '), ' tool-category ')])
category = normalize-space(//*[@id='tool']//*[contains(concat(' ', normalize-space(@class), ' '), ' tool-category ')])

tagline = normalize-space(//article[contains(concat(' ', normalize-space(@class), ' '), ' tool-card--page ')]//*[contains(concat(' ', normalize-space(@class), ' '), ' tool-tagline ')])
tagline = normalize-space(//*[@id='tool']//*[contains(concat(' ', normalize-space(@class), ' '), ' tool-tagline ')])

description = normalize-space(//article[contains(concat(' ', normalize-space(@class), ' '), ' tool-card--page ')]//*[contains(concat(' ', normalize-space(@class), ' '), ' tool-description ')])
description = normalize-space(//*[@id='tool']//*[contains(concat(' ', normalize-space(@class), ' '), ' tool-description ')])

# The "Entry" figure: "Free", "$39/month", "Contact for pricing"...
price = normalize-space(//article[contains(concat(' ', normalize-space(@class), ' '), ' tool-card--page ')]//*[contains(concat(' ', normalize-space(@class), ' '), ' tool-entry-price ')])
price = normalize-space(//*[@id='tool']//*[contains(concat(' ', normalize-space(@class), ' '), ' tool-entry-price ')])

license = normalize-space(//article[contains(concat(' ', normalize-space(@class), ' '), ' tool-card--page ')]/@data-license)
license = normalize-space(//*[@id='tool']/@data-license)

parameter_sizes = normalize-space(//article[contains(concat(' ', normalize-space(@class), ' '), ' tool-card--page ')]/@data-sizes)
parameter_sizes = normalize-space(//*[@id='tool']/@data-sizes)

kind = normalize-space(//article[contains(concat(' ', normalize-space(@class), ' '), ' tool-card--page ')]/@data-kind)
kind = normalize-space(//*[@id='tool']/@data-kind)

homepage = normalize-space(//article[contains(concat(' ', normalize-space(@class), ' '), ' tool-card--page ')]//a[contains(concat(' ', normalize-space(@class), ' '), ' tool-homepage ')]/@href)
homepage = normalize-space(//*[@id='tool']//a[contains(concat(' ', normalize-space(@class), ' '), ' tool-homepage ')]/@href)
