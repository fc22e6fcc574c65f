// libFuzzer target: the xlsx reader (libzip + expat) and the import's
// judging of what it read. An input starting with "PK" is a zip archive as
// it stands (the container code); any other input is a bundle of parts,
//
//   ==> xl/workbook.xml <==
//   <workbook>…
//   ==> xl/worksheets/sheet1.xml <==
//   …
//
// zipped here before reading, so that mutations reach the XML instead of
// breaking the deflate stream's checksum. Names are taken as written (../x
// included: the reader must refuse those). Small limits keep each run fast.
// A finding is a crash, a sanitizer report, or an exception other than
// ExchangeError.
#include <zip.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "exchange/submission.hpp"
#include "exchange/xlsx_reader.hpp"
#include "exchange_fuzz.hpp"

namespace {

std::vector<std::pair<std::string, std::string>> parts_of(std::string_view input) {
  std::vector<std::pair<std::string, std::string>> parts;
  static constexpr std::string_view open = "==> ", close = " <==";
  std::size_t at = 0;
  while (at < input.size()) {
    std::size_t end = input.find('\n', at);
    std::string_view line = input.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
    at = end == std::string_view::npos ? input.size() : end + 1;
    if (line.size() > open.size() + close.size() && line.substr(0, open.size()) == open &&
        line.substr(line.size() - close.size()) == close && line.size() < 300) {
      parts.emplace_back(std::string(line.substr(open.size(), line.size() - open.size() - close.size())), "");
    } else if (!parts.empty()) {
      parts.back().second.append(line).append(end == std::string_view::npos ? "" : "\n");
    }
  }
  return parts;
}

// The parts as a zip archive in memory; empty when libzip refuses (a name it cannot store).
std::string zipped(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_error_fini(&error);
  if (!buffer) return {};
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, nullptr);
  if (!archive) {
    zip_source_free(buffer);
    zip_source_free(buffer);
    return {};
  }
  for (const auto& [name, bytes] : parts) {
    zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    if (!source || zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) < 0) zip_source_free(source);
  }
  std::string out;
  if (zip_close(archive) != 0) {
    zip_discard(archive);
  } else if (zip_source_open(buffer) == 0) {
    char chunk[65536];
    for (zip_int64_t n; (n = zip_source_read(buffer, chunk, sizeof chunk)) > 0;) out.append(chunk, static_cast<std::size_t>(n));
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string input(reinterpret_cast<const char*>(data), size);
  std::string bytes = input.rfind("PK", 0) == 0 ? input : zipped(parts_of(input));
  if (bytes.empty()) return 0;
  hyoka::exchange::XlsxLimits limits;
  limits.entry_bytes = 4u << 20;
  limits.total_bytes = 8u << 20;
  limits.rows = 2000;
  limits.cells = 20000;
  hyoka::fuzz::read_and_judge("read_xlsx", [&] {
    auto cells = hyoka::exchange::read_xlsx(bytes, limits);
    for (const auto& sheet : cells.sheets) hyoka::fuzz::consume(sheet.at(1, 1).text);
    auto submission = hyoka::exchange::read_xlsx_submission(bytes);
    submission.file = "fuzz.xlsx";
    return submission;
  });
  return 0;
}
