// `pipeline eval-extract DIR [--mistakes]`: normalises every page DIR/expected.tsv labels, with
// the configured profiles and limits, exactly as the nightly run would, and prints precision,
// recall and F1 per field and overall (stages/extract/evaluate.hpp), the summary line last.
// A label line that cannot be read, or a page file that is missing, is reported on stderr and
// makes the exit status 65 (EX_DATAERR) after the figures; an unreadable DIR is a usage error.
#include <spdlog/spdlog.h>

#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "pipeline/commands.hpp"
#include "pipeline/exit_codes.hpp"
#include "stages/extract/evaluate.hpp"
#include "stages/extract/profiles.hpp"
#include "stages/normalise/normalise.hpp"

namespace fs = std::filesystem;

namespace tv {
namespace {

void print_row(const std::string& what, const extract::Counts& c) {
  std::cout << std::left << std::setw(10) << what << std::right << std::fixed << std::setprecision(3)
            << std::setw(10) << c.precision() << std::setw(8) << c.recall() << std::setw(8) << c.f1()
            << std::setw(6) << c.tp << std::setw(5) << c.fp << std::setw(5) << c.fn << std::setw(9) << c.derived
            << "\n";
}

}  // namespace

int command_eval_extract(const Config& cfg, const fs::path& dir, bool list_mistakes) {
  fs::path labels = dir / "expected.tsv";
  std::ifstream in(labels, std::ios::binary);
  if (!in) {
    spdlog::error("eval-extract: cannot read {} (DIR holds expected.tsv and the pages it names)", labels.string());
    return code(Exit::usage);
  }
  auto gold = extract::read_gold(in, labels.string());
  std::vector<std::string> problems = gold.errors;
  extract::ProfileSet profiles;
  try {
    profiles = extract::ProfileSet::load(cfg.paths.profiles);
  } catch (const extract::ProfileError& e) {
    spdlog::error("{}", e.what());
    return code(Exit::config);
  }
  html::ParseLimits limits{cfg.limits.max_page_bytes, cfg.limits.max_depth};

  std::array<extract::Counts, extract::kFields.size()> per{};
  std::vector<extract::Miss> misses;
  std::vector<std::string> refused;
  for (const auto& page : gold.pages) {
    std::ifstream f(dir / page.path, std::ios::binary);
    std::optional<PageResult> result;
    if (!f) {
      problems.push_back(labels.string() + ":" + std::to_string(page.line) + ": no page file " + page.path);
    } else {
      std::stringstream bytes;
      bytes << f.rdbuf();
      result = normalise_page(bytes.str(), fs::path(page.path).filename().string(), profiles, limits);
      if (!result->record) refused.push_back(page.path + ": " + result->reason);
    }
    const ToolRecord* record = result && result->record ? &*result->record : nullptr;
    auto counts = extract::score_page(page, record, list_mistakes ? &misses : nullptr);
    for (std::size_t i = 0; i < per.size(); ++i) per[i] += counts[i];
  }
  for (const auto& p : problems) spdlog::warn("{}", p);

  if (list_mistakes) {
    for (const auto& m : misses)
      std::cout << labels.string() << ":" << m.page->line << ": " << m.page->path << ": "
                << extract::field_name(m.field) << ": expected \"" << m.expected << "\", got \"" << m.got << "\""
                << (m.rule.empty() ? "" : " (" + m.rule + ")") << "\n";
    for (const auto& r : refused) std::cout << "refused: " << r << "\n";
  }
  std::cout << "pages: " << gold.pages.size() << "; refused: " << refused.size()
            << "; label lines or pages with problems: " << problems.size() << "\n";
  std::cout << "field     precision  recall      F1    tp   fp   fn  derived\n";
  extract::Counts all;
  for (std::size_t i = 0; i < per.size(); ++i) {
    print_row(extract::field_name(extract::kFields[i]), per[i]);
    all += per[i];
  }
  print_row("overall", all);
  std::cout << "eval-extract: precision " << all.precision() << " recall " << all.recall() << " F1 " << all.f1()
            << " (tp " << all.tp << " fp " << all.fp << " fn " << all.fn << "; " << all.derived
            << " derived values not scored) on " << dir.string() << "\n";
  return problems.empty() ? code(Exit::ok) : code(Exit::data);
}

}  // namespace tv
