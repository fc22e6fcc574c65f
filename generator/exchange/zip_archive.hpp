#pragma once
// A zip archive in memory (libzip), read within limits: the entries a
// workbook needs, each inflated in chunks and counted as it comes, so a part
// that inflates beyond the limits stops there whatever its header claims.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

struct zip;

namespace hyoka::exchange {

struct ZipLimits {
  std::size_t entry_bytes = 0, total_bytes = 0, ratio = 0, entries = 0;
};

class ZipArchive {
 public:
  // Throws ExchangeError: not a zip (naming an encrypted or .xls workbook),
  // truncated or damaged, encrypted entries, names leaving the archive, too many entries.
  ZipArchive(const std::string& bytes, const ZipLimits& limits);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  bool has(const std::string& name) const { return index_.count(name) != 0; }
  // Hands the inflated bytes to `sink` chunk by chunk; `sink` returns false to stop early.
  void stream(const std::string& name, const std::function<bool(std::string_view)>& sink);

 private:
  struct zip* zip_ = nullptr;
  ZipLimits limits_;
  std::unordered_map<std::string, std::uint64_t> index_;
  std::size_t inflated_ = 0;  // over every entry read so far
};

}  // namespace hyoka::exchange
