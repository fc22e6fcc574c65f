#include "model/diagnostics.hpp"

#include <algorithm>

namespace hyoka::model {

std::string format(const Diagnostic& d) {
  std::string text = d.file.string();
  if (!d.location.empty()) text += ":" + d.location;
  text += d.severity == Severity::error ? ": error: " : ": warning: ";
  text += d.message;
  if (!d.fix.empty()) text += " (fix: " + d.fix + ")";
  return text;
}

void Diagnostics::error(std::filesystem::path file, std::string location, std::string message, std::string fix) {
  items_.push_back({Severity::error, std::move(file), std::move(location), std::move(message), std::move(fix)});
}

void Diagnostics::warning(std::filesystem::path file, std::string location, std::string message, std::string fix) {
  items_.push_back({Severity::warning, std::move(file), std::move(location), std::move(message), std::move(fix)});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

std::size_t Diagnostics::error_count() const {
  return std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::size_t Diagnostics::warning_count() const { return items_.size() - error_count(); }

}  // namespace hyoka::model
