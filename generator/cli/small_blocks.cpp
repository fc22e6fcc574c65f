// The global operator new/delete of the hyoka program, with a per-thread
// cache of freed small blocks.
//
// Why: a page is made of thousands of short-lived JSON nodes, strings and
// template values, allocated and freed in bursts. glibc's per-thread cache
// keeps only 7 blocks of a size, so most of every burst went through its
// bins: malloc and free were about a fifth of the build's time. Here each
// thread keeps up to kKeep freed blocks per 16-byte size class and hands them
// out again. Every block still comes from malloc and may always go back to
// free (unsized deletes do exactly that), so nothing else changes. Not built
// with the sanitizers, which bring their own operator new.
#include <cstddef>
#include <cstdlib>
#include <new>

namespace {

constexpr std::size_t kStep = 16, kClasses = 32, kLargest = kStep * kClasses;  // up to 512 bytes
constexpr unsigned kKeep = 4096;                                                  // per class and thread

struct FreeBlock {
  FreeBlock* next;
};

// Trivially destructible, so it is still usable while other thread_local
// and static objects are destroyed; `closed` then sends blocks to free().
struct Cache {
  FreeBlock* head[kClasses];
  unsigned count[kClasses];
  bool closed;
};
thread_local Cache cache;

struct Closer {
  ~Closer() {
    cache.closed = true;
    for (std::size_t c = 0; c < kClasses; ++c) {
      while (FreeBlock* block = cache.head[c]) {
        cache.head[c] = block->next;
        std::free(block);
      }
      cache.count[c] = 0;
    }
  }
};
thread_local Closer closer;

std::size_t size_class(std::size_t size) { return size == 0 ? 0 : (size - 1) / kStep; }

void* allocate(std::size_t size) {
  if (size <= kLargest) {
    const std::size_t c = size_class(size);
    if (FreeBlock* block = cache.head[c]) {
      cache.head[c] = block->next;
      --cache.count[c];
      return block;
    }
    (void)&closer;  // registers the thread's closer with its first allocation
    size = (c + 1) * kStep;  // any size of the class may reuse the block later
  }
  if (void* p = std::malloc(size)) return p;
  throw std::bad_alloc();
}

void release(void* p, std::size_t size) noexcept {
  if (!p) return;
  if (size <= kLargest && !cache.closed) {
    const std::size_t c = size_class(size);
    if (cache.count[c] < kKeep) {
      cache.head[c] = new (p) FreeBlock{cache.head[c]};
      ++cache.count[c];
      return;
    }
  }
  std::free(p);
}

}  // namespace

void* operator new(std::size_t size) { return allocate(size); }
void operator delete(void* p, std::size_t size) noexcept { release(p, size); }
void operator delete(void* p) noexcept { std::free(p); }
