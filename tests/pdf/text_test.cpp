#include <doctest/doctest.h>

#include <random>

#include "pdf/text.hpp"

using namespace hyoka::pdf;

namespace {

// CJK characters are 1 wide, everything else 0.5: enough to reason about breaks.
double test_advance(char32_t c) { return is_cjk(c) ? 1.0 : 0.5; }

double width_of(const std::string& line) {
  double w = 0;
  for (char32_t c : decode_utf8(line)) w += test_advance(c);
  return w;
}

std::vector<std::string> wrap(const std::string& text, double width) { return break_lines(text, width, test_advance); }

void check_rules(const std::vector<std::string>& lines, double max_width) {
  for (const auto& line : lines) {
    auto chars = decode_utf8(line);
    REQUIRE(!chars.empty());
    CHECK(width_of(line) <= max_width + 1e-9);
    CHECK_MESSAGE(!no_break_before(chars.front()), "line starts with a closing mark: " << line);
    CHECK_MESSAGE(!no_break_after(chars.back()), "line ends with an opening mark: " << line);
  }
}

}  // namespace

TEST_CASE("Japanese breaks between any two characters") {
  CHECK(wrap("あいうえお", 2) == std::vector<std::string>{"あい", "うえ", "お"});
}

TEST_CASE("no line starts with 、。）」") {
  auto lines = wrap("あい、うえ。かき）くけ」こ", 2);
  check_rules(lines, 2);
  CHECK(lines.front() == "あ");
  CHECK(lines[1] == "い、");
}

TEST_CASE("no line ends with （「") {
  auto lines = wrap("あい（うえ）おか「きく」", 3);
  check_rules(lines, 3);
}

TEST_CASE("English wraps at spaces and cuts only over-long words") {
  CHECK(wrap("hello world foo", 6) == std::vector<std::string>{"hello world", "foo"});
  CHECK(wrap("abcdefghij", 2) == std::vector<std::string>{"abcd", "efgh", "ij"});
  CHECK(wrap("17,500 cases", 4) == std::vector<std::string>{"17,500", "cases"});
}

TEST_CASE("newlines force breaks and empty text gives no lines") {
  CHECK(wrap("478\n（2年度）", 20) == std::vector<std::string>{"478", "（2年度）"});
  CHECK(wrap("", 10).empty());
}

TEST_CASE("random mixed text keeps every rule and every character") {
  const std::u32string pool = U"あいうかきく漢字、。）」（「ab cd12,. ";
  std::mt19937 random(42);
  for (int round = 0; round < 300; ++round) {
    std::u32string text;
    int length = 1 + static_cast<int>(random() % 60);
    for (int i = 0; i < length; ++i) text += pool[random() % pool.size()];
    double width = 3 + static_cast<double>(random() % 10);
    auto lines = wrap(encode_utf8(text), width);
    std::u32string joined, original;
    for (const auto& line : lines) {
      CHECK(width_of(line) <= width + 1e-9);
      for (char32_t c : decode_utf8(line))
        if (c != U' ') joined += c;
    }
    for (char32_t c : text)
      if (c != U' ') original += c;
    CHECK(joined == original);
  }
}

