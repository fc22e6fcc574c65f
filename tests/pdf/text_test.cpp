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

TEST_CASE("English wraps at spaces and after hyphens; a word wider than the line is cut with a hyphen") {
  CHECK(wrap("hello world foo", 6) == std::vector<std::string>{"hello world", "foo"});
  CHECK(wrap("abcdefghij", 2) == std::vector<std::string>{"abc-", "def-", "ghij"});
  CHECK(wrap("17,500 cases", 4) == std::vector<std::string>{"17,500", "cases"});
  CHECK(wrap("multi-layered support", 6) == std::vector<std::string>{"multi-", "layered", "support"});
}

TEST_CASE("a paragraph keeps its indentation; wrapped lines start with their word") {
  CHECK(wrap("  Implementation of the plan", 8) == std::vector<std::string>{"  Implementation", "of the plan"});
  CHECK(wrap("a\n    b", 8) == std::vector<std::string>{"a", "    b"});
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
      auto chars = decode_utf8(line);
      if (!chars.empty() && chars.back() == U'-') chars.pop_back();  // the pool has no hyphen: one added at a cut
      for (char32_t c : chars)
        if (c != U' ') joined += c;
    }
    for (char32_t c : text)
      if (c != U' ') original += c;
    CHECK(joined == original);
  }
}


namespace {

bool latin_letter(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }

const Hyphenator& english() {
  static const Hyphenator h("/usr/share/hyphen/hyph_en_US.dic");  // hyphen-en-us: a missing file fails here
  return h;
}

}  // namespace

TEST_CASE("the en-US patterns hyphenate between syllables") {
  auto at = [](const char* word) {
    std::string out = word;
    auto points = english().points(word);
    for (auto p = points.rbegin(); p != points.rend(); ++p) out.insert(*p, "-");
    return out;
  };
  CHECK(at("establishments") == "es-tab-lish-ments");
  CHECK(at("implementation") == "im-ple-men-ta-tion");
  CHECK(at("Collaboration") == "Col-lab-o-ra-tion");
  CHECK(english().points("the").empty());  // short words stay whole
}

TEST_CASE("English never ends a line inside a word without a hyphen, at any width") {
  const std::string text =
      "Number of establishments cooperating in multi-agency collaboration, including consultation desks for "
      "residents aged 10 to 39 and intermediate employment programs (cumulative).";
  for (double width = 4; width <= 40; width += 0.5) {
    INFO("width ", width);
    auto lines = break_lines(text, width, test_advance, {&english(), true});
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
      auto a = decode_utf8(lines[i]), b = decode_utf8(lines[i + 1]);
      CHECK(width_of(lines[i]) <= width + 1e-9);
      if (!latin_letter(a.back()) || !latin_letter(b.front())) continue;
      // Two letters meet at the break: it must have been a space in the text.
      std::string last = lines[i].substr(lines[i].rfind(' ') + 1), first = lines[i + 1].substr(0, lines[i + 1].find(' '));
      if (first.back() == '-' && first.size() == lines[i + 1].size()) first.pop_back();  // itself hyphenated on
      CHECK_MESSAGE(text.find(last + " " + first) != std::string::npos, "cut inside a word: ", lines[i], " | ", lines[i + 1]);
    }
  }
  // Where a word does not fit, it is hyphenated at a syllable rather than moved whole.
  auto lines = break_lines("Number of establishments", 8.5, test_advance, {&english(), true});
  CHECK(lines == std::vector<std::string>{"Number of estab-", "lishments"});
  // Outside prose (figures, names) a word that fits the next line moves there whole.
  CHECK(break_lines("Number of establishments", 8.5, test_advance, {&english(), false}) ==
        std::vector<std::string>{"Number of", "establishments"});
}
