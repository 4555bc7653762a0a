// GumboArena: runs gumbo over an arena that enforces a memory budget and a time allowance.
// Internal to stages/html: only dom.cpp uses it.
//
// gumbo allocates every byte of its tree from the arena; the arena frees it all at once when
// it dies, so gumbo_destroy_output (which recurses and would overflow the stack on deep trees)
// is never called. When the budget or the allowance is spent, the arena leaves gumbo by
// longjmp and run_gumbo returns nullptr, with Arena::failure saying why. This is the backstop
// for what the depth estimate cannot see (misnested formatting tags that gumbo clones over and
// over, inputs crafted against the estimate); gumbo is C and keeps no state outside the arena,
// so abandoning it mid-parse is safe. The returned tree lives as long as the arena.
#pragma once
#include <gumbo.h>

#include <chrono>
#include <csetjmp>
#include <cstddef>
#include <string_view>

namespace tv::html::detail {

// Blocks come from malloc and are all freed together when the arena dies; gumbo's
// deallocator is a no-op.
class Arena {
 public:
  Arena(std::size_t budget, std::chrono::steady_clock::time_point deadline)
      : budget_(budget), deadline_(deadline) {}
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena();

  // Called from inside gumbo. On failure it does not return: it longjmps to `bail`, which
  // run_gumbo set. Nothing in this function has a destructor, as longjmp requires.
  void* allocate(std::size_t n);

  enum class Failure { none, memory, time, out_of_memory };
  Failure failure = Failure::none;
  std::jmp_buf bail;
  std::size_t reserved() const { return reserved_; }

 private:
  static constexpr std::size_t kAlign = alignof(std::max_align_t);
  static constexpr std::size_t kBlockSize = 256u << 10;
  struct alignas(std::max_align_t) Block {
    Block* next;
  };

  void* new_block(std::size_t payload);
  [[noreturn]] void give_up(Failure why);

  Block* blocks_ = nullptr;
  char* cur_ = nullptr;
  char* end_ = nullptr;
  std::size_t reserved_ = 0;
  std::size_t calls_ = 0;
  std::size_t budget_;
  std::chrono::steady_clock::time_point deadline_;
};

// Runs gumbo over the arena. Returns nullptr when the arena gave up; arena.failure says why.
GumboOutput* run_gumbo(Arena& arena, std::string_view html);

// The memory budget and the time allowance for one parse of a page of `bytes` bytes: 64 MB +
// 96 bytes per byte, and 5 s + 1 s per MB (dom.hpp promises these figures).
std::size_t memory_budget(std::size_t bytes);
std::chrono::milliseconds time_allowance(std::size_t bytes);

}  // namespace tv::html::detail
