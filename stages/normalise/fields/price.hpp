// Prices as scraped: "Free", "Freemium", "Free Trial", "$39/month", "10/mo", "€9 per user / month",
// "0.0004 / 1K tokens", "$2.50 per 1M input tokens", "Contact for Pricing", "Paid". Never throws.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace tv::fields {

enum class PriceTier { free, freemium, free_trial, paid, usage, contact };
std::string_view to_string(PriceTier);

struct Price {
  PriceTier tier = PriceTier::paid;
  std::optional<double> amount;   // the entry amount, e.g. 39; absent for free/contact
  std::string currency;           // ISO 4217: "USD", "EUR", "GBP"...; "" when unstated
  std::string period;             // "month", "year", "week", "day", "one-time", "user/month"
                                  // (per seat), "user", or a usage unit: "1K tokens",
                                  // "1M input tokens", "image", "minute", "10 credits"...;
                                  // "" when unstated
  std::string display;            // short human form: "Free", "$39/month", "$0.0004 / 1K tokens"
};

// Result of parsing: either a price, or a reason the text is not one (shown to editors).
struct PriceParse {
  std::optional<Price> price;
  std::string error;  // e.g. "negative amount \"-1\" is not a price"; empty when price is set
};

// Parses one price text. Rejects nonsense: negative amounts, "-1", "N/A", "null", "[]",
// contradictions ("Paid $0/mo"; a plain "$0/mo" or "0" is free), amounts over 1e7, a unit that
// cannot be read ("3/250"), empty text, text with no price in it. Tiers, periods and the exact
// error texts: docs/field-parsers.md#price.
PriceParse parse_price(std::string_view text);

}  // namespace tv::fields
