#pragma once
// One JSON content file: its text, the parsed document, and the way back from
// a JSON pointer to a line and column, so every message can name a position.
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "model/diagnostics.hpp"

namespace hyoka::model {

class JsonFile {
 public:
  // Reads and parses; on failure reports why (syntax with line:column, not
  // UTF-8, empty, nested deeper than 64 levels, a number hyoka cannot hold
  // exactly) and returns nullopt. A UTF-8 BOM is accepted and skipped.
  static std::optional<JsonFile> read(const std::filesystem::path& file, Diagnostics& diagnostics);

  const std::filesystem::path& path() const { return path_; }
  const nlohmann::json& document() const { return document_; }
  // "12:7" for the value at the pointer (or its nearest parent), else the pointer itself.
  std::string locate(const std::string& pointer) const;

 private:
  std::filesystem::path path_;
  std::string text_;
  nlohmann::json document_;
  mutable std::optional<std::unordered_map<std::string, std::size_t>> offsets_;  // built on first use
};

// False (with an error) for a symbolic link or anything but a regular file:
// content is read only from regular files inside the content folder.
bool is_regular_content_file(const std::filesystem::path& file, Diagnostics& diagnostics);
// A content file's text: a regular file (not a link), read whole, a UTF-8
// BOM dropped; nullopt with an error when it is not that or not UTF-8.
std::optional<std::string> read_content_text(const std::filesystem::path& file, Diagnostics& diagnostics);
// A key as a JSON pointer token (RFC 6901): ~ as ~0, / as ~1.
std::string pointer_token(const std::string& key);
// "12:7" for a byte offset in a text.
std::string line_column(std::string_view text, std::size_t offset);
// The offset of the first byte that is not valid UTF-8 (overlong forms and
// surrogates included); nullopt if the text is valid.
std::optional<std::size_t> invalid_utf8_at(std::string_view text);
// Why a text is not UTF-8, naming UTF-16 and Shift_JIS when it looks like them.
std::string describe_invalid_utf8(std::string_view text);

}  // namespace hyoka::model
