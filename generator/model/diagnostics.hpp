#pragma once
// Problems found in content, collected rather than thrown so that one run of
// `hyoka check` reports every one of them.
#include <filesystem>
#include <string>
#include <vector>

namespace hyoka::model {

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  std::filesystem::path file;
  std::string location;  // "12:7" (line:column) or a JSON pointer when no position is known
  std::string message;   // what is wrong
  std::string fix;       // what would fix it (may be empty)
};

// "file:12:7: error: message (fix: …)"
std::string format(const Diagnostic& diagnostic);

class Diagnostics {
 public:
  void error(std::filesystem::path file, std::string location, std::string message, std::string fix = {});
  void warning(std::filesystem::path file, std::string location, std::string message, std::string fix = {});
  void add(Diagnostic diagnostic) { items_.push_back(std::move(diagnostic)); }
  void append(const Diagnostics& other);

  const std::vector<Diagnostic>& items() const { return items_; }
  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool has_errors() const { return error_count() > 0; }

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace hyoka::model
