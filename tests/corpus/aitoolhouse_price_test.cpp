// parse_price over every distinct "Price Text" of the aitoolhouse directory scrape
// (../shared/corpus/ai-tools-aitoolhouse, internal: read at test time only, nothing copied).
// Checks the contract (a price or an error, never both, never neither, never a crash) and
// reports how the parser's tier agrees with the directory's own "Pricing" column.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "corpus_path.hpp"
#include "stages/normalise/fields/price.hpp"

namespace {

using tv::fields::PriceTier;

// RFC 4180 CSV: quoted fields with commas, doubled quotes and newlines inside; CRLF or LF.
std::vector<std::vector<std::string>> read_csv(const std::string& data) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  bool field_started = false;
  for (std::size_t i = 0; i < data.size(); ++i) {
    const char c = data[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < data.size() && data[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field.push_back(c);
      }
      continue;
    }
    if (c == '"' && !field_started) {
      quoted = true;
      field_started = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      field_started = false;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      field_started = false;
      rows.push_back(std::move(row));
      row.clear();
    } else {
      field.push_back(c);
      field_started = true;
    }
  }
  if (field_started || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

// An error message with its quoted text masked, so errors group by reason:
// `negative amount "-1" is not a price` -> `negative amount "…" is not a price`.
std::string reason_of(const std::string& error) {
  std::string out;
  bool in_quote = false;
  for (char c : error) {
    if (c == '"') {
      if (!in_quote) out += "\"\u2026\"";
      in_quote = !in_quote;
      continue;
    }
    if (!in_quote) out.push_back(c);
  }
  // "amount 20000000 in ..." -> "amount N in ..."
  std::string masked;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] >= '0' && out[i] <= '9' && (i == 0 || out[i - 1] == ' ')) {
      while (i < out.size() && ((out[i] >= '0' && out[i] <= '9') || out[i] == '.')) ++i;
      masked += "N";
      if (i < out.size()) masked.push_back(out[i]);
      continue;
    }
    masked.push_back(out[i]);
  }
  return masked;
}

// The directory's tiers for one row ("Free Trial, Freemium" -> {free_trial, freemium}), read
// with parse_price itself; "Deals" names no tier and is skipped.
std::set<PriceTier> directory_tiers(const std::string& pricing) {
  std::set<PriceTier> out;
  std::stringstream ss(pricing);
  std::string part;
  while (std::getline(ss, part, ',')) {
    auto r = tv::fields::parse_price(part);
    if (r.price) out.insert(r.price->tier);
  }
  return out;
}

// The directory has no usage tier: pay-per-use tools are filed under "Paid".
PriceTier as_directory_tier(PriceTier t) { return t == PriceTier::usage ? PriceTier::paid : t; }

}  // namespace

BOOST_AUTO_TEST_SUITE(aitoolhouse_price)

BOOST_AUTO_TEST_CASE(every_price_text_parses_or_is_rejected_with_a_reason,
                     *boost::unit_test::precondition(tv::test::corpus_present("ai-tools-aitoolhouse"))) {
  const auto path = tv::test::corpus_dir() / "ai-tools-aitoolhouse" / "all_ai_tools_detailed.csv";
  std::ifstream in(path, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in, "cannot open " << path.string());
  std::stringstream buf;
  buf << in.rdbuf();
  const auto rows = read_csv(buf.str());
  BOOST_REQUIRE_GT(rows.size(), 1u);
  const auto& header = rows[0];
  const auto col = [&](std::string_view name) {
    const auto it = std::find(header.begin(), header.end(), name);
    BOOST_REQUIRE_MESSAGE(it != header.end(), "no column " << name);
    return static_cast<std::size_t>(it - header.begin());
  };
  const std::size_t price_col = col("Price Text");
  const std::size_t tier_col = col("Pricing");
  BOOST_TEST_MESSAGE("aitoolhouse: " << rows.size() - 1 << " rows");

  std::map<std::string, tv::fields::PriceParse> parsed;  // distinct text -> result
  std::size_t bad_rows = 0;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].size() != header.size()) {
      ++bad_rows;
      continue;
    }
    const std::string& text = rows[r][price_col];
    if (text.empty() || parsed.count(text)) continue;
    auto result = tv::fields::parse_price(text);
    // The contract: exactly one of price / error.
    BOOST_TEST((result.price.has_value() != !result.error.empty()),
               "price and error both " << (result.price ? "set" : "unset") << " for a row");
    if (result.price) {
      BOOST_TEST(!result.price->display.empty());
      if (result.price->amount) BOOST_TEST(*result.price->amount > 0);
    }
    parsed.emplace(text, std::move(result));
  }
  BOOST_TEST(bad_rows == 0u, bad_rows << " rows have the wrong number of fields");

  std::size_t ok = 0, rejected = 0;
  std::map<std::string, std::size_t> reasons;
  for (const auto& [text, result] : parsed) {
    if (result.price) {
      ++ok;
    } else {
      ++rejected;
      ++reasons[reason_of(result.error)];
    }
  }
  std::vector<std::pair<std::string, std::size_t>> by_count(reasons.begin(), reasons.end());
  std::sort(by_count.begin(), by_count.end(),
            [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
  if (by_count.size() > 20) by_count.resize(20);
  for (const auto& [reason, n] : by_count) BOOST_TEST_MESSAGE("  rejected x" << n << ": " << reason);

  // Tier agreement, per row where both our tier and the directory's exist. Strict: our tier is
  // one of the row's tiers (usage counted as paid). Consistent: the text cannot contradict the
  // row: an amount > 0 fits Paid, Freemium and Free Trial (all have paid plans); free fits Free
  // and Freemium.
  std::size_t both = 0, agree = 0, consistent = 0, combined_agree = 0, combined_n = 0;
  std::map<std::string, std::size_t> confusion;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].size() != header.size()) continue;
    const std::string& text = rows[r][price_col];
    if (text.empty()) continue;
    const auto& result = parsed.at(text);
    const auto theirs = directory_tiers(rows[r][tier_col]);
    if (!result.price || theirs.empty()) continue;
    ++both;
    const PriceTier ours = as_directory_tier(result.price->tier);
    if (theirs.count(ours)) ++agree;
    const bool has_paid_plans = theirs.count(PriceTier::paid) || theirs.count(PriceTier::freemium) ||
                                theirs.count(PriceTier::free_trial);
    const bool fits = theirs.count(ours) ||
                      (ours == PriceTier::paid && has_paid_plans) ||
                      (ours == PriceTier::free && theirs.count(PriceTier::freemium));
    if (fits) ++consistent;
    ++confusion[std::string(tv::fields::to_string(result.price->tier)) + " vs " + rows[r][tier_col]];
    // What the normaliser can do with both fields: the directory's tier, then the text.
    auto joined = tv::fields::parse_price(rows[r][tier_col] + ", " + text);
    if (joined.price) {
      ++combined_n;
      if (theirs.count(as_directory_tier(joined.price->tier))) ++combined_agree;
    }
  }
  std::vector<std::pair<std::string, std::size_t>> conf(confusion.begin(), confusion.end());
  std::sort(conf.begin(), conf.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (conf.size() > 12) conf.resize(12);
  for (const auto& [pair, n] : conf) BOOST_TEST_MESSAGE("  tier ours vs directory x" << n << ": " << pair);

  const auto pct = [](std::size_t a, std::size_t b) { return b ? 100.0 * static_cast<double>(a) / static_cast<double>(b) : 0.0; };
  char line[256];
  std::snprintf(line, sizeof line, "aitoolhouse prices: %zu distinct, %zu parsed, %zu rejected, tier agreement %.1f%%",
                parsed.size(), ok, rejected, pct(agree, both));
  BOOST_TEST_MESSAGE(line);
  std::snprintf(line, sizeof line,
                "  (%zu rows with both tiers; consistent with the directory %.1f%%; "
                "tier + text parsed together agree %.1f%% of %zu rows)",
                both, pct(consistent, both), pct(combined_agree, combined_n), combined_n);
  BOOST_TEST_MESSAGE(line);

  // Floors well below today's figures: a regression, not noise, trips them.
  BOOST_TEST(ok >= parsed.size() * 85 / 100);
  BOOST_TEST(pct(consistent, both) >= 90.0);
  BOOST_TEST(pct(combined_agree, combined_n) >= 90.0);
}

BOOST_AUTO_TEST_SUITE_END()
