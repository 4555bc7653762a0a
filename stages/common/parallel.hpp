// Parallel: runs fn(i) for i in [0, n) on up to `jobs` threads (0 = one per core), each index
// exactly once. Results must go to per-index slots, so the outcome never depends on timing.
// The first exception thrown by fn is rethrown after every thread has stopped.
#pragma once
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace tv {

template <class Fn>
void parallel_for(std::size_t n, unsigned jobs, Fn&& fn) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = unsigned(std::min<std::size_t>(jobs, n));
  if (jobs <= 1) {
    for (std::size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr error;
  std::mutex mu;
  constexpr std::size_t kChunk = 64;  // indices taken at a time: cheap items, little contention
  auto work = [&] {
    for (;;) {
      std::size_t start = next.fetch_add(kChunk);
      if (start >= n) return;
      try {
        for (std::size_t i = start; i < std::min(n, start + kChunk); ++i) fn(i);
      } catch (...) {
        std::lock_guard lock(mu);
        if (!error) error = std::current_exception();
        next = n;
        return;
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < jobs; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace tv
