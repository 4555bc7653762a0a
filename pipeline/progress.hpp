// Progress: a one-line "stage 123/4567" counter for long stages, shown only when stdout is
// a terminal (never under cron, never in a log). Redraws at most ten times a second.
#pragma once
#include <chrono>
#include <cstddef>
#include <string>

namespace tv {

class Progress {
 public:
  // `enabled` defaults to isatty(stdout).
  Progress();
  explicit Progress(bool enabled) : enabled_(enabled) {}
  void start(std::string label, std::size_t total);
  void tick(std::size_t n = 1);
  void done();

 private:
  void draw();
  bool enabled_;
  std::string label_;
  std::size_t total_ = 0, count_ = 0;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace tv
