#include "budget.hpp"

#include <malloc.h>

#include <cstdlib>

namespace hyoka::fuzz {
namespace {

// thread_local: libFuzzer's own threads (RSS watcher, timer) must never throw.
thread_local bool armed = false;
thread_local bool expired = false;
thread_local unsigned ticks = 0;
thread_local long long live = 0;
thread_local std::size_t max_alloc_bytes = 0;
thread_local long long max_live_bytes = 0;
thread_local std::chrono::steady_clock::time_point deadline;

void charge(std::size_t size) {
  if (!expired) {
    if (size > max_alloc_bytes || live > max_live_bytes) expired = true;
    else if (++ticks % 256 == 0 && std::chrono::steady_clock::now() > deadline) expired = true;
  }
  if (expired) throw BudgetExceeded();
}

void* allocate(std::size_t size) {
  if (armed) charge(size);
  void* p = std::malloc(size ? size : 1);
  if (!p) throw std::bad_alloc();
  if (armed) live += static_cast<long long>(malloc_usable_size(p));
  return p;
}

void release(void* p) noexcept {
  if (!p) return;
  if (armed) live -= static_cast<long long>(malloc_usable_size(p));
  std::free(p);
}

}  // namespace

Budget::Budget(std::chrono::milliseconds time, std::size_t max_alloc, std::size_t max_live) {
  expired = false;
  ticks = 0;
  live = 0;
  max_alloc_bytes = max_alloc;
  max_live_bytes = static_cast<long long>(max_live);
  deadline = std::chrono::steady_clock::now() + time;
  armed = true;
}

Budget::~Budget() { armed = false; }

bool Budget::exceeded() { return expired; }

}  // namespace hyoka::fuzz

// The scalar forms only: the array and aligned forms stay the runtime's (they
// end here in libstdc++, and stay matched with their own delete under ASan).
void* operator new(std::size_t size) { return hyoka::fuzz::allocate(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return hyoka::fuzz::allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void operator delete(void* p) noexcept { hyoka::fuzz::release(p); }
void operator delete(void* p, std::size_t) noexcept { hyoka::fuzz::release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { hyoka::fuzz::release(p); }
