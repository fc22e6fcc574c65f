#pragma once
#include <stdexcept>
#include <string>

namespace hyoka::tmpl {

// A template failed to parse or render. what() is "file:line:col: message",
// followed by one line per include/extends/import level it went through.
class TemplateError : public std::runtime_error {
 public:
  TemplateError(std::string file_, int line_, int column_, const std::string& message)
      : std::runtime_error(file_ + ":" + std::to_string(line_) + ":" + std::to_string(column_) + ": " + message),
        file(std::move(file_)), line(line_), column(column_) {}
  TemplateError(const TemplateError& inner, const std::string& chain_line)
      : std::runtime_error(std::string(inner.what()) + "\n  " + chain_line),
        file(inner.file), line(inner.line), column(inner.column) {}

  std::string file;
  int line;
  int column;
};

}  // namespace hyoka::tmpl
