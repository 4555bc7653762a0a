#include "stages/normalise/normalise.hpp"

#include "stages/extract/body_facts.hpp"
#include "stages/extract/generic.hpp"
#include "stages/html/encoding.hpp"
#include "stages/normalise/fields/category.hpp"
#include "stages/normalise/fields/kind.hpp"
#include "stages/normalise/fields/text.hpp"
#include "stages/normalise/fields/url.hpp"
#include "stages/normalise/fields/vendor.hpp"

namespace tv {
namespace {

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxTagline = 160;
constexpr std::size_t kMaxDescription = 4000;

struct Picked {
  std::string value;
  std::string rule;
};

// The first fact that is still non-empty once cleaned.
std::optional<Picked> first_clean(const std::vector<extract::Fact>& facts, std::size_t max_len = 0) {
  for (const auto& f : facts) {
    std::string v = fields::clean_decoded_text(f.value);
    if (v.empty() || (max_len && v.size() > max_len)) continue;
    return Picked{std::move(v), f.rule};
  }
  return std::nullopt;
}

bool has_alnum(const std::string& s) {
  for (unsigned char c : s)
    if (std::isalnum(c) || c >= 0x80) return true;
  return false;
}

// Cuts at the last space before `max` bytes (never inside a UTF-8 sequence) and adds "…".
std::string shorten(const std::string& s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t cut = s.rfind(' ', max);
  if (cut == std::string::npos || cut < max / 2) {
    cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  }
  return s.substr(0, cut) + "…";
}

std::string first_sentence(const std::string& s) {
  for (std::size_t i = 0; i + 1 < s.size(); ++i)
    if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && s[i + 1] == ' ') return s.substr(0, i + 1);
  return s;
}

std::string name_reason() {
  return "no tool name found: the page has no usable name in its site profile, JSON-LD, "
         "og:title, twitter:title, DC.title, <h1> or <title>. If this is a tool page, add an "
         "extraction profile for its site (docs/profiles.md); if not, it does not belong in the inbox.";
}

void pick_sizes(const extract::PageFacts& f, ToolRecord& r, const Provenance& base) {
  auto first_parsed = [&](const std::vector<extract::Fact>& facts) {
    for (const auto& fact : facts) {
      auto sizes = fields::parse_sizes(fields::clean_decoded_text(fact.value));
      if (!sizes.empty()) {
        r.parameter_sizes.set(std::move(sizes), {base.file, fact.rule + " -> sizes"});
        return true;
      }
    }
    return false;
  };
  // The body's prose is read only when nothing states sizes in a field.
  if (first_parsed(f.parameter_sizes) || first_parsed(extract::prose_sizes(f.prose))) return;
  auto from_name = fields::split_name_sizes(r.name.value).sizes;
  if (!from_name.empty()) {
    r.parameter_sizes.set(std::move(from_name), {base.file, r.name.from.rule + " -> size in name"});
    return;
  }
  if (r.description.present) {
    auto prose = fields::sizes_in_prose(r.description.value);
    if (!prose.empty())
      r.parameter_sizes.set(std::move(prose), {base.file, r.description.from.rule + " -> sizes in prose"});
  }
}

}  // namespace

PageResult normalise_page(std::string_view bytes, const std::string& file_name,
                          const extract::ProfileSet& profiles, const html::ParseLimits& limits,
                          html::RawText raw) {
  PageResult out;
  if (bytes.size() > limits.max_bytes) {
    out.reason = "the page is " + std::to_string(bytes.size()) + " bytes; the largest page the pipeline reads is " +
                 std::to_string(limits.max_bytes) + " bytes (limits.max_page_bytes)";
    return out;
  }
  auto decoded = html::decode_to_utf8(bytes);
  if (!decoded.ok) {
    out.reason = decoded.error;
    return out;
  }
  pugi::xml_document doc;
  std::string error;
  if (!html::parse_html(decoded.utf8, limits, doc, &error, nullptr, raw)) {
    out.reason = error;
    return out;
  }
  auto f = extract::extract_facts(doc, profiles);

  ToolRecord r;
  r.source_file = file_name;
  r.encoding = decoded.encoding + " (" + decoded.rule + ")";
  r.profile = f.profile;
  auto at = [&](const std::string& rule) { return Provenance{file_name, rule}; };

  auto name = first_clean(f.name, kMaxName);
  if (!name || !has_alnum(name->value)) {
    out.reason = name_reason();
    return out;
  }
  r.name.set(name->value, at(name->rule));

  if (auto d = first_clean(f.description)) {
    if (d->value.size() > kMaxDescription) r.notes.push_back("description shortened to " + std::to_string(kMaxDescription) + " bytes");
    r.description.set(shorten(d->value, kMaxDescription), at(d->rule));
  }
  for (const auto& t : f.tagline) {
    std::string v = fields::clean_decoded_text(t.value);
    if (v.empty() || v.size() > kMaxTagline || (r.description.present && v == r.description.value)) continue;
    r.tagline.set(v, at(t.rule));
    break;
  }
  if (!r.tagline.present && r.description.present) {
    std::string s = first_sentence(r.description.value);
    if (s.size() <= kMaxTagline && s != r.description.value)
      r.tagline.set(s, at(r.description.from.rule + " -> first sentence"));
  }

  // Prose and a company blog's publisher are read only when nothing more trusted names a maker.
  std::vector<extract::Fact> late;
  const std::vector<extract::Fact>* vendors = &f.vendor;
  if (!first_clean(f.vendor)) {
    late = extract::prose_vendors(f.prose);
    late.insert(late.end(), f.own_site_publisher.begin(), f.own_site_publisher.end());
    vendors = &late;
  }
  if (auto v = first_clean(*vendors); v && fields::is_reuploader(v->value)) {
    // A re-uploader (a GGUF/MLX/AWQ conversion) is not the maker: the base model's maker is.
    if (auto maker = fields::maker_of_reupload(v->value, r.name.value))
      r.vendor.set(*maker, at(v->rule + " -> re-upload by " + v->value + " of a " + *maker + " model"));
    else
      r.notes.push_back("re-uploaded by " + v->value + " (" + v->rule + "); the maker of the base model is not known");
  } else if (v) {
    r.vendor.set(fields::canonical_vendor(v->value), at(v->rule));
  } else {
    for (const auto* prose : {&r.description, &r.tagline})
      if (prose->present)
        if (auto p = fields::vendor_in_prose(prose->value)) {
          r.vendor.set(*p, at(prose->from.rule + " -> vendor in prose"));
          break;
        }
  }

  for (const auto& l : f.license) {
    if (auto lic = fields::parse_license(fields::clean_decoded_text(l.value))) {
      r.license.set(*lic, at(l.rule));
      break;
    }
    r.notes.push_back("licence text \"" + fields::clean_decoded_text(l.value) + "\" (" + l.rule + ") names no licence");
  }
  if (!r.license.present)
    for (const auto& l : extract::prose_licenses(f.prose))
      if (auto lic = fields::parse_license(l.value)) {
        r.license.set(*lic, at(l.rule));
        break;
      }
  if (!r.license.present && r.description.present)
    if (auto lic = fields::license_in_prose(r.description.value))
      r.license.set(*lic, at(r.description.from.rule + " -> licence in prose"));

  for (const auto& p : f.price) {
    auto parsed = fields::parse_price(fields::clean_decoded_text(p.value));
    if (parsed.price) {
      r.price.set(*parsed.price, at(p.rule));
      break;
    }
    r.notes.push_back("price \"" + fields::clean_decoded_text(p.value) + "\" (" + p.rule + ") rejected: " + parsed.error);
  }

  pick_sizes(f, r, at(""));

  {
    auto tag = first_clean(f.kind);
    std::string text = r.name.value + " " + (r.description.present ? r.description.value : "");
    std::string kind = fields::infer_kind(tag ? tag->value : "", text);
    if (!kind.empty())
      r.kind.set(kind, at(tag ? tag->rule + " -> kind" : "kind inferred from name and description"));
  }

  if (auto c = first_clean(f.category)) {
    if (auto cat = fields::canonical_category(c->value); !cat.empty()) r.category.set(cat, at(c->rule));
  }
  if (!r.category.present && r.kind.present) {
    if (auto cat = fields::category_for_kind(r.kind.value); !cat.empty())
      r.category.set(cat, at("category from kind " + r.kind.value));
  }

  for (const auto& u : f.url)
    if (auto clean = fields::clean_url(fields::clean_decoded_text(u.value))) {
      r.source_url.set(*clean, at(u.rule));
      break;
    }
  for (const auto& u : f.homepage)
    if (auto clean = fields::clean_url(fields::clean_decoded_text(u.value))) {
      r.homepage.set(*clean, at(u.rule));
      break;
    }

  out.record = std::move(r);
  return out;
}

}  // namespace tv
