// GumboArena: see gumbo_arena.hpp.
#include "stages/html/gumbo_arena.hpp"

#include <cstdlib>

namespace tv::html::detail {

Arena::~Arena() {
  while (blocks_) {
    Block* next = blocks_->next;
    std::free(blocks_);
    blocks_ = next;
  }
}

void* Arena::allocate(std::size_t n) {
  if (n > budget_) give_up(Failure::memory);
  n = (n + kAlign - 1) & ~(kAlign - 1);
  if (n == 0) n = kAlign;
  if ((++calls_ & 63) == 0 && std::chrono::steady_clock::now() > deadline_)
    give_up(Failure::time);
  if (n <= static_cast<std::size_t>(end_ - cur_)) {
    void* p = cur_;
    cur_ += n;
    return p;
  }
  // A large request gets a block of its own, so the current block keeps serving small ones.
  if (n > kBlockSize / 4) return new_block(n);
  cur_ = static_cast<char*>(new_block(kBlockSize));
  end_ = cur_ + kBlockSize;
  void* p = cur_;
  cur_ += n;
  return p;
}

void* Arena::new_block(std::size_t payload) {
  if (payload > budget_ || reserved_ > budget_ - payload) give_up(Failure::memory);
  void* raw = std::malloc(sizeof(Block) + payload);
  if (!raw) give_up(Failure::out_of_memory);
  Block* b = static_cast<Block*>(raw);
  b->next = blocks_;
  blocks_ = b;
  reserved_ += payload;
  return reinterpret_cast<char*>(b) + sizeof(Block);
}

void Arena::give_up(Failure why) {
  failure = why;
  std::longjmp(bail, 1);
}

namespace {

void* arena_allocate(void* arena, std::size_t n) { return static_cast<Arena*>(arena)->allocate(n); }
void arena_deallocate(void*, void*) {}

}  // namespace

// Kept minimal: between setjmp and a longjmp into it, only C frames and Arena::allocate run.
GumboOutput* run_gumbo(Arena& arena, std::string_view html) {
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &arena_allocate;
  options.deallocator = &arena_deallocate;
  options.userdata = &arena;
  options.max_errors = 0;  // errors copy the open-element stack: quadratic, and unused here
  if (setjmp(arena.bail) != 0) return nullptr;
  return gumbo_parse_with_options(&options, html.data(), html.size());
}

// Measured: gumbo takes 4-15 bytes of arena per byte of page on the readability corpus, and
// 40-60 on walls of tiny tags ("<br>", "<tr><td>x" repeated). Normal pages parse at several
// MB/s. Both bounds scale with the page.
std::size_t memory_budget(std::size_t bytes) { return (64u << 20) + 96 * bytes; }
std::chrono::milliseconds time_allowance(std::size_t bytes) {
  return std::chrono::milliseconds(5000 + bytes / 1000);  // 5 s plus 1 s per MB
}

}  // namespace tv::html::detail
