// license: licence fields and tags to SPDX ids or named licences; licences stated in prose.
#include <boost/test/unit_test.hpp>
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>

#include <chrono>
#include <ostream>
#include <string>

#include "stages/normalise/fields/license.hpp"

namespace bdata = boost::unit_test::data;
using namespace tv::fields;

namespace {

constexpr const char* kNone = "<none>";

struct Case {
  std::string in;
  std::string spdx;
  std::string name;  // kNone: nullopt expected
};
std::ostream& operator<<(std::ostream& os, const Case& c) { return os << "[" << c.in << "]"; }

const Case kFields[] = {
    // Apache
    {"Apache 2.0", "Apache-2.0", "Apache License 2.0"},
    {"Apache License 2.0", "Apache-2.0", "Apache License 2.0"},
    {"apache-2.0", "Apache-2.0", "Apache License 2.0"},
    {"Apache-2.0", "Apache-2.0", "Apache License 2.0"},
    {"Apache License, Version 2.0", "Apache-2.0", "Apache License 2.0"},
    {"Apache v2", "Apache-2.0", "Apache License 2.0"},
    {"Apache License 2.0 (Apache-2.0)", "Apache-2.0", "Apache License 2.0"},
    {"Apache", "", "Apache License"},
    {"https://www.apache.org/licenses/LICENSE-2.0", "Apache-2.0", "Apache License 2.0"},
    {"http://www.apache.org/licenses/LICENSE-2.0.txt", "Apache-2.0", "Apache License 2.0"},
    // MIT, BSD and friends
    {"MIT", "MIT", "MIT License"},
    {"MIT License", "MIT", "MIT License"},
    {"mit", "MIT", "MIT License"},
    {"The MIT License (MIT)", "MIT", "MIT License"},
    {"MIT-0", "MIT-0", "MIT No Attribution"},
    {"https://opensource.org/licenses/MIT", "MIT", "MIT License"},
    {"BSD-3-Clause", "BSD-3-Clause", "BSD 3-Clause License"},
    {"bsd-3-clause", "BSD-3-Clause", "BSD 3-Clause License"},
    {"New BSD License", "BSD-3-Clause", "BSD 3-Clause License"},
    {"BSD-2-Clause", "BSD-2-Clause", "BSD 2-Clause License"},
    {"bsd-3-clause-clear", "BSD-3-Clause-Clear", "BSD 3-Clause Clear License"},
    {"bsd", "", "BSD License"},
    {"ISC", "ISC", "ISC License"},
    {"MPL-2.0", "MPL-2.0", "Mozilla Public License 2.0"},
    {"Mozilla Public License 2.0", "MPL-2.0", "Mozilla Public License 2.0"},
    {"Unlicense", "Unlicense", "The Unlicense"},
    {"bsl-1.0", "BSL-1.0", "Boost Software License 1.0"},
    {"afl-3.0", "AFL-3.0", "Academic Free License 3.0"},
    {"artistic-2.0", "Artistic-2.0", "Artistic License 2.0"},
    {"ecl-2.0", "ECL-2.0", "Educational Community License 2.0"},
    {"epl-2.0", "EPL-2.0", "Eclipse Public License 2.0"},
    {"eupl-1.2", "EUPL-1.2", "European Union Public License 1.2"},
    {"osl-3.0", "OSL-3.0", "Open Software License 3.0"},
    {"postgresql", "PostgreSQL", "PostgreSQL License"},
    {"ofl-1.1", "OFL-1.1", "SIL Open Font License 1.1"},
    {"wtfpl", "WTFPL", "WTFPL"},
    {"zlib", "Zlib", "zlib License"},
    {"odbl", "ODbL-1.0", "Open Database License 1.0"},
    {"odc-by", "ODC-By-1.0", "Open Data Commons Attribution License 1.0"},
    {"pddl", "PDDL-1.0", "Open Data Commons Public Domain Dedication and License 1.0"},
    {"cdla-permissive-2.0", "CDLA-Permissive-2.0", "Community Data License Agreement Permissive 2.0"},
    {"etalab-2.0", "etalab-2.0", "Etalab Open License 2.0"},
    {"c-uda", "C-UDA-1.0", "Computational Use of Data Agreement 1.0"},
    // GNU
    {"GPL-3.0", "GPL-3.0-only", "GNU GPL v3.0"},
    {"gpl-3.0", "GPL-3.0-only", "GNU GPL v3.0"},
    {"GPLv3", "GPL-3.0-only", "GNU GPL v3.0"},
    {"GPLv3+", "GPL-3.0-or-later", "GNU GPL v3.0 or later"},
    {"GPL-3.0-or-later", "GPL-3.0-or-later", "GNU GPL v3.0 or later"},
    {"GPL-2.0-only", "GPL-2.0-only", "GNU GPL v2.0"},
    {"gpl-2.0", "GPL-2.0-only", "GNU GPL v2.0"},
    {"GNU General Public License v3.0", "GPL-3.0-only", "GNU GPL v3.0"},
    {"AGPL-3.0", "AGPL-3.0-only", "GNU AGPL v3.0"},
    {"agpl-3.0", "AGPL-3.0-only", "GNU AGPL v3.0"},
    {"GNU Affero General Public License v3.0", "AGPL-3.0-only", "GNU AGPL v3.0"},
    {"LGPL", "", "GNU LGPL"},
    {"lgpl-2.1", "LGPL-2.1-only", "GNU LGPL v2.1"},
    {"LGPL-3.0", "LGPL-3.0-only", "GNU LGPL v3.0"},
    {"GNU Lesser General Public License v2.1", "LGPL-2.1-only", "GNU LGPL v2.1"},
    {"GPL", "", "GNU GPL"},
    {"gpl-4.0", "", kNone},
    {"https://www.gnu.org/licenses/gpl-3.0.html", "GPL-3.0-only", "GNU GPL v3.0"},
    // Creative Commons
    {"cc-by-4.0", "CC-BY-4.0", "CC BY 4.0"},
    {"CC-BY-4.0", "CC-BY-4.0", "CC BY 4.0"},
    {"CC BY 4.0", "CC-BY-4.0", "CC BY 4.0"},
    {"cc-by-nc-4.0", "CC-BY-NC-4.0", "CC BY-NC 4.0"},
    {"cc-by-sa-4.0", "CC-BY-SA-4.0", "CC BY-SA 4.0"},
    {"cc-by-nc-sa-4.0", "CC-BY-NC-SA-4.0", "CC BY-NC-SA 4.0"},
    {"CC BY-NC-SA 4.0", "CC-BY-NC-SA-4.0", "CC BY-NC-SA 4.0"},
    {"cc-by-nc-nd-4.0", "CC-BY-NC-ND-4.0", "CC BY-NC-ND 4.0"},
    {"cc-by-nc-2.0", "CC-BY-NC-2.0", "CC BY-NC 2.0"},
    {"Creative Commons Attribution 4.0 International", "CC-BY-4.0", "CC BY 4.0"},
    {"Creative Commons Attribution-NonCommercial 4.0 International", "CC-BY-NC-4.0", "CC BY-NC 4.0"},
    {"Creative Commons Attribution-ShareAlike 3.0 Unported", "CC-BY-SA-3.0", "CC BY-SA 3.0"},
    {"cc0-1.0", "CC0-1.0", "CC0 1.0"},
    {"CC0", "CC0-1.0", "CC0 1.0"},
    {"https://creativecommons.org/licenses/by-nc/4.0/", "CC-BY-NC-4.0", "CC BY-NC 4.0"},
    {"https://creativecommons.org/publicdomain/zero/1.0/", "CC0-1.0", "CC0 1.0"},
    {"CC BY-NC", "", "CC BY-NC"},
    {"cc", "", "Creative Commons"},
    {"cc-by-sa-nd-4.0", "", kNone},  // SA and ND cannot go together
    {"cc-by-9.0", "", kNone},
    // Hub tags as list debris
    {"['cc-by-sa-4.0']", "CC-BY-SA-4.0", "CC BY-SA 4.0"},
    {"[\"mit\"]", "MIT", "MIT License"},
    {"['unknown']", "", kNone},
    // responsible-AI licences: named, no SPDX id
    {"openrail", "", "OpenRAIL"},
    {"openrail++", "", "OpenRAIL++"},
    {"OpenRAIL-M", "", "OpenRAIL-M"},
    {"creativeml-openrail-m", "", "CreativeML OpenRAIL-M"},
    {"CreativeML OpenRAIL-M", "", "CreativeML OpenRAIL-M"},
    {"bigscience-openrail-m", "", "BigScience OpenRAIL-M"},
    {"bigscience-bloom-rail-1.0", "", "BigScience BLOOM RAIL 1.0"},
    {"bigcode-openrail-m", "", "BigCode OpenRAIL-M"},
    // vendors' model licences
    {"llama2", "", "Llama 2 Community License"},
    {"llama3", "", "Llama 3 Community License"},
    {"llama3.1", "", "Llama 3.1 Community License"},
    {"llama3.2", "", "Llama 3.2 Community License"},
    {"llama3.3", "", "Llama 3.3 Community License"},
    {"llama4", "", "Llama 4 Community License"},
    {"Llama community license", "", "Llama Community License"},
    {"Llama Community License", "", "Llama Community License"},
    {"Llama 3.2 Community License", "", "Llama 3.2 Community License"},
    {"Meta Llama 3 Community License Agreement", "", "Llama 3 Community License"},
    {"https://www.llama.com/llama3_1/license/", "", "Llama 3.1 Community License"},
    {"gemma", "", "Gemma Terms of Use"},
    {"Gemma Terms of Use", "", "Gemma Terms of Use"},
    {"https://ai.google.dev/gemma/terms", "", "Gemma Terms of Use"},
    {"apple-amlr", "", "Apple Machine Learning Research Model License"},
    {"deepfloyd-if-license", "", "DeepFloyd IF License"},
    {"Qwen Research License", "", "Qwen Research License"},
    {"proprietary", "", "Proprietary"},
    {"Proprietary", "", "Proprietary"},
    {"All rights reserved", "", "Proprietary"},
    {"permissive research license", "", "Research license (permissive)"},
    {"Research only", "", "Research license"},
    {"non-commercial research license", "", "Research license (non-commercial)"},
    // nothing named
    {"other", "", kNone},
    {"unknown", "", kNone},
    {"Other", "", kNone},
    {"", "", kNone},
    {"   ", "", kNone},
    {"see LICENSE file", "", kNone},
    {"https://huggingface.co/org/model/blob/main/LICENSE", "", kNone},
    {"open source", "", kNone},
    {"free", "", kNone},
};

const Case kProse[] = {
    {"Released under Apache 2.0, it's designed to run on consumer GPUs", "Apache-2.0", "Apache License 2.0"},
    {"Released under Apache 2.0, it's free", "Apache-2.0", "Apache License 2.0"},
    {"downloadable for free under the Llama Community License. The models", "", "Llama Community License"},
    {"The weights are freely available on Hugging Face under the Llama community license.", "",
     "Llama Community License"},
    {"The weights are available under the Llama 4 Community License.", "", "Llama 4 Community License"},
    {"Meta has open-sourced Code Llama 4 in 70B and 400B parameter variants under a permissive "
     "research license, targeting state-of-the-art performance",
     "", "Research license (permissive)"},
    {"A tiny MIT-licensed library.", "MIT", "MIT License"},
    {"The code is licensed under Apache-2.0.", "Apache-2.0", "Apache License 2.0"},
    {"SmolVLM2 is released under the Apache 2.0 license.", "Apache-2.0", "Apache License 2.0"},
    {"This checkpoint uses an MIT license.", "MIT", "MIT License"},
    {"License: CC BY-NC 4.0", "CC-BY-NC-4.0", "CC BY-NC 4.0"},
    {"Weights under CC-BY-NC-4.0; code under MIT.", "CC-BY-NC-4.0", "CC BY-NC 4.0"},
    {"distributed under the terms of the GNU GPL v3", "GPL-3.0-only", "GNU GPL v3.0"},
    {"It is proprietary-licensed.", "", "Proprietary"},
    // nothing stated
    {"A custom commercial license is available. Read the full license or see LICENSE.", "", kNone},
    {"self-hosting, fine-tuning and commercial use within the license terms.", "", kNone},
    {"By clicking Agree, you agree to the License Agreement and acknowledge Meta's Privacy Policy.", "", kNone},
    {"It works under the hood with no setup.", "", kNone},
    {"Runs under 10 seconds on a laptop.", "", kNone},
    {"free to use, fine-tune, and deploy without licensing restrictions.", "", kNone},
    {"An open-source license for everyone.", "", kNone},
    {"", "", kNone},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(license)

BOOST_DATA_TEST_CASE(parse_license_names_one_licence, bdata::make(kFields), c) {
  const auto lic = parse_license(c.in);
  if (c.name == kNone) {
    BOOST_TEST(!lic.has_value(), "got " << (lic ? lic->name : ""));
    return;
  }
  BOOST_REQUIRE(lic.has_value());
  BOOST_TEST(lic->spdx == c.spdx);
  BOOST_TEST(lic->name == c.name);
}

BOOST_DATA_TEST_CASE(license_in_prose_finds_a_stated_licence, bdata::make(kProse), c) {
  const auto lic = license_in_prose(c.in);
  if (c.name == kNone) {
    BOOST_TEST(!lic.has_value(), "got " << (lic ? lic->name : ""));
    return;
  }
  BOOST_REQUIRE(lic.has_value());
  BOOST_TEST(lic->spdx == c.spdx);
  BOOST_TEST(lic->name == c.name);
}

BOOST_AUTO_TEST_CASE(licences_compare_by_value) {
  BOOST_TEST((parse_license("apache-2.0") == parse_license("Apache License, Version 2.0")));
  BOOST_TEST((parse_license("llama3.2") == parse_license("Llama 3.2 Community License")));
}

BOOST_AUTO_TEST_CASE(hostile_input_stays_linear) {
  const auto t0 = std::chrono::steady_clock::now();
  std::string s;
  for (int i = 0; i < 10000; ++i) s += "under the under a license licensed -licensed License: (( ";
  BOOST_TEST(!license_in_prose(s).has_value());
  BOOST_TEST(!parse_license(std::string(100000, 'a')).has_value());
  const auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  BOOST_TEST(secs < 20.0, "took " << secs << " s");  // quadratic behaviour would take minutes
}

BOOST_AUTO_TEST_SUITE_END()
