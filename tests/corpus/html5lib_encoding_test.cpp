// html5lib encoding-sniffing conformance of decode_to_utf8 / prescan_meta_charset.
//
// Runs ../shared/corpus/html5lib-tests/encoding/tests1.dat and tests2.dat ("#data" bytes,
// "#encoding" expected). The tests assume a browser whose default is windows-1252 and which
// does no content sniffing, so when decode_to_utf8 finds no BOM and no declaration (its rules
// "valid utf-8", "mostly valid utf-8", "fallback windows-1252") the sniffed encoding is taken
// to be windows-1252. A case expecting an encoding we cannot transcode (ISO-8859-2, EUC-JP)
// passes as "expected-unsupported" when decode refuses the page naming that encoding.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "stages/html/encoding.hpp"
#include "tests/corpus/corpus_path.hpp"
#include "tests/corpus/html5lib_dat.hpp"

namespace fs = std::filesystem;

namespace {

// Measured: 74 passed (28 of them expected-unsupported), 7 failed of 81. The seven failures
// are exactly the cases whose <meta> starts beyond byte 1024 (behind comments of 2048 to 8193
// characters): the tests predate the standard's advice to prescan only 1024 bytes, which we
// follow on purpose. The floor sits just under the measurement.
constexpr int kPassFloor = 72;

struct EncodingCase {
  std::string where;
  std::string data;
  std::string expected;
};

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return s;
}

std::vector<EncodingCase> read_cases(const fs::path& file) {
  std::vector<EncodingCase> cases;
  for (const auto& d : tv::test::read_dat(file)) cases.push_back({d.where, d.data(), d.trimmed("encoding")});
  return cases;
}

bool supported(const std::string& name) {
  static const char* const kSupported[] = {"utf-8", "windows-1252", "iso-8859-15", "utf-16le",
                                           "utf-16be"};
  return std::find(std::begin(kSupported), std::end(kSupported), lower(name)) !=
         std::end(kSupported);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(html5lib_encoding)

BOOST_AUTO_TEST_CASE(sniffing,
                     *boost::unit_test::precondition(tv::test::corpus_present("html5lib-tests"))) {
  const fs::path dir = tv::test::corpus_dir() / "html5lib-tests" / "encoding";
  const fs::path report = tv::test::report_dir() / "html5lib_encoding_failures.txt";
  std::ofstream failures(report, std::ios::binary);
  int passed = 0, unsupported = 0, failed = 0, total = 0;
  for (const char* name : {"tests1.dat", "tests2.dat"}) {
    const std::vector<EncodingCase> cases = read_cases(dir / name);
    BOOST_TEST_REQUIRE(!cases.empty(), name << " has no cases");
    for (const EncodingCase& c : cases) {
      ++total;
      const tv::html::Decoded d = tv::html::decode_to_utf8(c.data);
      const bool undeclared = d.rule == "valid utf-8" || d.rule == "mostly valid utf-8" ||
                              d.rule == "fallback windows-1252";
      const std::string sniffed = undeclared ? "windows-1252" : d.encoding;
      bool ok;
      if (supported(c.expected)) {
        ok = d.ok && lower(sniffed) == lower(c.expected);
      } else {
        ok = !d.ok && lower(d.encoding) == lower(c.expected) &&
             d.error.find(d.encoding) != std::string::npos;
        if (ok) ++unsupported;
      }
      // The prescan alone must agree with decode whenever a <meta> decided.
      if (ok && (d.rule == "meta charset" || d.rule == "http-equiv"))
        ok = lower(tv::html::prescan_meta_charset(c.data)) == lower(d.encoding);
      if (ok) {
        ++passed;
        continue;
      }
      ++failed;
      failures << "=== " << c.where << "\n#data\n"
               << c.data << "\n#expected\n"
               << c.expected << "\n#got\n"
               << (d.ok ? "" : "refused: ") << sniffed << " (rule: " << d.rule << ") "
               << d.error << "\n\n";
    }
  }
  std::cout << "html5lib encoding: " << passed << " passed (" << unsupported
            << " of them expected-unsupported), " << failed << " failed of " << total
            << " (failures in " << report.string() << ")\n";
  BOOST_TEST(passed + failed == total);
  BOOST_TEST(passed >= kPassFloor);
}

BOOST_AUTO_TEST_SUITE_END()
