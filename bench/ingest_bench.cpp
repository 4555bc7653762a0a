// ingest_bench: our page reading (decode -> gumbo -> pugixml -> extraction -> field parsing)
// against gumbo's bare parse of the same bytes, in the same run.
//
//   ingest_bench --pages DIR [--profiles DIR] [--repeat R] [--threads 1,2] [--breakdown]
//                [--json FILE]
//
// Every file of DIR (dotfiles skipped) is read into memory first; nothing below touches the
// disk. Then, R times:
//   a    gumbo_parse_with_options(&kGumboDefaultOptions) + gumbo_destroy_output, per page;
//   b    tv::normalise_page(bytes, name, profiles, ParseLimits{}) per page, one thread (as the
//        nightly run reads: scripts and styles left unparsed, html::RawText::drop);
//   and, with --breakdown (diagnostics, one thread):
//   a0   gumbo bare parse with max_errors = 0, which is what our parser asks gumbo for;
//   the prefixes of b: decode only; decode + parse_html (gumbo + the pugixml copy);
//   decode + parse_html + extract_facts;
//   these one-thread phases run interleaved, 16 pages at a time through each in turn, so a
//   noisy neighbour costs every phase alike and the ratios hold up on a busy machine; then
//   c(T) b split over T threads (pages handed out one at a time from an atomic counter), for
//   each T of --threads (--threads none: no parallel phase, for the largest sets).
// Each figure is the median over the R repeats. Throughput is pages/s and MB/s (10^6 bytes of
// input). The ratio "ours vs bare gumbo" is the throughput of b over that of a (1.0 = we cost
// no more than gumbo alone). Speed-up is c(T) over b.
//
// This measures; it asserts nothing. Exit status 0 unless the folder cannot be read.
#include <gumbo.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "stages/extract/generic.hpp"
#include "stages/extract/profiles.hpp"
#include "stages/html/dom.hpp"
#include "stages/html/encoding.hpp"
#include "stages/normalise/normalise.hpp"

#ifndef TV_REPO_DIR
#define TV_REPO_DIR "."
#endif

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Page {
  std::string name;
  std::string style;  // from the file name "NNNNNN-STYLE-slug.html", else "other"
  std::string bytes;
};

struct Options {
  fs::path pages;
  fs::path profiles = fs::path(TV_REPO_DIR) / "profiles";
  int repeat = 5;
  std::vector<unsigned> threads;
  bool no_threads = false;  // --threads none: skip the parallel phase c(T)
  bool breakdown = false;
  std::string only;  // "gumbo" or "ours": run just that phase (for a profiler)
  std::string json;
};

[[noreturn]] void usage(int status) {
  std::fprintf(status ? stderr : stdout,
               "usage: ingest_bench --pages DIR [--profiles DIR] [--repeat R] [--threads 1,2,...]\n"
               "                    [--breakdown] [--json FILE]\n"
               "  --pages DIR      the pages (every file, dotfiles skipped), e.g. from bench/make_pages.py\n"
               "  --profiles DIR   extraction profiles (default: %s/profiles)\n"
               "  --repeat R       repeats per phase; medians are reported (default 5)\n"
               "  --threads LIST   thread counts for the parallel phase (default 1..nproc; none: skip it)\n"
               "  --breakdown      also time decode, decode+parse, decode+parse+extract (one thread)\n"
               "  --json FILE      also write the figures as JSON\n"
               "  --only PHASE     run only `gumbo` (a) or `ours` (b), R times, and print its time: for\n"
               "                   a profiler, e.g. perf record -g ingest_bench --pages DIR --only ours\n",
               TV_REPO_DIR);
  std::exit(status);
}

Options parse_args(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      auto eq = a.find('=');
      if (eq != std::string::npos) return a.substr(eq + 1);
      if (i + 1 >= argc) {
        std::fprintf(stderr, "ingest_bench: %s needs a value\n", a.c_str());
        usage(64);
      }
      return argv[++i];
    };
    auto key = a.substr(0, a.find('='));
    if (key == "--help" || key == "-h") usage(0);
    else if (key == "--pages") o.pages = value();
    else if (key == "--profiles") o.profiles = value();
    else if (key == "--repeat") o.repeat = std::max(1, std::atoi(value().c_str()));
    else if (key == "--json") o.json = value();
    else if (key == "--breakdown") o.breakdown = true;
    else if (key == "--only") {
      o.only = value();
      if (o.only != "gumbo" && o.only != "ours") usage(64);
    }
    else if (key == "--threads") {
      std::string list = value();
      if (list == "none" || list == "0") {
        o.no_threads = true;
        continue;
      }
      std::stringstream ss(list);
      std::string t;
      while (std::getline(ss, t, ','))
        if (int n = std::atoi(t.c_str()); n > 0) o.threads.push_back(unsigned(n));
    } else {
      std::fprintf(stderr, "ingest_bench: unknown argument %s\n", a.c_str());
      usage(64);
    }
  }
  if (o.pages.empty()) usage(64);
  if (o.no_threads) o.threads.clear();
  else if (o.threads.empty()) {
    unsigned n = std::max(1u, std::thread::hardware_concurrency());
    for (unsigned t = 1; t <= n; ++t) o.threads.push_back(t);
  }
  return o;
}

std::vector<Page> load_pages(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().filename().string().front() == '.') continue;
    files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<Page> pages;
  pages.reserve(files.size());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    Page p;
    p.name = f.filename().string();
    auto d1 = p.name.find('-');
    auto d2 = d1 == std::string::npos ? d1 : p.name.find('-', d1 + 1);
    p.style = d2 == std::string::npos ? "other" : p.name.substr(d1 + 1, d2 - d1 - 1);
    p.bytes = std::move(ss).str();
    pages.push_back(std::move(p));
  }
  return pages;
}

long rss_kb(const char* field) {  // VmRSS / VmHWM from /proc/self/status, in KB
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(field, 0) == 0) return std::atol(line.c_str() + std::strlen(field));
  return -1;
}

// How busy the whole machine was, to tell our cost from a noisy neighbour's: the CPU seconds
// all processes used (from /proc/stat) and the CPU seconds this process used (getrusage).
struct CpuSnap {
  double machine_busy_s = 0;
  double self_s = 0;
};

CpuSnap cpu_snap() {
  CpuSnap c;
  std::ifstream in("/proc/stat");
  std::string cpu;
  unsigned long long user = 0, nice = 0, sys = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
  if (in >> cpu >> user >> nice >> sys >> idle >> iowait >> irq >> softirq >> steal)
    c.machine_busy_s = double(user + nice + sys + irq + softirq + steal) / double(sysconf(_SC_CLK_TCK));
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  c.self_s = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
  return c;
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// A phase runs `one(page)` over every page and returns the wall time.
using PageFn = std::function<std::size_t(const Page&)>;

struct PhaseResult {
  double seconds = 0;
  std::size_t yield = 0;  // what `one` returned, summed (records, nodes...)
  double own_cores = 0;    // CPU seconds this process used / wall seconds
  double other_cores = 0;  // CPU seconds every other process used / wall seconds
};

void account(PhaseResult& r, const CpuSnap& a, const CpuSnap& b) {
  double self = b.self_s - a.self_s;
  r.own_cores = self / r.seconds;
  r.other_cores = std::max(0.0, (b.machine_busy_s - a.machine_busy_s - self) / r.seconds);
}

PhaseResult run_serial(const std::vector<Page>& pages, const PageFn& one) {
  PhaseResult r;
  auto c0 = cpu_snap();
  auto t0 = Clock::now();
  for (const auto& p : pages) r.yield += one(p);
  r.seconds = seconds_since(t0);
  account(r, c0, cpu_snap());
  return r;
}

// One repeat of several one-thread phases, interleaved: each chunk of kChunk pages goes
// through every phase in turn (a different phase first each chunk), so whatever else the
// machine does at any moment costs every phase alike, and the ratios stay meaningful on a
// noisy machine. Per-style seconds go into by_style[phase].
void run_interleaved(const std::vector<Page>& pages, const std::vector<PageFn>& fns, std::vector<PhaseResult>& out,
                     std::vector<std::map<std::string, double>>& by_style) {
  constexpr std::size_t kChunk = 16;
  const std::size_t k = fns.size();
  out.assign(k, PhaseResult{});
  by_style.assign(k, {});
  std::vector<double> busy(k, 0), self(k, 0);
  for (std::size_t start = 0, chunk = 0; start < pages.size(); start += kChunk, ++chunk) {
    const std::size_t end = std::min(start + kChunk, pages.size());
    for (std::size_t j = 0; j < k; ++j) {
      const std::size_t ph = (j + chunk) % k;
      auto c0 = cpu_snap();
      auto t0 = Clock::now();
      for (std::size_t i = start; i < end; ++i) {
        auto ts = Clock::now();
        out[ph].yield += fns[ph](pages[i]);
        by_style[ph][pages[i].style] += seconds_since(ts);
      }
      out[ph].seconds += seconds_since(t0);
      auto c1 = cpu_snap();
      busy[ph] += c1.machine_busy_s - c0.machine_busy_s;
      self[ph] += c1.self_s - c0.self_s;
    }
  }
  for (std::size_t ph = 0; ph < k; ++ph) {
    out[ph].own_cores = self[ph] / out[ph].seconds;
    out[ph].other_cores = std::max(0.0, (busy[ph] - self[ph]) / out[ph].seconds);
  }
}

PhaseResult run_threads(const std::vector<Page>& pages, const PageFn& one, unsigned threads) {
  std::atomic<std::size_t> next{0};
  std::vector<std::size_t> yields(threads, 0);
  auto c0 = cpu_snap();
  auto t0 = Clock::now();
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      std::size_t y = 0;
      for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < pages.size();) y += one(pages[i]);
      yields[t] = y;
    });
  for (auto& th : pool) th.join();
  PhaseResult r;
  r.seconds = seconds_since(t0);
  account(r, c0, cpu_snap());
  for (auto y : yields) r.yield += y;
  return r;
}

// ---- the work per page -------------------------------------------------------------------

std::size_t gumbo_bare(const Page& p, const GumboOptions& opts) {
  GumboOutput* out = gumbo_parse_with_options(&opts, p.bytes.data(), p.bytes.size());
  std::size_t n = out->root->v.element.children.length;  // keeps the call observable
  gumbo_destroy_output(&opts, out);
  return n;
}

struct Ours {
  const tv::extract::ProfileSet& profiles;
  tv::html::ParseLimits limits{};

  std::size_t normalise(const Page& p) const {
    auto r = tv::normalise_page(p.bytes, p.name, profiles, limits);
    return r.record ? 1 : 0;
  }
  std::size_t decode(const Page& p) const {
    auto d = tv::html::decode_to_utf8(p.bytes);
    return d.ok ? 1 : 0;
  }
  std::size_t parse(const Page& p) const {
    auto d = tv::html::decode_to_utf8(p.bytes);
    if (!d.ok) return 0;
    pugi::xml_document doc;
    std::string err;
    return tv::html::parse_html(d.utf8, limits, doc, &err, nullptr, tv::html::RawText::drop) ? 1 : 0;
  }
  std::size_t extract(const Page& p) const {
    auto d = tv::html::decode_to_utf8(p.bytes);
    if (!d.ok) return 0;
    pugi::xml_document doc;
    std::string err;
    if (!tv::html::parse_html(d.utf8, limits, doc, &err, nullptr, tv::html::RawText::drop)) return 0;
    auto f = tv::extract::extract_facts(doc, profiles);
    return f.name.empty() ? 0 : 1;
  }
};

struct Figure {
  std::string key, label;
  std::vector<double> seconds, own_cores, other_cores;
  std::size_t yield = 0;
  std::map<std::string, std::vector<double>> style_seconds;
};

std::string fmt(const char* f, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt = parse_args(argc, argv);

  std::vector<Page> pages;
  try {
    pages = load_pages(opt.pages);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ingest_bench: cannot read %s: %s\n", opt.pages.c_str(), e.what());
    return 66;
  }
  if (pages.empty()) {
    std::fprintf(stderr, "ingest_bench: no pages in %s\n", opt.pages.c_str());
    return 66;
  }
  std::size_t total_bytes = 0;
  std::map<std::string, std::pair<std::size_t, std::size_t>> styles;  // style -> pages, bytes
  for (const auto& p : pages) {
    total_bytes += p.bytes.size();
    styles[p.style].first += 1;
    styles[p.style].second += p.bytes.size();
  }

  tv::extract::ProfileSet profiles;
  try {
    profiles = tv::extract::ProfileSet::load(opt.profiles);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ingest_bench: profiles: %s\n", e.what());
    return 78;
  }
  const long rss_loaded = rss_kb("VmRSS:");
  const double mb = double(total_bytes) / 1e6;
  std::printf("ingest_bench: %zu pages, %.1f MB (%s), %zu profiles, repeat %d, threads",
              pages.size(), mb, opt.pages.c_str(), profiles.size(), opt.repeat);
  for (auto t : opt.threads) std::printf(" %u", t);
  std::printf("\n  styles:");
  for (const auto& [s, pb] : styles) std::printf(" %s %zu (%.1f MB)", s.c_str(), pb.first, pb.second / 1e6);
  std::printf("\n");
  std::fflush(stdout);

  GumboOptions gumbo_default = kGumboDefaultOptions;
  GumboOptions gumbo_noerr = kGumboDefaultOptions;
  gumbo_noerr.max_errors = 0;
  Ours ours{profiles};

  // Warm-up (untimed): page in code, fill allocator caches and function-local statics.
  {
    std::vector<Page> warm(pages.begin(), pages.begin() + std::min<std::size_t>(pages.size(), 64));
    run_serial(warm, [&](const Page& p) { return gumbo_bare(p, gumbo_default); });
    run_serial(warm, [&](const Page& p) { return ours.normalise(p); });
  }

  if (!opt.only.empty()) {
    std::vector<double> secs;
    for (int rep = 0; rep < opt.repeat; ++rep) {
      auto r = opt.only == "gumbo"
                   ? run_serial(pages, [&](const Page& p) { return gumbo_bare(p, gumbo_default); })
                   : run_serial(pages, [&](const Page& p) { return ours.normalise(p); });
      secs.push_back(r.seconds);
    }
    double m = median(secs);
    std::printf("  %s only: median %.3f s, %.0f pages/s, %.1f MB/s\n", opt.only.c_str(), m, pages.size() / m, mb / m);
    return 0;
  }

  std::vector<Figure> figs;
  auto add_fig = [&](std::string key, std::string label) -> Figure& {
    figs.push_back({std::move(key), std::move(label), {}, {}, {}, 0, {}});
    return figs.back();
  };
  add_fig("gumbo", "a  gumbo bare parse (default options), 1 thread");
  add_fig("ours", "b  ours: normalise_page, 1 thread");
  if (opt.breakdown) {
    add_fig("gumbo_noerr", "a0 gumbo bare parse (max_errors=0), 1 thread");
    add_fig("decode", "   ours, decode only");
    add_fig("parse", "   ours, decode + parse_html (gumbo + pugixml copy)");
    add_fig("extract", "   ours, decode + parse_html + extract_facts");
  }
  for (auto t : opt.threads) add_fig("ours_t" + std::to_string(t), "c  ours on " + std::to_string(t) + " thread(s)");

  auto find = [&](const std::string& k) -> Figure& {
    for (auto& f : figs)
      if (f.key == k) return f;
    std::abort();
  };
  // The one-thread phases, run interleaved (run_interleaved) in each repeat.
  std::vector<std::string> serial_keys{"gumbo", "ours"};
  std::vector<PageFn> serial_fns{[&](const Page& p) { return gumbo_bare(p, gumbo_default); },
                                 [&](const Page& p) { return ours.normalise(p); }};
  if (opt.breakdown) {
    serial_keys.insert(serial_keys.end(), {"gumbo_noerr", "decode", "parse", "extract"});
    serial_fns.push_back([&](const Page& p) { return gumbo_bare(p, gumbo_noerr); });
    serial_fns.push_back([&](const Page& p) { return ours.decode(p); });
    serial_fns.push_back([&](const Page& p) { return ours.parse(p); });
    serial_fns.push_back([&](const Page& p) { return ours.extract(p); });
  }

  auto t_all = Clock::now();
  for (int rep = 0; rep < opt.repeat; ++rep) {
    std::vector<PhaseResult> rs;
    std::vector<std::map<std::string, double>> by_style;
    run_interleaved(pages, serial_fns, rs, by_style);
    for (std::size_t i = 0; i < serial_keys.size(); ++i) {
      auto& f = find(serial_keys[i]);
      f.seconds.push_back(rs[i].seconds);
      f.own_cores.push_back(rs[i].own_cores);
      f.other_cores.push_back(rs[i].other_cores);
      f.yield = rs[i].yield;
      for (const auto& [st, sec] : by_style[i]) f.style_seconds[st].push_back(sec);
    }
    for (auto t : opt.threads) {
      auto& f = find("ours_t" + std::to_string(t));
      auto r = run_threads(pages, [&](const Page& p) { return ours.normalise(p); }, t);
      f.seconds.push_back(r.seconds);
      f.own_cores.push_back(r.own_cores);
      f.other_cores.push_back(r.other_cores);
      f.yield = r.yield;
    }
    std::fprintf(stderr, "  repeat %d/%d done (%.0f s)\n", rep + 1, opt.repeat, seconds_since(t_all));
  }

  // ---- report ------------------------------------------------------------------------------
  const double n = double(pages.size());
  auto med = [&](const std::string& k) { return median(find(k).seconds); };
  std::printf("\n  %-52s %8s %7s %8s  %-13s %5s %6s\n", "phase (median of repeats)", "pages/s", "MB/s", "s",
              "min..max s", "cores", "others");
  for (const auto& f : figs) {
    double m = median(f.seconds);
    auto [lo, hi] = std::minmax_element(f.seconds.begin(), f.seconds.end());
    std::printf("  %-52s %8.0f %7.1f %8.3f  %5.2f..%-6.2f %5.2f %6.2f\n", f.label.c_str(), n / m, mb / m, m, *lo, *hi,
                median(f.own_cores), median(f.other_cores));
  }
  std::printf("  (cores: CPU this process used per wall second; others: CPU every other process on the\n"
              "   machine used meanwhile; more than ~0.1 means a neighbour competed for the cores)\n");

  // Per-repeat ratios (a and b ran interleaved in each repeat, so noise mostly cancels).
  auto per_repeat_ratio = [&](const std::string& base, const std::string& ours_key) {
    std::vector<double> r;
    const auto& b = find(base).seconds;
    const auto& o = find(ours_key).seconds;
    for (std::size_t i = 0; i < std::min(b.size(), o.size()); ++i) r.push_back(b[i] / o[i]);
    return r;
  };
  auto range = [](const std::vector<double>& v) {
    auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    return fmt("%.2f", *lo) + ".." + fmt("%.2f", *hi);
  };
  const double ratio = med("gumbo") / med("ours");
  auto rr = per_repeat_ratio("gumbo", "ours");
  std::printf("\n  ours vs bare gumbo, one core (b/a):          %.2f  (per repeat %s; target >= 0.8)\n",
              ratio, range(rr).c_str());
  double ratio_noerr = 0;
  if (opt.breakdown) {
    ratio_noerr = med("gumbo_noerr") / med("ours");
    std::printf("  ours vs gumbo max_errors=0, one core (b/a0): %.2f  (per repeat %s)\n", ratio_noerr,
                range(per_repeat_ratio("gumbo_noerr", "ours")).c_str());
  }
  // CPU seconds per page: what the work costs whatever else the machine runs. If c(T) costs
  // as much CPU per page as b, the threads get in each other's way nowhere (locks, allocator,
  // shared caches), and the wall-clock speed-up is limited only by the cores actually free.
  auto cpu_per_page = [&](const std::string& k) { return med(k) * median(find(k).own_cores) / n; };
  std::vector<std::pair<unsigned, double>> speedups, efficiencies;
  for (auto t : opt.threads) {
    const std::string k = "ours_t" + std::to_string(t);
    double s = med("ours") / med(k);
    double e = cpu_per_page("ours") / cpu_per_page(k);
    speedups.push_back({t, s});
    efficiencies.push_back({t, e});
    std::printf("  speed-up on %u thread(s), c(%u)/b:             %.2f  (%.0f%% of linear; cores used %.2f, others %.2f)\n",
                t, t, s, 100 * s / t, median(find(k).own_cores), median(find(k).other_cores));
    std::printf("    CPU per page, b / c(%u):                    %.2f  (1.00 = threads cost nothing extra; with %u\n"
                "    free cores the speed-up would be about %.2f)\n",
                t, e, t, t * e);
  }
  if (opt.breakdown) {
    double d = med("decode"), p = med("parse"), x = med("extract"), all = med("ours");
    std::printf("\n  where our time goes (medians, one thread, as a share of b; differences of a few %%\n"
                "  are noise, the split of parse_html into gumbo and the copy needs a profiler):\n");
    std::printf("    decode to UTF-8                       %6.1f%%\n", 100 * d / all);
    std::printf("    parse_html (gumbo + pugixml copy)     %6.1f%%\n", 100 * (p - d) / all);
    std::printf("    extract_facts (XPath, JSON-LD, meta)  %6.1f%%\n", 100 * (x - p) / all);
    std::printf("    field parsing + record                %6.1f%%\n", 100 * (all - x) / all);
    std::printf("    (bare gumbo, default options = %.1f%%, max_errors=0 = %.1f%%)\n", 100 * med("gumbo") / all,
                100 * med("gumbo_noerr") / all);
  }
  std::printf("\n  per style, one thread (median seconds; ratio = a/b):\n");
  std::map<std::string, double> style_ratio;
  for (const auto& [s, pb] : styles) {
    double a = median(find("gumbo").style_seconds[s]), b = median(find("ours").style_seconds[s]);
    style_ratio[s] = a / b;
    std::printf("    %-8s %6zu pages %7.1f MB  gumbo %7.1f MB/s  ours %7.1f MB/s  ratio %.2f\n", s.c_str(), pb.first,
                pb.second / 1e6, pb.second / 1e6 / a, pb.second / 1e6 / b, a / b);
  }
  const std::size_t records = find("ours").yield;
  std::printf("\n  pages that yielded a record: %zu of %zu (%.1f%%)\n", records, pages.size(), 100.0 * records / n);
  if (records < pages.size()) {
    std::map<std::string, int> reasons;
    for (const auto& p : pages) {
      auto r = tv::normalise_page(p.bytes, p.name, profiles, tv::html::ParseLimits{});
      if (!r.record) reasons[r.reason.substr(0, 100)]++;
    }
    for (const auto& [why, k] : reasons) std::printf("    %5d x %s\n", k, why.c_str());
  }
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  const long peak = ru.ru_maxrss;  // KB on Linux
  std::printf("  peak RSS: %.1f MB (the pages themselves: %.1f MB; RSS after loading them: %.1f MB)\n",
              peak / 1024.0, mb * 1e6 / (1 << 20), rss_loaded / 1024.0);

  if (!opt.json.empty()) {
    std::ofstream j(opt.json);
    j << "{\n  \"pages\": " << pages.size() << ",\n  \"bytes\": " << total_bytes << ",\n  \"repeat\": " << opt.repeat
      << ",\n  \"records\": " << records << ",\n  \"peak_rss_kb\": " << peak << ",\n  \"rss_loaded_kb\": " << rss_loaded
      << ",\n  \"ratio\": " << ratio << ",\n  \"ratio_min\": " << *std::min_element(rr.begin(), rr.end())
      << ",\n  \"ratio_max\": " << *std::max_element(rr.begin(), rr.end());
    if (opt.breakdown) j << ",\n  \"ratio_noerr\": " << ratio_noerr;
    j << ",\n  \"phases\": {";
    bool first = true;
    for (const auto& f : figs) {
      double m = median(f.seconds);
      auto [lo, hi] = std::minmax_element(f.seconds.begin(), f.seconds.end());
      j << (first ? "\n" : ",\n") << "    \"" << f.key << "\": {\"median_s\": " << m << ", \"min_s\": " << *lo
        << ", \"max_s\": " << *hi << ", \"cpu_s\": " << m * median(f.own_cores) << ", \"pages_per_s\": " << n / m
        << ", \"mb_per_s\": " << mb / m << ", \"own_cores\": " << median(f.own_cores)
        << ", \"other_cores\": " << median(f.other_cores) << ", \"runs\": [";
      for (std::size_t i = 0; i < f.seconds.size(); ++i) j << (i ? ", " : "") << f.seconds[i];
      j << "]}";
      first = false;
    }
    j << "\n  },\n  \"speedup\": {";
    for (std::size_t i = 0; i < speedups.size(); ++i)
      j << (i ? ", " : "") << "\"" << speedups[i].first << "\": " << speedups[i].second;
    j << "},\n  \"cpu_efficiency\": {";
    for (std::size_t i = 0; i < efficiencies.size(); ++i)
      j << (i ? ", " : "") << "\"" << efficiencies[i].first << "\": " << efficiencies[i].second;
    j << "},\n  \"style_ratio\": {";
    first = true;
    for (const auto& [s, r] : style_ratio) {
      j << (first ? "" : ", ") << "\"" << s << "\": " << r;
      first = false;
    }
    j << "}\n}\n";
  }
  return 0;
}
