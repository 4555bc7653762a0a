// dedupe_bench: the nightly dedupe-and-pair step (tv::catalogue::build) on N stored records.
//
//   dedupe_bench --records FILE [--repeat R] [--json FILE]
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
// --json FILE also writes every figure (each run's seconds, CPU, the CPU other processes used
// meanwhile, what each night made, its phases, peak RSS) for bench/report.py.
// Measures; asserts nothing. Exit status 0 unless FILE cannot be read.
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

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

// CPU seconds every process on the machine has used (/proc/stat, all but idle and iowait):
// minus our own, the CPU other processes took while we ran (a noisy neighbour shows in it).
double machine_busy_s() {
  std::ifstream in("/proc/stat");
  std::string cpu;
  long long v[8] = {};
  in >> cpu;
  for (auto& x : v) in >> x;
  const double tck = double(sysconf(_SC_CLK_TCK));
  return (v[0] + v[1] + v[2] + v[5] + v[6] + v[7]) / tck;  // user nice system irq softirq steal
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

// R timed build() calls; returns the last output. t gets the wall seconds, cpu the CPU
// seconds, others the CPU other processes used per wall second, of each call.
Output night(const char* label, const Input& in, int repeat, Times& t, nlohmann::json& report) {
  Times cpu, others;
  Output out;
  for (int r = 0; r < repeat; ++r) {
    out = Output{};  // free the previous night's output before the next call
    auto t0 = Clock::now();
    double c0 = cpu_s(), b0 = machine_busy_s();
    out = tv::catalogue::build(in);
    double c = cpu_s() - c0, b = machine_busy_s() - b0;
    double w = std::chrono::duration<double>(Clock::now() - t0).count();
    cpu.s.push_back(c);
    t.s.push_back(w);
    others.s.push_back(w > 0 ? std::max(0.0, (b - c) / w) : 0.0);
  }
  const auto& s = out.stats;
  std::printf("%-11s median %7.3f s (min %.3f, max %.3f, %d runs; CPU median %.3f s); peak RSS %.0f MB\n"
              "            tools %zu (new %zu, absorbed %zu), tool rows written %zu, comparisons new %zu, "
              "withdrawn %zu, candidates %zu\n"
              "            phases (last run): read %.2f s, cluster %.2f s, tools %.2f s, pair %.2f s\n",
              label, t.median(), t.min(), t.max(), repeat, cpu.median(), peak_mb(), s.tools, s.new_tools,
              s.absorbed, out.tools.size(), s.new_comparisons, s.withdrawn, s.candidates, s.read_s, s.cluster_s,
              s.tools_s, s.pair_s);
  report = {{"median_s", t.median()}, {"min_s", t.min()}, {"max_s", t.max()}, {"runs_s", t.s},
            {"cpu_median_s", cpu.median()}, {"cpu_runs_s", cpu.s}, {"other_cores", others.median()},
            {"peak_mb", peak_mb()}, {"tools", s.tools}, {"new_tools", s.new_tools}, {"absorbed", s.absorbed},
            {"tool_rows", out.tools.size()}, {"new_comparisons", s.new_comparisons}, {"withdrawn", s.withdrawn},
            {"candidates", s.candidates},
            {"phases_s", {{"read", s.read_s}, {"cluster", s.cluster_s}, {"tools", s.tools_s}, {"pair", s.pair_s}}}};
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string file, json_file;
  int repeat = 3;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--records" && i + 1 < argc) file = argv[++i];
    else if (a == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
    else if (a == "--json" && i + 1 < argc) json_file = argv[++i];
    else {
      std::fprintf(stderr, "usage: dedupe_bench --records FILE [--repeat R] [--json FILE]\n");
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
  std::size_t bytes = 0;
  for (std::string line; std::getline(f, line);) {
    if (line.empty()) continue;
    bytes += line.size() + 1;
    auto j = nlohmann::json::parse(line);
    in.records.push_back({j.at("id").get<std::string>(), j.at("record").dump()});  // as the store keeps it
  }
  double load_s = std::chrono::duration<double>(Clock::now() - t0).count();
  double load_peak = peak_mb();
  std::printf("%zu records loaded in %.1f s (not timed below); peak RSS %.0f MB; budget: default pair::Budget\n",
              in.records.size(), load_s, load_peak);

  Times first, next;
  nlohmann::json first_json, next_json;
  Output out = night("first night", in, repeat, first, first_json);
  // The next night: same records, tonight's output as history.
  in.tools = std::move(out.tools);
  in.members = std::move(out.members);
  in.comparisons = std::move(out.comparisons);
  in.today = "2026-11-24";
  in.run_id = "bench-night-2";
  out = Output{};
  night("next night", in, repeat, next, next_json);

  std::printf("RESULT records=%zu first_s=%.3f next_s=%.3f load_peak_mb=%.0f peak_mb=%.0f\n", in.records.size(),
              first.median(), next.median(), load_peak, peak_mb());
  if (!json_file.empty()) {
    nlohmann::json j = {{"records", in.records.size()}, {"bytes", bytes}, {"repeat", repeat}, {"load_s", load_s},
                        {"load_peak_mb", load_peak}, {"peak_mb", peak_mb()}, {"first", first_json},
                        {"next", next_json}};
    std::ofstream(json_file) << j.dump(1) << "\n";
  }
  return 0;
}
