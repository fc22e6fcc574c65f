#include "exchange/zip_archive.hpp"

#include <zip.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "exchange/error.hpp"

namespace hyoka::exchange {
namespace {

constexpr std::string_view zip_signature = "PK\x03\x04";
constexpr std::string_view compound_file_signature = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
constexpr std::size_t chunk = 64 * 1024;
constexpr std::size_t free_inflation = 1u << 20;  // small parts compress very well; the ratio applies beyond this

const char* const resave_fix = "open it in Excel or LibreOffice and save it again as an Excel workbook (.xlsx)";

// Excel saves a password-protected workbook as an OLE compound file holding
// an "EncryptionInfo" stream (its name in UTF-16); an .xls is a compound file too.
ExchangeError not_a_zip(const std::string& bytes) {
  if (bytes.compare(0, compound_file_signature.size(), compound_file_signature) == 0) {
    static const std::string encryption_info("E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0", 28);
    if (bytes.find(encryption_info) != std::string::npos)
      return {"the workbook is encrypted (protected with a password to open)",
              "remove the password (ファイル > 情報 > ブックの保護 > パスワードを使用して暗号化: clear it) and save it again"};
    return {"the file is an Excel 97–2003 workbook (.xls), not .xlsx", resave_fix};
  }
  if (bytes.compare(0, zip_signature.size(), zip_signature) == 0)
    return {"the workbook is truncated or damaged (its zip container cannot be read)",
            "copy the file again from where it was saved, or " + std::string(resave_fix)};
  return {"the file is not an .xlsx workbook (no zip container)", resave_fix};
}

// An entry name that could point outside the archive if it were unpacked.
bool escapes(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.find('\\') != std::string_view::npos ||
      name.find('\0') != std::string_view::npos || (name.size() > 1 && name[1] == ':'))
    return true;
  for (std::size_t start = 0; start <= name.size();) {
    std::size_t end = name.find('/', start);
    if (end == std::string_view::npos) end = name.size();
    if (name.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

ExchangeError too_large(const std::string& name) {
  return {"the workbook inflates beyond hyoka's limits (a zip bomb, or not an exported workbook)",
          "import the workbook hyoka exported, filled in; hyoka refuses files that unpack to hundreds of megabytes",
          name};
}

}  // namespace

ZipArchive::ZipArchive(const std::string& bytes, const ZipLimits& limits) : limits_(limits) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source) zip_ = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  zip_error_fini(&error);
  if (!zip_) {
    if (source) zip_source_free(source);
    throw not_a_zip(bytes);
  }
  const zip_int64_t count = zip_get_num_entries(zip_, 0);
  if (count < 0 || static_cast<std::size_t>(count) > limits_.entries) {
    zip_discard(zip_);
    throw ExchangeError("the workbook holds " + std::to_string(count) + " parts, more than an exported workbook can",
                        "import the workbook hyoka exported, filled in");
  }
  for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(count); ++i) {
    zip_stat_t stat;
    if (zip_stat_index(zip_, i, 0, &stat) != 0 || !(stat.valid & ZIP_STAT_NAME)) continue;
    std::string name = stat.name;
    std::string problem;
    if (escapes(name))
      problem = "the workbook holds a part named " + name + ", a path that leaves the archive";
    else if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE)
      problem = "the workbook's parts are encrypted";
    if (!problem.empty()) {
      zip_discard(zip_);
      throw ExchangeError(problem + "; hyoka refuses such files", "import the workbook hyoka exported, saved by Excel or LibreOffice", name);
    }
    index_.emplace(std::move(name), i);
  }
}

ZipArchive::~ZipArchive() {
  if (zip_) zip_discard(zip_);
}

void ZipArchive::stream(const std::string& name, const std::function<bool(std::string_view)>& sink) {
  auto it = index_.find(name);
  if (it == index_.end()) throw ExchangeError("the workbook has no part " + name, resave_fix, name);
  zip_stat_t stat;
  if (zip_stat_index(zip_, it->second, 0, &stat) != 0) throw ExchangeError("the part cannot be read", resave_fix, name);
  if ((stat.valid & ZIP_STAT_SIZE) && stat.size > limits_.entry_bytes) throw too_large(name);
  const std::size_t compressed = (stat.valid & ZIP_STAT_COMP_SIZE) ? stat.comp_size : 0;
  const std::size_t allowed = std::min(limits_.entry_bytes, free_inflation + compressed * limits_.ratio);
  std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen_index(zip_, it->second, 0), zip_fclose);
  if (!file) throw ExchangeError("the part cannot be read (damaged or compressed in an unknown way)", resave_fix, name);
  std::vector<char> buffer(chunk);
  std::size_t inflated = 0;
  for (;;) {
    zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
    if (n < 0) throw ExchangeError("the workbook is truncated or damaged (a part fails its checksum)", resave_fix, name);
    if (n == 0) break;
    inflated += static_cast<std::size_t>(n);
    inflated_ += static_cast<std::size_t>(n);
    if (inflated > allowed || inflated_ > limits_.total_bytes) throw too_large(name);
    if (!sink(std::string_view(buffer.data(), static_cast<std::size_t>(n)))) break;
  }
}

}  // namespace hyoka::exchange
