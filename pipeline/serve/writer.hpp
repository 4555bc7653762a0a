// Writer: the one thread of `pipeline serve` that writes readers to the store, in groups. A
// request hands in a Job; the writer takes every job waiting, lets each decide what it changes
// (reading the store on the writer's own connection), applies all their changes in one
// transaction (one commit, one fsync: the store runs with synchronous=FULL), and only then
// calls each job's `done`. So an answer that says "done" is on disk, and a burst of requests
// costs one sync, not one each (docs/serve.md, "Durable answers").
//
// Errors: a job whose `decide` throws, or a batch whose commit fails (the store busy past its
// timeout, a full disk), gets done(nullopt): nothing of it was stored, and the request is
// answered 503. The writer goes on with the next batch.
#pragma once
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "pipeline/store.hpp"

namespace tv::serve {

struct Plan {
  std::vector<digest::ReaderChange> changes;
  std::vector<Store::Confirmation> confirmations;  // mails owed, queued in the same commit
};

struct Job {
  // Runs on the writer thread before the batch commits; `pending` holds the confirmations
  // earlier jobs of the same batch queue (not yet in the store), for per-address limits.
  std::function<Plan(const Store& store, const std::vector<Store::Confirmation>& pending)> decide;
  // Runs on the writer thread after the commit: what each change did, or nullopt on failure.
  std::function<void(std::optional<std::vector<digest::Applied>>)> done;
};

class Writer {
 public:
  // Opens its own connection to the store. `on_confirmations` runs after a commit that
  // queued confirmation mails (the mailer wakes up). Throws StoreError.
  Writer(const std::filesystem::path& db, std::function<void()> on_confirmations);
  ~Writer();  // stop()
  // Answers the jobs handed in so far, then stops the thread; later jobs are answered
  // done(nullopt) at once. Idempotent.
  void stop();
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  void submit(Job job);
  std::size_t batches() const;  // commits so far (for the log and the bench)

 private:
  void loop();
  Store store_;
  std::function<void()> on_confirmations_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Job> queue_;
  bool stopping_ = false;
  bool joined_ = false;  // stop() has joined the thread
  std::size_t batches_ = 0;
  std::thread thread_;
};

}  // namespace tv::serve
