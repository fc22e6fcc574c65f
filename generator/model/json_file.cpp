#include "model/json_file.hpp"

#include <fstream>
#include <sstream>

namespace hyoka::model {
namespace {

std::string escape_pointer_token(const std::string& token) {
  std::string out;
  for (char c : token) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

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
    if (depth_ > 512) return;
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
  void object(const std::string& pointer) {
    ++pos_;
    for (skip_space(); pos_ < text_.size() && text_[pos_] != '}'; skip_space()) {
      if (text_[pos_] == ',') { ++pos_; continue; }
      std::string key = string_token();
      skip_space();
      ++pos_;  // colon
      skip_space();
      value(pointer + "/" + escape_pointer_token(key));
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

bool looks_like_shift_jis(std::string_view text) {
  // Shift_JIS lead bytes 0x81–0x9F / 0xE0–0xEF followed by a trail byte 0x40–0xFC.
  int pairs = 0;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    auto b = static_cast<unsigned char>(text[i]), t = static_cast<unsigned char>(text[i + 1]);
    if (((b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xEF)) && t >= 0x40 && t <= 0xFC && t != 0x7F) {
      ++pairs;
      ++i;
    }
  }
  return pairs > 0;
}

}  // namespace

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
    i += length;
  }
  return std::nullopt;
}

std::optional<JsonFile> JsonFile::read(const std::filesystem::path& file, Diagnostics& diagnostics) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    diagnostics.error(file, "", "cannot read the file", "check that it exists and is readable");
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  JsonFile result;
  result.path_ = file;
  result.text_ = buffer.str();
  if (result.text_.rfind("\xEF\xBB\xBF", 0) == 0) result.text_.erase(0, 3);
  if (auto bad = invalid_utf8_at(result.text_)) {
    std::string why = looks_like_shift_jis(result.text_) ? "the file is not UTF-8 (it looks like Shift_JIS, as Excel saves it)"
                                                         : "the file is not valid UTF-8";
    diagnostics.error(file, line_column(result.text_, *bad), why, "save the file as UTF-8");
    return std::nullopt;
  }
  if (result.text_.find_first_not_of(" \t\r\n") == std::string::npos) {
    diagnostics.error(file, "1:1", "the file is empty", "write a JSON object, e.g. {}");
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

}  // namespace hyoka::model
