// dedupe_bench: the nightly dedupe-and-pair step (tv::catalogue::build) on N stored records.
//
//   dedupe_bench --records FILE [--repeat R]
//
// FILE holds JSON lines {"id": "<sha256>:<ordinal>", "record": {...}} (bench/make_records.py).
// Every record is read into memory first (not timed). Then, R times each:
//   first night: build() with no history (every tool new);
//   next night:  build() on the same records with the first night's output as history
//                (tools, members, comparisons), the next day: the nightly steady state.
// Prints the median, min and max seconds of each night, what the night produced, and the
// process's peak RSS (VmHWM) after loading and after each night; the last line is for
// bench/run_dedupe.sh:
//   RESULT records=N first_s=... next_s=... load_peak_mb=... peak_mb=...
// Measures; asserts nothing. Exit status 0 unless FILE cannot be read.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "stages/catalogue/catalogue.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using tv::catalogue::Input;
using tv::catalogue::Output;

// Peak resident set size of this process so far, in MB (10^6 bytes).
double peak_mb() {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) * 1024 / 1e6;  // kB
  return 0;
}

// CPU seconds this process used so far: steadier than wall time when neighbours are busy.
double cpu_s() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

struct Times {
  std::vector<double> s;
  double median() const {
    auto v = s;
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
  }
  double min() const { return *std::min_element(s.begin(), s.end()); }
  double max() const { return *std::max_element(s.begin(), s.end()); }
};

// R timed build() calls; returns the last output.
Output night(const char* label, const Input& in, int repeat, Times& t) {
  Output out;
  Times cpu;
  for (int r = 0; r < repeat; ++r) {
    out = Output{};  // free the previous night's output before the next call
    auto t0 = Clock::now();
    double c0 = cpu_s();
    out = tv::catalogue::build(in);
    cpu.s.push_back(cpu_s() - c0);
    t.s.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
  }
  const auto& s = out.stats;
  std::printf("%-11s median %7.3f s (min %.3f, max %.3f, %d runs; CPU median %.3f s); peak RSS %.0f MB\n"
              "            tools %zu (new %zu, absorbed %zu), tool rows written %zu, comparisons new %zu, "
              "withdrawn %zu, candidates %zu\n"
              "            phases (last run): read %.2f s, cluster %.2f s, tools %.2f s, pair %.2f s\n",
              label, t.median(), t.min(), t.max(), repeat, cpu.median(), peak_mb(), s.tools, s.new_tools,
              s.absorbed, out.tools.size(), s.new_comparisons, s.withdrawn, s.candidates, s.read_s, s.cluster_s,
              s.tools_s, s.pair_s);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string file;
  int repeat = 3;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--records" && i + 1 < argc) file = argv[++i];
    else if (a == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
    else {
      std::fprintf(stderr, "usage: dedupe_bench --records FILE [--repeat R]\n");
      return a == "-h" || a == "--help" ? 0 : 64;
    }
  }
  std::ifstream f(file);
  if (file.empty() || !f) {
    std::fprintf(stderr, "dedupe_bench: cannot read %s\n", file.c_str());
    return 66;
  }

  Input in;
  in.today = "2026-11-23";
  in.run_id = "bench-night-1";
  auto t0 = Clock::now();
  for (std::string line; std::getline(f, line);) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line);
    in.records.push_back({j.at("id").get<std::string>(), j.at("record").dump()});  // as the store keeps it
  }
  double load_s = std::chrono::duration<double>(Clock::now() - t0).count();
  double load_peak = peak_mb();
  std::printf("%zu records loaded in %.1f s (not timed below); peak RSS %.0f MB; budget: default pair::Budget\n",
              in.records.size(), load_s, load_peak);

  Times first, next;
  Output out = night("first night", in, repeat, first);
  // The next night: same records, tonight's output as history.
  in.tools = std::move(out.tools);
  in.members = std::move(out.members);
  in.comparisons = std::move(out.comparisons);
  in.today = "2026-11-24";
  in.run_id = "bench-night-2";
  out = Output{};
  night("next night", in, repeat, next);

  std::printf("RESULT records=%zu first_s=%.3f next_s=%.3f load_peak_mb=%.0f peak_mb=%.0f\n", in.records.size(),
              first.median(), next.median(), load_peak, peak_mb());
  return 0;
}
