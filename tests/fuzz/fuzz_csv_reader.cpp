// libFuzzer target: the CSV reader (encoding detection with iconv, RFC 4180
// records, the export's metadata line and columns) and the import's judging
// of what it read. A finding is a crash, a sanitizer report, or an exception
// other than ExchangeError.
#include <cstdint>
#include <string>

#include "exchange/csv_file.hpp"
#include "exchange/submission.hpp"
#include "exchange_fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  hyoka::fuzz::read_and_judge("read_csv", [&] {
    auto decoded = hyoka::exchange::decode_text(bytes);
    hyoka::fuzz::consume(hyoka::exchange::characters_without_cp932(decoded.text.substr(0, 200)));
    auto submission = hyoka::exchange::read_csv_submission(bytes);
    submission.file = "fuzz.csv";
    return submission;
  });
  return 0;
}
