#include "pipeline/serve/writer.hpp"

#include <spdlog/spdlog.h>

#include "stages/common/utc.hpp"

namespace tv::serve {
namespace {

constexpr std::size_t kMaxBatch = 1024;  // jobs per commit, at most

}  // namespace

Writer::Writer(const std::filesystem::path& db, std::function<void()> on_confirmations)
    : store_(Store::open(db)), on_confirmations_(std::move(on_confirmations)) {
  thread_ = std::thread([this] { loop(); });
}

Writer::~Writer() { stop(); }

void Writer::stop() {
  {
    std::lock_guard lock(mu_);
    if (joined_) return;
    stopping_ = true;
  }
  cv_.notify_all();
  thread_.join();  // the loop answers every job handed in before it ends
  std::deque<Job> late;
  {
    std::lock_guard lock(mu_);
    joined_ = true;
    late.swap(queue_);
  }
  for (auto& job : late) job.done(std::nullopt);
}

void Writer::submit(Job job) {
  {
    std::lock_guard lock(mu_);
    if (!joined_) {
      queue_.push_back(std::move(job));
      cv_.notify_one();
      return;
    }
  }
  job.done(std::nullopt);  // stopped: nothing is stored any more
}

std::size_t Writer::batches() const {
  std::lock_guard lock(mu_);
  return batches_;
}

void Writer::loop() {
  for (;;) {
    std::vector<Job> jobs;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and every job handed in is answered
      while (!queue_.empty() && jobs.size() < kMaxBatch) {
        jobs.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    // Each job decides on what the store holds now plus the batch's earlier jobs.
    std::vector<digest::ReaderChange> changes;
    std::vector<Store::Confirmation> confirmations;
    std::vector<std::pair<std::size_t, std::size_t>> slices(jobs.size(), {0, 0});  // changes of job i
    std::vector<bool> decided(jobs.size(), false);
    for (std::size_t i = 0; i < jobs.size(); ++i) {
      try {
        Plan p = jobs[i].decide(store_, confirmations);
        slices[i] = {changes.size(), p.changes.size()};
        changes.insert(changes.end(), p.changes.begin(), p.changes.end());
        confirmations.insert(confirmations.end(), p.confirmations.begin(), p.confirmations.end());
        decided[i] = true;
      } catch (const std::exception& e) {
        spdlog::error("serve: a request could not be decided: {}", e.what());
      }
    }
    std::optional<std::vector<digest::Applied>> applied;
    try {
      applied = store_.change_readers(changes, utc_now(), confirmations);
      std::lock_guard lock(mu_);
      ++batches_;
    } catch (const std::exception& e) {
      spdlog::error("serve: {} change(s) could not be stored: {}", changes.size(), e.what());
    }
    for (std::size_t i = 0; i < jobs.size(); ++i) {
      if (!applied || !decided[i]) {
        jobs[i].done(std::nullopt);
        continue;
      }
      auto from = applied->begin() + std::ptrdiff_t(slices[i].first);
      jobs[i].done(std::vector<digest::Applied>(from, from + std::ptrdiff_t(slices[i].second)));
    }
    if (applied && !confirmations.empty() && on_confirmations_) on_confirmations_();
  }
}

}  // namespace tv::serve
