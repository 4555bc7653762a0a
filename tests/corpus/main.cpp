// The corpus test module: tests over ../shared/corpus, real material nobody here wrote.
// Each case skips with a message when the corpus is absent.
#define BOOST_TEST_MODULE tool_verdicts_corpus
#include <boost/test/unit_test.hpp>
