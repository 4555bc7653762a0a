#include "pipeline/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace tv {

Progress::Progress() : enabled_(::isatty(STDOUT_FILENO) == 1) {}

void Progress::start(std::string label, std::size_t total) {
  label_ = std::move(label);
  total_ = total;
  count_ = 0;
  last_ = {};
  draw();
}

void Progress::tick(std::size_t n) {
  count_ += n;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ >= std::chrono::milliseconds(100) || count_ == total_) {
    last_ = now;
    draw();
  }
}

void Progress::done() {
  if (!enabled_ || total_ == 0) return;
  std::printf("\r\033[K");
  std::fflush(stdout);
}

void Progress::draw() {
  if (!enabled_ || total_ == 0) return;
  std::printf("\r\033[K  %s %zu/%zu", label_.c_str(), count_, total_);
  std::fflush(stdout);
}

}  // namespace tv
