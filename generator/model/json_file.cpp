#include "model/json_file.hpp"

#include <fstream>
#include <sstream>

#include "model/decimal.hpp"

namespace hyoka::model {
namespace {

// Walks valid JSON text and records where each value starts, by pointer.
class OffsetScanner {
 public:
  OffsetScanner(std::string_view text, std::unordered_map<std::string, std::size_t>& out) : text_(text), out_(out) {}
  void run() {
    skip_space();
    value("");
  }

 private:
  void skip_space() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' || text_[pos_] == '\t')) ++pos_;
  }
  std::string string_token() {
    std::string out;
    ++pos_;  // opening quote
    while (pos_ < text_.size() && text_[pos_] != '"') {
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) ++pos_;  // escapes only matter for keys with quotes
      out += text_[pos_++];
    }
    ++pos_;
    return out;
  }
  void value(const std::string& pointer) {
    if (depth_ > 512) return skip_value();  // too deep to be worth naming; JsonFile::read refuses such files anyway
    out_.emplace(pointer, pos_);
    if (pos_ >= text_.size()) return;
    char c = text_[pos_];
    ++depth_;
    if (c == '{') object(pointer);
    else if (c == '[') array(pointer);
    else if (c == '"') string_token();
    else while (pos_ < text_.size() && std::string_view(",]} \n\r\t").find(text_[pos_]) == std::string_view::npos) ++pos_;
    --depth_;
  }
  // Consumes one value without recursion (it must consume: the callers loop until a bracket closes).
  void skip_value() {
    int open = 0;
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '"') {
        string_token();
        if (open == 0) return;
        continue;
      }
      if (c == '{' || c == '[') {
        ++open;
      } else if (c == '}' || c == ']') {
        if (open == 0) return;
        ++pos_;
        if (--open == 0) return;
        continue;
      } else if (open == 0 && std::string_view(", \n\r\t").find(c) != std::string_view::npos) {
        return;
      }
      ++pos_;
    }
  }
  void object(const std::string& pointer) {
    ++pos_;
    for (skip_space(); pos_ < text_.size() && text_[pos_] != '}'; skip_space()) {
      if (text_[pos_] == ',') { ++pos_; continue; }
      std::string key = string_token();
      skip_space();
      ++pos_;  // colon
      skip_space();
      value(pointer + "/" + pointer_token(key));
    }
    ++pos_;
  }
  void array(const std::string& pointer) {
    ++pos_;
    int index = 0;
    for (skip_space(); pos_ < text_.size() && text_[pos_] != ']'; skip_space()) {
      if (text_[pos_] == ',') { ++pos_; continue; }
      value(pointer + "/" + std::to_string(index++));
    }
    ++pos_;
  }

  std::string_view text_;
  std::unordered_map<std::string, std::size_t>& out_;
  std::size_t pos_ = 0;
  int depth_ = 0;
};

// Every byte above 0x7F forms a Shift_JIS character (a lead byte 0x81–0x9F /
// 0xE0–0xFC and a trail byte 0x40–0xFC, or a half-width katakana 0xA1–0xDF),
// and there is at least one two-byte character.
bool valid_shift_jis(std::string_view text) {
  int pairs = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80 || (b >= 0xA1 && b <= 0xDF)) continue;
    if (!((b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC)) || i + 1 >= text.size()) return false;
    auto t = static_cast<unsigned char>(text[++i]);
    if (t < 0x40 || t > 0xFC || t == 0x7F) return false;
    ++pairs;
  }
  return pairs > 0;
}

// Shift_JIS, not UTF-8 with a damaged spot: fewer valid UTF-8 sequences than
// invalid ones, and the bytes read as Shift_JIS.
bool looks_like_shift_jis(std::string_view text) {
  std::size_t good = 0, bad = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
    } else if (auto at = invalid_utf8_at(text.substr(i, 4)); !at || *at > 0) {
      ++good;  // a valid multi-byte sequence starts here
      auto c = static_cast<unsigned char>(text[i]);
      i += (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    } else {
      ++bad;
      ++i;
    }
  }
  return bad > good && valid_shift_jis(text);
}

// Deeper than any content file needs (a policy is about 6 levels); a limit
// keeps every reader of the document clear of deep recursion.
constexpr int max_depth = 64;
// What Decimal holds exactly and what a spreadsheet shows: 15 significant digits.
constexpr std::int64_t max_units = 1'000'000'000'000'000;  // 10^15
constexpr int max_scale = 15;

// The length of a JSON number at `at` (RFC 8259 grammar), or 0 if there is none.
std::size_t json_number_length(std::string_view text, std::size_t at) {
  auto digit = [&](std::size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
  std::size_t i = at;
  if (i < text.size() && text[i] == '-') ++i;
  if (!digit(i)) return 0;
  if (text[i] == '0') ++i;
  else while (digit(i)) ++i;
  if (i < text.size() && text[i] == '.') {
    if (!digit(i + 1)) return 0;
    for (++i; digit(i);) ++i;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < text.size() && (text[j] == '+' || text[j] == '-')) ++j;
    if (!digit(j)) return 0;
    for (i = j; digit(i);) ++i;
  }
  return i - at;
}

struct LexicalProblem {
  std::size_t offset;
  std::string message, fix;
};

// Problems the JSON grammar allows but hyoka cannot hold: nesting too deep to
// walk safely, numbers too large or too precise to compute with exactly
// (1e400, 40-digit integers). Strings are skipped; syntax is left to the parser.
std::optional<LexicalProblem> lexical_problem(std::string_view text) {
  int depth = 0;
  for (std::size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') ++i;
      ++i;
      continue;
    }
    if (c == '{' || c == '[') {
      if (++depth > max_depth)
        return LexicalProblem{i, "the JSON is nested more than " + std::to_string(max_depth) + " levels deep",
                              "content files need only a few levels: look for brackets that are never closed or a runaway paste"};
    } else if (c == '}' || c == ']') {
      --depth;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      std::size_t length = json_number_length(text, i);
      if (length == 0) {
        ++i;
        continue;
      }
      std::string_view token = text.substr(i, length);
      auto decimal = Decimal::parse(token);
      if (!decimal || decimal->scale > max_scale || decimal->units >= max_units || decimal->units <= -max_units) {
        std::string shown = token.size() > 24 ? std::string(token.substr(0, 24)) + "…" : std::string(token);
        return LexicalProblem{i, "the number " + shown + " is too large or too precise (figures have at most 15 significant digits and 15 decimals)",
                              "write the figure as printed; for very large amounts use a larger unit such as 千円 or 百万円"};
      }
      i += length;
      continue;
    }
    ++i;
  }
  return std::nullopt;
}

}  // namespace

std::string describe_invalid_utf8(std::string_view text) {
  if (text.rfind("\xFF\xFE", 0) == 0 || text.rfind("\xFE\xFF", 0) == 0)
    return "the file is not UTF-8 (it is UTF-16, as Windows Notepad or Excel \"Unicode text\" save it)";
  if (looks_like_shift_jis(text)) return "the file is not UTF-8 (it looks like Shift_JIS, as Excel saves it)";
  return "the file is not valid UTF-8";
}

std::string line_column(std::string_view text, std::size_t offset) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;  // count code points, as editors do
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

std::optional<std::size_t> invalid_utf8_at(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    int length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) return i;
    for (int k = 1; k < length; ++k)
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return i;
    if (length == 2 && c < 0xC2) return i;  // overlong
    if (length >= 3) {
      auto c1 = static_cast<unsigned char>(text[i + 1]);
      if (length == 3 && c == 0xE0 && c1 < 0xA0) return i;   // overlong
      if (length == 3 && c == 0xED && c1 >= 0xA0) return i;  // UTF-16 surrogate
      if (length == 4 && c == 0xF0 && c1 < 0x90) return i;   // overlong
      if (length == 4 && (c > 0xF4 || (c == 0xF4 && c1 >= 0x90))) return i;  // beyond U+10FFFF
    }
    i += length;
  }
  return std::nullopt;
}

bool is_regular_content_file(const std::filesystem::path& file, Diagnostics& diagnostics) {
  std::error_code ec;
  auto status = std::filesystem::symlink_status(file, ec);
  if (std::filesystem::is_symlink(status)) {
    diagnostics.error(file, "", "the file is a symbolic link; content files must be regular files",
                      "copy the file here instead (a link could publish a file from outside the content folder)");
    return false;
  }
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    diagnostics.error(file, "", "not a regular file", "replace it with a file");
    return false;
  }
  return true;
}

std::optional<std::string> read_content_text(const std::filesystem::path& file, Diagnostics& diagnostics) {
  if (!is_regular_content_file(file, diagnostics)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    diagnostics.error(file, "", "cannot read the file", "check that it exists and is readable");
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  if (auto bad = invalid_utf8_at(text)) {
    diagnostics.error(file, line_column(text, *bad), describe_invalid_utf8(text), "save the file as UTF-8");
    return std::nullopt;
  }
  return text;
}

std::optional<JsonFile> JsonFile::read(const std::filesystem::path& file, Diagnostics& diagnostics) {
  auto text = read_content_text(file, diagnostics);
  if (!text) return std::nullopt;
  JsonFile result;
  result.path_ = file;
  result.text_ = std::move(*text);
  if (result.text_.find_first_not_of(" \t\r\n") == std::string::npos) {
    diagnostics.error(file, "1:1", "the file is empty", "write a JSON object, e.g. {}");
    return std::nullopt;
  }
  if (auto problem = lexical_problem(result.text_)) {
    diagnostics.error(file, line_column(result.text_, problem->offset), problem->message, problem->fix);
    return std::nullopt;
  }
  try {
    result.document_ = nlohmann::json::parse(result.text_);
  } catch (const nlohmann::json::parse_error& e) {
    std::string message = e.what();
    if (auto at = message.find("syntax error"); at != std::string::npos) message = message.substr(at);
    std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    diagnostics.error(file, line_column(result.text_, offset), "invalid JSON: " + message,
                      "look for a missing comma, quote or bracket just before this position");
    return std::nullopt;
  } catch (const nlohmann::json::exception& e) {  // e.g. a number out of range that the check above let through
    diagnostics.error(file, "", std::string("invalid JSON: ") + e.what(), "correct the value the message names");
    return std::nullopt;
  }
  return result;
}

std::string JsonFile::locate(const std::string& pointer) const {
  if (!offsets_) {
    offsets_.emplace();
    OffsetScanner(text_, *offsets_).run();
  }
  for (std::string p = pointer;; p = p.substr(0, p.rfind('/'))) {
    if (auto it = offsets_->find(p); it != offsets_->end()) return line_column(text_, it->second);
    if (p.empty()) break;
  }
  return pointer;
}

std::string pointer_token(const std::string& key) {
  if (key.find_first_of("~/") == std::string::npos) return key;
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

}  // namespace hyoka::model
