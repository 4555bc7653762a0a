// The unit test module's entry point; each *_test.cpp adds one suite named after its module.
#define BOOST_TEST_MODULE tool_verdicts_unit
#include <boost/test/unit_test.hpp>
