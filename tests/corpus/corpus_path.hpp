// Where ../shared/corpus is, and a Boost.Test precondition that skips a case when it is absent.
#pragma once
#include <boost/test/unit_test.hpp>
#include <filesystem>

namespace tv::test {

// $TV_CORPUS if set, else <source dir>/../shared/corpus.
std::filesystem::path corpus_dir();

// Where a test writes its detailed report: the folder of the test binary (the build tree),
// never the source tree.
std::filesystem::path report_dir();

// Use as a decorator: BOOST_AUTO_TEST_CASE(x, *boost::unit_test::precondition(corpus_present("html5lib-tests")))
struct corpus_present {
  explicit corpus_present(std::string sub) : sub_(std::move(sub)) {}
  boost::test_tools::assertion_result operator()(boost::unit_test::test_unit_id) const;
 private:
  std::string sub_;
};

}  // namespace tv::test
