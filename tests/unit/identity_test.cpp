// Stable identities: a published tool never changes its id or slug.
#include <boost/test/unit_test.hpp>

#include "stages/dedupe/identity.hpp"

using namespace tv::dedupe;

namespace {

KnownIdentities remember(const std::vector<GroupIdentityInput>& groups, const std::vector<Identity>& ids,
                         KnownIdentities known = {}) {
  std::int64_t seq = std::int64_t(known.tools.size());
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (!known.tools.count(ids[g].id)) known.tools[ids[g].id] = {ids[g].id, ids[g].slug, ++seq};
    for (const auto& r : groups[g].records) known.tool_of_record[r] = ids[g].id;
  }
  return known;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(identity)

BOOST_AUTO_TEST_CASE(new_tools_get_slugs_from_names_and_ids_from_records) {
  std::vector<GroupIdentityInput> g{{{"r1"}, "SmolVLM2"}, {{"r2"}, "GPT-4o"}};
  auto ids = assign_identities(g, {});
  BOOST_TEST(ids[0].slug == "smolvlm2");
  BOOST_TEST(ids[1].slug == "gpt-4o");
  BOOST_TEST(ids[0].is_new);
  BOOST_TEST(ids[0].id != ids[1].id);
  BOOST_TEST(assign_identities(g, {})[0].id == ids[0].id);  // same inputs, same id
}

BOOST_AUTO_TEST_CASE(slug_collisions_are_numbered_in_a_fixed_order) {
  std::vector<GroupIdentityInput> g{{{"r9"}, "Gemini"}, {{"r1"}, "gemini"}};
  auto ids = assign_identities(g, {});
  BOOST_TEST(ids[0].slug != ids[1].slug);
  std::vector<GroupIdentityInput> swapped{g[1], g[0]};
  auto again = assign_identities(swapped, {});
  BOOST_TEST(again[0].slug == ids[1].slug);  // the same group gets the same slug in any order
  BOOST_TEST(again[1].slug == ids[0].slug);
}

BOOST_AUTO_TEST_CASE(new_members_and_renames_never_move_a_url) {
  std::vector<GroupIdentityInput> night1{{{"r5"}, "SmolVLM2-2B"}};
  auto ids1 = assign_identities(night1, {});
  auto known = remember(night1, ids1);
  // Night 2: an older-sorting record joins and the name becomes the family form.
  std::vector<GroupIdentityInput> night2{{{"r0", "r5"}, "SmolVLM2"}};
  auto ids2 = assign_identities(night2, known);
  BOOST_TEST(ids2[0].id == ids1[0].id);
  BOOST_TEST(ids2[0].slug == "smolvlm2-2b");
  BOOST_TEST(!ids2[0].is_new);
}

BOOST_AUTO_TEST_CASE(a_merge_keeps_the_bigger_tool_and_absorbs_the_other) {
  std::vector<GroupIdentityInput> night1{{{"a1", "a2"}, "SmolVLM2"}, {{"b1"}, "SmolVLM2-2B"}};
  auto ids1 = assign_identities(night1, {});
  auto known = remember(night1, ids1);
  auto ids2 = assign_identities({{{"a1", "a2", "b1"}, "SmolVLM2"}}, known);
  BOOST_REQUIRE_EQUAL(ids2.size(), 1u);
  BOOST_TEST(ids2[0].id == ids1[0].id);
  BOOST_TEST((ids2[0].absorbed == std::vector<std::string>{ids1[1].id}));
}

BOOST_AUTO_TEST_CASE(a_split_keeps_the_id_with_most_records_and_makes_a_new_tool) {
  std::vector<GroupIdentityInput> night1{{{"a1", "a2", "a3"}, "Llama 3.2"}};
  auto ids1 = assign_identities(night1, {});
  auto known = remember(night1, ids1);
  auto ids2 = assign_identities({{{"a1"}, "Llama 3.2 1B"}, {{"a2", "a3"}, "Llama 3.2"}}, known);
  BOOST_TEST(ids2[1].id == ids1[0].id);
  BOOST_TEST(ids2[1].slug == ids1[0].slug);
  BOOST_TEST(ids2[0].is_new);
  BOOST_TEST(ids2[0].id != ids1[0].id);  // a1 created the old id; the new tool may not reuse it
  BOOST_TEST(ids2[0].slug == "llama-3-2-1b");
}

BOOST_AUTO_TEST_CASE(nameless_scripts_get_a_slug) {
  auto ids = assign_identities({{{"r1"}, "通义千问"}}, {});
  BOOST_TEST(ids[0].slug.rfind("tool-", 0) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
