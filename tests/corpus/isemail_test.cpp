// valid_address over both is_email test sets (../shared/corpus/isemail-address-tests,
// tests.xml and tests-original.xml, BSD-3; read at test time only, nothing copied). Each case
// carries is_email's category and diagnosis; our policy (docs/subscribers.md) is stricter, so
// the expected verdict is derived from the diagnosis:
//   VALID, DNSWARN (syntactically valid; DNS is not our business) -> accepted, except a domain
//     without a dot (our policy wants at least two labels: "test@io", "a@b");
//   RFC5321_QUOTEDSTRING -> accepted, except the empty quoted string ""@...;
//   everything else -> rejected: ERR (not an address), and what we refuse on purpose:
//     RFC5321 address literals and numeric TLDs, RFC5322 (domain literals, too long), CFWS and
//     DEPREC (comments, folding white space, obsolete forms).
// The control characters of the XML are written as U+2400 + n and decoded here.
#include <boost/test/unit_test.hpp>

#include <pugixml.hpp>

#include <map>
#include <sstream>
#include <string>

#include "corpus_path.hpp"
#include "stages/digest/subscribers.hpp"

namespace {

// U+2400..U+241F (E2 90 80..9F) stand for the control characters 0..31.
std::string decode_controls(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i + 2 < s.size() && s[i] == '\xE2' && s[i + 1] == '\x90' && static_cast<unsigned char>(s[i + 2]) >= 0x80 &&
        static_cast<unsigned char>(s[i + 2]) <= 0x9F) {
      out += static_cast<char>(static_cast<unsigned char>(s[i + 2]) - 0x80);
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string strip(std::string s, const std::string& prefix) {
  return s.rfind(prefix, 0) == 0 ? s.substr(prefix.size()) : s;
}

bool expected_valid(const std::string& category, const std::string& diagnosis, const std::string& address) {
  if (category == "VALID_CATEGORY" || category == "DNSWARN") {
    const std::size_t at = address.rfind('@');
    return at != std::string::npos && address.find('.', at) != std::string::npos;
  }
  if (diagnosis == "RFC5321_QUOTEDSTRING") return address.rfind("\"\"@", 0) != 0;
  return false;
}

struct Tally {
  int accepted = 0, rejected = 0;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(isemail)

BOOST_AUTO_TEST_CASE(valid_address_follows_the_written_policy_on_every_isemail_case,
                     *boost::unit_test::precondition(tv::test::corpus_present("isemail-address-tests"))) {
  std::map<std::string, Tally> by_category, by_diagnosis;
  int cases = 0;
  for (const char* file : {"tests.xml", "tests-original.xml"}) {
    const auto path = tv::test::corpus_dir() / "isemail-address-tests" / file;
    pugi::xml_document doc;
    const pugi::xml_parse_result parsed = doc.load_file(path.c_str());
    BOOST_TEST_REQUIRE(static_cast<bool>(parsed), path.string() << ": " << parsed.description());
    for (const pugi::xml_node test : doc.child("tests").children("test")) {
      const std::string id = test.attribute("id").value();
      const std::string address = decode_controls(test.child_value("address"));
      const std::string category = strip(test.child_value("category"), "ISEMAIL_");
      const std::string diagnosis = strip(test.child_value("diagnosis"), "ISEMAIL_");
      BOOST_TEST_REQUIRE(!category.empty(), file << " #" << id << " has no category");
      const bool want = expected_valid(category, diagnosis, address);
      const bool got = tv::digest::valid_address(address);
      BOOST_TEST(got == want, file << " #" << id << " " << category << "/" << diagnosis << " \"" << address
                                   << "\": expected " << (want ? "accepted" : "rejected") << ", got "
                                   << (got ? "accepted" : "rejected: " + tv::digest::address_problem(address)));
      auto& c = by_category[category];
      auto& d = by_diagnosis[diagnosis];
      (got ? c.accepted : c.rejected) += 1;
      (got ? d.accepted : d.rejected) += 1;
      ++cases;
    }
  }
  BOOST_TEST(cases == 164 + 279);

  std::ostringstream summary;
  summary << "isemail: " << cases << " cases; accepted/rejected per category:";
  for (const auto& [name, t] : by_category) summary << "\n  " << name << ": " << t.accepted << "/" << t.rejected;
  summary << "\nper diagnosis, outside ERR:";
  for (const auto& [name, t] : by_diagnosis)
    if (name.rfind("ERR_", 0) != 0) summary << "\n  " << name << ": " << t.accepted << "/" << t.rejected;
  BOOST_TEST_MESSAGE(summary.str());
}

BOOST_AUTO_TEST_SUITE_END()
