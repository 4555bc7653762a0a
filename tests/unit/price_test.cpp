// price: tiers, amounts, currencies, periods and display forms; nonsense rejected with the
// exact reason an editor sees.
#include <boost/test/unit_test.hpp>
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

#include <chrono>
#include <ostream>
#include <string>

#include "stages/normalise/fields/price.hpp"

namespace bdata = boost::unit_test::data;
using namespace tv::fields;

namespace {

constexpr double kNone = -1;  // no amount expected

struct Case {
  std::string in;
  std::string tier;
  double amount;
  std::string currency;
  std::string period;
  std::string display;
};
std::ostream& operator<<(std::ostream& os, const Case& c) { return os << "[" << c.in << "]"; }

struct Reject {
  std::string in;
  std::string error;
};
std::ostream& operator<<(std::ostream& os, const Reject& c) { return os << "[" << c.in << "]"; }

const Case kParsed[] = {
    // tiers without amounts
    {"Free", "free", kNone, "", "", "Free"},
    {"free", "free", kNone, "", "", "Free"},
    {"100% free", "free", kNone, "", "", "Free"},
    {"Completely free", "free", kNone, "", "", "Free"},
    {"Open source", "free", kNone, "", "", "Free"},
    {"kostenlos", "free", kNone, "", "", "Free"},
    {"Gratuit", "free", kNone, "", "", "Free"},
    {"gratuita", "free", kNone, "", "", "Free"},
    {"Kostenlose Version", "freemium", kNone, "", "", "Freemium"},
    {"Version gratuite", "freemium", kNone, "", "", "Freemium"},
    {"Plan gratuito", "freemium", kNone, "", "", "Freemium"},
    {"Freemium", "freemium", kNone, "", "", "Freemium"},
    {"Free plan available", "freemium", kNone, "", "", "Freemium"},
    {"Free Trial", "free_trial", kNone, "", "", "Free trial"},
    {"Free trial available", "free_trial", kNone, "", "", "Free trial"},
    {"14-day free trial", "free_trial", kNone, "", "", "Free trial"},
    {"Contact for Pricing", "contact", kNone, "", "", "Contact for pricing"},
    {"Contact sales", "contact", kNone, "", "", "Contact for pricing"},
    {"Custom pricing", "contact", kNone, "", "", "Contact for pricing"},
    {"Request a quote", "contact", kNone, "", "", "Contact for pricing"},
    {"Paid", "paid", kNone, "", "", "Paid"},
    {"Subscription", "paid", kNone, "", "", "Paid"},
    {"Pay as you go", "usage", kNone, "", "", "Usage-based"},
    {"Usage-based", "usage", kNone, "", "", "Usage-based"},
    // subscriptions
    {"$39/month", "paid", 39, "USD", "month", "$39/month"},
    {"$39 / mo", "paid", 39, "USD", "month", "$39/month"},
    {"$39 per month", "paid", 39, "USD", "month", "$39/month"},
    {"$39/mo.", "paid", 39, "USD", "month", "$39/month"},
    {"$39 monthly", "paid", 39, "USD", "month", "$39/month"},
    {"10/mo", "paid", 10, "", "month", "10/month"},
    {"8.49/mo", "paid", 8.49, "", "month", "8.49/month"},
    {"3.90/mo", "paid", 3.9, "", "month", "3.90/month"},
    {"17.49\u200b/mo", "paid", 17.49, "", "month", "17.49/month"},
    {"6.49 /mo", "paid", 6.49, "", "month", "6.49/month"},
    {"\u20ac9/user/month", "paid", 9, "EUR", "user/month", "\u20ac9/user/month"},
    {"\u20ac9 per user / month", "paid", 9, "EUR", "user/month", "\u20ac9/user/month"},
    {"12 per seat/mo", "paid", 12, "", "user/month", "12/user/month"},
    {"11/member/mo", "paid", 11, "", "user/month", "11/user/month"},
    {"8.49/seat", "paid", 8.49, "", "user", "8.49/user"},
    {"\u00a35 a month", "paid", 5, "GBP", "month", "\u00a35/month"},
    {"$99/yr", "paid", 99, "USD", "year", "$99/year"},
    {"89.99/year", "paid", 89.99, "", "year", "89.99/year"},
    {"$99 billed annually", "paid", 99, "USD", "year", "$99/year"},
    {"$8/mo billed annually", "paid", 8, "USD", "month", "$8/month"},
    {"5.49/wk", "paid", 5.49, "", "week", "5.49/week"},
    {"3/day", "paid", 3, "", "day", "3/day"},
    {"Starts at $10/month", "paid", 10, "USD", "month", "$10/month"},
    {"Starting from $12 per month", "paid", 12, "USD", "month", "$12/month"},
    {"$10 - $50/mo", "paid", 10, "USD", "month", "$10/month"},
    {"$10\u2013$50 per month", "paid", 10, "USD", "month", "$10/month"},
    {"25$/month", "paid", 25, "USD", "month", "$25/month"},
    {"USD 15/month", "paid", 15, "USD", "month", "$15/month"},
    {"15 USD per month", "paid", 15, "USD", "month", "$15/month"},
    {"CHF 39/month", "paid", 39, "CHF", "month", "CHF 39/month"},
    {"9,99 \u20ac/Monat", "paid", 9.99, "EUR", "month", "\u20ac9.99/month"},
    // "per" as German, French and Spanish pages write it; "US$" after the amount
    {"19 \u20ac par mois", "paid", 19, "EUR", "month", "\u20ac19/month"},
    {"ab 49 US$ pro Monat", "paid", 49, "USD", "month", "$49/month"},
    {"\u00e0 partir de 49 US$ par mois", "paid", 49, "USD", "month", "$49/month"},
    {"20 \u20ac im Monat", "paid", 20, "EUR", "month", "\u20ac20/month"},
    {"desde 20 US$ al mes", "paid", 20, "USD", "month", "$20/month"},
    {"Kostenlose Version; Pro ab 20 US$ pro Monat", "freemium", 20, "USD", "month", "Freemium, from $20/month"},
    {"Version gratuite ; offre payante \u00e0 partir de 12 US$ par mois", "freemium", 12, "USD", "month",
     "Freemium, from $12/month"},
    {"Plan gratuito; de pago desde 20 US$ al mes", "freemium", 20, "USD", "month", "Freemium, from $20/month"},
    {"\u20b9499/month", "paid", 499, "INR", "month", "\u20b9499/month"},
    {"A$29/mo", "paid", 29, "AUD", "month", "A$29/month"},
    {"$1,299/year", "paid", 1299, "USD", "year", "$1,299/year"},
    // one-off
    {"$499 one-time", "paid", 499, "USD", "one-time", "$499 one-time"},
    {"8 One-time", "paid", 8, "", "one-time", "8 one-time"},
    {"Lifetime deal $59", "paid", 59, "USD", "one-time", "$59 one-time"},
    {"15/lifetime", "paid", 15, "", "one-time", "15 one-time"},
    {"$49 one time payment", "paid", 49, "USD", "one-time", "$49 one-time"},
    // bare amounts (a directory's "price" column)
    {"From $4.99", "paid", 4.99, "USD", "", "$4.99"},
    {"$10", "paid", 10, "USD", "", "$10"},
    {"10", "paid", 10, "", "", "10"},
    {"27 ", "paid", 27, "", "", "27"},
    {"1.49", "paid", 1.49, "", "", "1.49"},
    // usage
    {"0.0004 / 1K tokens", "usage", 0.0004, "", "1K tokens", "0.0004 / 1K tokens"},
    {"$0.0004 / 1K tokens", "usage", 0.0004, "USD", "1K tokens", "$0.0004 / 1K tokens"},
    {"0.0003 /\u200a1K tokens", "usage", 0.0003, "", "1K tokens", "0.0003 / 1K tokens"},
    {"$2.50 per 1M input tokens", "usage", 2.5, "USD", "1M input tokens", "$2.50 / 1M input tokens"},
    {"$10 per 1,000,000 output tokens", "usage", 10, "USD", "1M output tokens", "$10 / 1M output tokens"},
    {"$0.000042/per request", "usage", 0.000042, "USD", "request", "$0.000042 / request"},
    {"0.02 per credit", "usage", 0.02, "", "credit", "0.02 / credit"},
    {"6/20 credits", "usage", 6, "", "20 credits", "6 / 20 credits"},
    {"12 for 250 credits", "usage", 12, "", "250 credits", "12 / 250 credits"},
    {"3.49/5k words", "usage", 3.49, "", "5K words", "3.49 / 5K words"},
    {"39/1000 summaries", "usage", 39, "", "1K summaries", "39 / 1K summaries"},
    {"0.60/hr", "usage", 0.6, "", "hour", "0.60 / hour"},
    {"$0.084/hour", "usage", 0.084, "USD", "hour", "$0.084 / hour"},
    {"0.17/min", "usage", 0.17, "", "minute", "0.17 / minute"},
    {"0.0003/second", "usage", 0.0003, "", "second", "0.0003 / second"},
    {"6.5/per 20 minutes", "usage", 6.5, "", "20 minutes", "6.50 / 20 minutes"},
    {"0.075 per GB", "usage", 0.075, "", "GB", "0.075 / GB"},
    {"$0.04 per image", "usage", 0.04, "USD", "image", "$0.04 / image"},
    {"2.5/fine-tune", "usage", 2.5, "", "fine-tune", "2.50 / fine-tune"},
    // combinations
    {"Free, paid plans from $9/mo", "freemium", 9, "USD", "month", "Freemium, from $9/month"},
    {"Freemium, 10/mo", "freemium", 10, "", "month", "Freemium, from 10/month"},
    {"Free + $5/mo Pro", "freemium", 5, "USD", "month", "Freemium, from $5/month"},
    {"Free Trial, 29/mo", "free_trial", 29, "", "month", "Free trial, then 29/month"},
    {"14-day free trial, then $10/mo", "free_trial", 10, "USD", "month", "Free trial, then $10/month"},
    {"Free Trial, Freemium", "freemium", kNone, "", "", "Freemium"},
    {"Free Trial, Paid", "free_trial", kNone, "", "", "Free trial"},
    {"Freemium, Contact for Pricing", "freemium", kNone, "", "", "Freemium"},
    {"Contact for pricing, from $99/mo", "paid", 99, "USD", "month", "$99/month"},
    {"$0 - $49/mo", "freemium", 49, "USD", "month", "Freemium, from $49/month"},
    {"Free, then $0.01/credit", "freemium", 0.01, "USD", "credit", "Freemium, from $0.01 / credit"},
    // zero is free
    {"$0/mo", "free", kNone, "", "", "Free"},
    {"$0", "free", kNone, "", "", "Free"},
    {"0", "free", kNone, "", "", "Free"},
    {"0.00", "free", kNone, "", "", "Free"},
    {"Free ($0)", "free", kNone, "", "", "Free"},
    // debris around the text
    {"['Free']", "free", kNone, "", "", "Free"},
    {"  Price:\u00a0$39/month  ", "paid", 39, "USD", "month", "$39/month"},
    {"&#36;39&#x2F;month", "paid", 39, "USD", "month", "$39/month"},
};

const Reject kRejected[] = {
    {"", "empty price text"},
    {"   \u00a0 ", "empty price text"},
    {"[]", "empty list \"[]\" is not a price"},
    {"['']", "empty list \"['']\" is not a price"},
    {"-1", "negative amount \"-1\" is not a price"},
    {"$-5/mo", "negative amount \"$-5/mo\" is not a price"},
    {"-$5", "negative amount \"-$5\" is not a price"},
    {"\u22125 USD", "negative amount \"\u22125 USD\" is not a price"},
    {"N/A", "placeholder \"N/A\" is not a price"},
    {"n/a", "placeholder \"n/a\" is not a price"},
    {"null", "placeholder \"null\" is not a price"},
    {"None", "placeholder \"None\" is not a price"},
    {"undefined", "placeholder \"undefined\" is not a price"},
    {"NaN", "placeholder \"NaN\" is not a price"},
    {"-", "placeholder \"-\" is not a price"},
    {"TBD", "placeholder \"TBD\" is not a price"},
    {"Unknown.", "placeholder \"Unknown.\" is not a price"},
    {"Paid $0/mo", "\"Paid $0/mo\" says paid but the amount is 0"},
    {"$20,000,000", "amount 20000000 in \"$20,000,000\" is over the 10,000,000 limit"},
    {"99999999/mo", "amount 99999999 in \"99999999/mo\" is over the 10,000,000 limit"},
    {"3/250", "unclear unit after the amount in \"3/250\""},
    {"$9 /", "unclear unit after the amount in \"$9 /\""},
    {"Deals", "no price found in \"Deals\""},
    {"See website", "no price found in \"See website\""},
    {"100%", "no price found in \"100%\""},
    {"lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt",
     "no price found in \"lorem ipsum dolor sit amet consectetur adipiscing elit sed\u2026\""},
};

const std::string kMixed[] = {
    "", "Free", "$", "$$$", "/mo", "per", "0/", "/0", "-0", "--1", "1-", "1e9", "1e400",
    "$1e400/mo", "0x10", "NaN/mo", "inf", "$.5", "$5.", "5..5", ",,,", "1,,000", "1,2345,678",
    "\xFF\xFE", "&#-1;", "\u20ac", "free free free", "trial trial", "$0.0000000001/token",
    "1/1/1/1/1/1/1", "per per per", "for 100 credits", "a month", "one-time",
};

}  // namespace

BOOST_AUTO_TEST_SUITE(price)

BOOST_DATA_TEST_CASE(parse_price_reads_real_price_texts, bdata::make(kParsed), c) {
  const PriceParse r = parse_price(c.in);
  BOOST_REQUIRE_MESSAGE(r.price.has_value(), "rejected: " << r.error);
  BOOST_TEST(r.error.empty());
  const Price& p = *r.price;
  BOOST_TEST(std::string(to_string(p.tier)) == c.tier);
  if (c.amount == kNone) {
    BOOST_TEST(!p.amount.has_value());
  } else {
    BOOST_REQUIRE(p.amount.has_value());
    BOOST_TEST(*p.amount == c.amount, boost::test_tools::tolerance(1e-12));
  }
  BOOST_TEST(p.currency == c.currency);
  BOOST_TEST(p.period == c.period);
  BOOST_TEST(p.display == c.display);
}

BOOST_DATA_TEST_CASE(parse_price_rejects_nonsense_with_a_reason, bdata::make(kRejected), c) {
  const PriceParse r = parse_price(c.in);
  BOOST_TEST(!r.price.has_value());
  BOOST_TEST(r.error == c.error);
}

BOOST_DATA_TEST_CASE(parse_price_gives_a_price_or_an_error_never_both, bdata::make(kMixed), text) {
  const PriceParse r = parse_price(text);
  BOOST_TEST(r.price.has_value() == r.error.empty());
  if (r.price) {
    BOOST_TEST(!r.price->display.empty());
    if (r.price->amount) {
      BOOST_TEST(*r.price->amount > 0);
      BOOST_TEST(*r.price->amount <= 1e7);
    }
  }
}

BOOST_AUTO_TEST_CASE(tier_names) {
  BOOST_TEST(to_string(PriceTier::free) == "free");
  BOOST_TEST(to_string(PriceTier::freemium) == "freemium");
  BOOST_TEST(to_string(PriceTier::free_trial) == "free_trial");
  BOOST_TEST(to_string(PriceTier::paid) == "paid");
  BOOST_TEST(to_string(PriceTier::usage) == "usage");
  BOOST_TEST(to_string(PriceTier::contact) == "contact");
}

BOOST_AUTO_TEST_CASE(hostile_input_stays_linear) {
  const auto t0 = std::chrono::steady_clock::now();
  std::string s;
  for (int i = 0; i < 50000; ++i) s += "$1,000,000.5 - $2/per 1k per user/mo free trial contact ";
  const PriceParse r = parse_price(s);
  BOOST_TEST(r.price.has_value() == r.error.empty());
  BOOST_TEST(r.error.size() < 200u);  // the quoted text is cut
  const PriceParse d = parse_price(std::string(300000, '9'));
  BOOST_TEST(!d.price.has_value());
  const auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  BOOST_TEST(secs < 20.0, "took " << secs << " s");  // quadratic behaviour would take minutes
}

BOOST_AUTO_TEST_SUITE_END()
