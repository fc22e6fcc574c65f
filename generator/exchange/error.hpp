#pragma once
// The one exception of the exchange component: a file that cannot be read
// at all (not a workbook, damaged, hostile), with where and what would fix it.
// Problems in single cells are collected as diagnostics instead.
#include <stdexcept>
#include <string>

namespace hyoka::exchange {

class ExchangeError : public std::runtime_error {
 public:
  ExchangeError(std::string message, std::string fix, std::string where = {})
      : std::runtime_error(message), fix_(std::move(fix)), where_(std::move(where)) {}
  const std::string& fix() const { return fix_; }
  const std::string& where() const { return where_; }  // "施策1-1-1!K12", "xl/worksheets/sheet2.xml", or empty

 private:
  std::string fix_, where_;
};

}  // namespace hyoka::exchange
