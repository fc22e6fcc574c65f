// The hyoka program's operator new/delete (generator/cli/small_blocks.cpp),
// linked into this test program as it is into hyoka.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace {
void* take(std::size_t size) { return ::operator new(size); }
void give(void* p, std::size_t size) { ::operator delete(p, size); }
}  // namespace

TEST_CASE("a freed small block is handed out again for any size of its 16-byte class") {
  void* a = take(17);
  give(a, 17);
  void* b = take(32);  // 17…32 is one class: the block was made 32 bytes long
  CHECK(b == a);
  std::memset(b, 0xab, 32);
  give(b, 32);
  void* c = take(33);  // the next class
  CHECK(c != a);
  give(c, 33);
}

TEST_CASE("the most recently freed block of a class comes back first") {
  std::vector<void*> blocks;
  for (int i = 0; i < 8; ++i) blocks.push_back(take(48));
  for (void* p : blocks) give(p, 48);
  for (auto it = blocks.rbegin(); it != blocks.rend(); ++it) CHECK(take(48) == *it);
  for (void* p : blocks) give(p, 48);
}

TEST_CASE("blocks allocated on one thread and freed on another keep their contents") {
  constexpr int kBlocks = 20000;
  std::vector<std::unique_ptr<std::string>> made(kBlocks);
  std::thread maker([&] {
    for (int i = 0; i < kBlocks; ++i) made[i] = std::make_unique<std::string>(std::string(20 + i % 400, char('a' + i % 26)));
  });
  maker.join();
  std::thread checker([&] {
    for (int i = 0; i < kBlocks; ++i) {
      REQUIRE(made[i]->size() == std::size_t(20 + i % 400));
      REQUIRE((*made[i])[made[i]->size() - 1] == char('a' + i % 26));
      made[i].reset();  // into this thread's cache (up to its limit), the rest to free()
    }
  });
  checker.join();
  // And the main thread still allocates and frees of every size, small and large.
  for (std::size_t size : {1u, 15u, 16u, 511u, 512u, 513u, 4096u, 1u << 20}) {
    auto* p = static_cast<unsigned char*>(take(size));
    std::memset(p, 0x5a, size);
    CHECK(p[size - 1] == 0x5a);
    give(p, size);
  }
}

TEST_CASE("arrays and unsized deletes go through the same blocks safely") {
  auto* numbers = new std::uint64_t[10];
  for (int i = 0; i < 10; ++i) numbers[i] = std::uint64_t(i) * 3;
  CHECK(numbers[9] == 27);
  delete[] numbers;  // unsized: back to free(), as every block came from malloc
  void* p = take(64);
  ::operator delete(p);  // unsized: free(), not the cache
  void* q = take(64);
  CHECK(q != nullptr);
  give(q, 64);
}
