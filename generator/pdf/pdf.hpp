#pragma once
// PDF evaluation sheets (評価シート), booklets and council briefing packets.
// The sheet's look is data: a layout file under templates/layouts/ (see README.md).
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "evaluate/evaluate.hpp"
#include "model/plan.hpp"

namespace hyoka::pdf {

struct Options {
  // The Japanese face (everything in Japanese documents; what the Latin face lacks in English ones).
  std::filesystem::path font_path = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf";
  // The proportional Latin face of English documents (fonts-noto-core).
  std::filesystem::path latin_font_path = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
  // English hyphenation patterns (hyphen-en-us), read with libhyphen.
  std::filesystem::path hyphenation_path = "/usr/share/hyphen/hyph_en_US.dic";
  std::filesystem::path layouts_dir;  // templates/layouts; the plan's `layout` names a file there
  // Folders searched before layouts_dir, file by file: a site's own templates/layouts.
  std::vector<std::filesystem::path> layout_overrides{};
  // The site's address (https://example.jp/): each sheet's footer then links to
  // its web page, <base_url><lang>/<plan>/policies/<policy>.html. Empty: no link.
  std::string base_url;
};

class WriterState;

// Holds the cached HarfBuzz face and the parsed layouts across documents, so a
// build writing hundreds of sheets parses the font once. One thread per instance.
class Writer {
 public:
  explicit Writer(Options options);
  ~Writer();
  Writer(Writer&&) noexcept;
  Writer& operator=(Writer&&) noexcept;

  // One policy's sheet (one or more pages).
  void write_sheet(const model::Plan& plan, const evaluate::PlanEvaluation& evaluation,
                   const std::string& policy_id, model::Lang lang, const std::filesystem::path& file);
  // Cover, contents with page numbers, bookmarks area → policy, and every sheet.
  void write_booklet(const model::Plan& plan, const evaluate::PlanEvaluation& evaluation, model::Lang lang,
                     const std::filesystem::path& file);

  struct Filter {  // empty lists match everything
    std::vector<std::string> grades{}, areas{}, policies{}, divisions{};
  };
  // A briefing packet: cover (with the filter), contents and the matching sheets.
  // Returns the number of sheets included; with 0 the cover says that none matched.
  int write_packet(const model::Plan& plan, const evaluate::PlanEvaluation& evaluation, const Filter& filter,
                   model::Lang lang, const std::filesystem::path& file);

 private:
  std::unique_ptr<WriterState> state_;
};

struct PdfError : std::runtime_error {
  using runtime_error::runtime_error;
};

}  // namespace hyoka::pdf
