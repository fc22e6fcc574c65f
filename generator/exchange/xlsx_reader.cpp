#include "exchange/xlsx_reader.hpp"

#include <cmath>
#include <cstdlib>
#include <optional>

#include "exchange/xml_stream.hpp"
#include "exchange/zip_archive.hpp"

namespace hyoka::exchange {
namespace {

const char* const resave_fix = "open the file in Excel or LibreOffice and save it again as .xlsx";

// ---- parts and their relationships -------------------------------------

struct Relationship {
  std::string id, type, target;
};

class RelationshipsHandler : public XmlHandler {
 public:
  std::vector<Relationship> relationships;
  void start(std::string_view name, const char** attributes) override {
    if (name != "Relationship") return;
    auto get = [&](const char* key) { const char* v = attribute(attributes, key); return std::string(v ? v : ""); };
    relationships.push_back({get("Id"), get("Type"), get("Target")});
  }
  void end(std::string_view) override {}
};

bool ends_with(std::string_view text, std::string_view tail) {
  return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

// A relationship target relative to the part's folder, as an entry name.
std::string resolve(const std::string& folder, const std::string& target) {
  std::string path = !target.empty() && target.front() == '/' ? target.substr(1) : folder + target;
  std::vector<std::string> parts;
  for (std::size_t start = 0; start <= path.size();) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string part = path.substr(start, end - start);
    if (part == "..") {
      if (parts.empty()) throw ExchangeError("the workbook refers to " + target + ", outside the archive", resave_fix);
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "/") + part;
  return out;
}

std::string folder_of(const std::string& part) {
  auto slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

std::string rels_of(const std::string& part) {
  return folder_of(part) + "_rels/" + part.substr(folder_of(part).size()) + ".rels";
}

void parse_part(ZipArchive& zip, const std::string& part, XmlHandler& handler) {
  XmlStream xml(handler, part);
  zip.stream(part, [&](std::string_view chunk) {
    xml.feed(chunk);
    return true;
  });
  xml.finish();
}

std::vector<Relationship> relationships_of(ZipArchive& zip, const std::string& part) {
  RelationshipsHandler handler;
  if (zip.has(rels_of(part))) parse_part(zip, rels_of(part), handler);
  return std::move(handler.relationships);
}

// ---- workbook.xml --------------------------------------------------------

struct SheetEntry {
  std::string name, relationship;
  bool hidden = false;
};

class WorkbookHandler : public XmlHandler {
 public:
  std::vector<SheetEntry> sheets;
  bool date1904 = false;
  void start(std::string_view name, const char** attributes) override {
    if (name == "workbookPr") {
      const char* v = attribute(attributes, "date1904");
      date1904 = v && (std::string_view(v) == "1" || std::string_view(v) == "true");
    } else if (name == "sheet") {
      const char* sheet_name = attribute(attributes, "name");
      const char* id = attribute(attributes, "id");
      const char* state = attribute(attributes, "state");
      sheets.push_back({sheet_name ? sheet_name : "", id ? id : "", state && std::string_view(state) != "visible"});
    }
  }
  void end(std::string_view) override {}
};

// ---- styles.xml: which cells show numbers as dates or percentages ---------

enum class Shown { plain, date, percent };

// A number format code that shows a date or time: y m d h s or an era (g)
// outside quoted text, escapes and [colour] sections; [h]:mm elapsed time too.
Shown shown_by_code(std::string_view code) {
  std::string lower;
  for (char c : code) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  if (lower == "general") return Shown::plain;
  bool percent = false;
  for (std::size_t i = 0; i < lower.size(); ++i) {
    char c = lower[i];
    if (c == '"') {
      i = lower.find('"', i + 1);
      if (i == std::string::npos) break;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == '[') {
      auto close = lower.find(']', i);
      std::string_view inside = std::string_view(lower).substr(i + 1, close == std::string::npos ? 0 : close - i - 1);
      if (!inside.empty() && inside.find_first_not_of("hms") == std::string_view::npos) return Shown::date;
      if (close == std::string::npos) break;
      i = close;
    } else if (std::string_view("ymdhsg").find(c) != std::string_view::npos) {
      return Shown::date;
    } else if (c == '%') {
      percent = true;
    }
  }
  return percent ? Shown::percent : Shown::plain;
}

Shown shown_by_builtin(int id) {
  if (id == 9 || id == 10) return Shown::percent;
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)) return Shown::date;
  return Shown::plain;
}

class StylesHandler : public XmlHandler {
 public:
  std::vector<Shown> formats;  // by cell style index (the s attribute)
  void start(std::string_view name, const char** attributes) override {
    if (name == "numFmt") {
      const char* id = attribute(attributes, "numFmtId");
      const char* code = attribute(attributes, "formatCode");
      if (id && code) codes_[std::atoi(id)] = code;
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_) {
      const char* id = attribute(attributes, "numFmtId");
      int format = id ? std::atoi(id) : 0;
      auto it = codes_.find(format);
      formats.push_back(it != codes_.end() ? shown_by_code(it->second) : shown_by_builtin(format));
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
  }

 private:
  std::unordered_map<int, std::string> codes_;
  bool in_cell_xfs_ = false;
};

// ---- sharedStrings.xml ---------------------------------------------------

// The text of an <si> or <is>: its <t> runs, without the phonetic guides
// (<rPh>, furigana) Japanese Excel adds to names.
class RichText {
 public:
  void start(std::string_view name) {
    if (name == "rPh") ++phonetic_;
    else if (name == "t") in_text_ = true;
  }
  void end(std::string_view name) {
    if (name == "rPh") --phonetic_;
    else if (name == "t") in_text_ = false;
  }
  void text(std::string_view text) {
    if (in_text_ && phonetic_ == 0) text_ += text;
  }
  std::string take() {
    std::string out = decode_office_escapes(text_);
    text_.clear();
    return out;
  }

 private:
  std::string text_;
  int phonetic_ = 0;
  bool in_text_ = false;
};

class SharedStringsHandler : public XmlHandler {
 public:
  explicit SharedStringsHandler(std::size_t limit) : limit_(limit) {}
  std::vector<std::string> strings;
  void start(std::string_view name, const char**) override { text_.start(name); }
  void end(std::string_view name) override {
    text_.end(name);
    if (name != "si") return;
    if (strings.size() >= limit_)
      throw ExchangeError("the workbook holds more texts than hyoka reads (" + std::to_string(limit_) + ")",
                          "import the workbook hyoka exported, filled in");
    strings.push_back(text_.take());
  }
  void text(std::string_view t) override { text_.text(t); }

 private:
  RichText text_;
  std::size_t limit_;
};

// ---- worksheets ----------------------------------------------------------

struct SheetContext {
  const std::function<bool(int column)>& keep;  // empty: every cell
  const std::vector<std::string>& strings;
  const std::vector<Shown>& formats;
  bool date1904;
  const XlsxLimits& limits;
  std::size_t& cells;  // over the workbook
};

class SheetHandler : public XmlHandler {
 public:
  SheetHandler(SheetCells& sheet, SheetContext context) : sheet_(sheet), context_(context) {}

  void start(std::string_view name, const char** attributes) override {
    if (name == "row") {
      const char* r = attribute(attributes, "r");
      row_ = r ? std::atoi(r) : row_ + 1;
      column_ = 0;
      check_row();
    } else if (name == "c") {
      start_cell(attributes);
    } else if (name == "v") {
      in_value_ = has_value_ = true;
    } else if (name == "f") {
      has_formula_ = true;
    } else if (name == "is") {
      in_inline_ = true;
    } else if (in_inline_) {
      inline_.start(name);
    }
  }
  void end(std::string_view name) override {
    if (name == "v") in_value_ = false;
    else if (name == "is") in_inline_ = false;
    else if (name == "c") finish_cell();
    else if (in_inline_) inline_.end(name);
  }
  void text(std::string_view text) override {
    if (!keep_) return;
    if (in_value_) value_ += text;
    else if (in_inline_) inline_.text(text);
  }

 private:
  void check_row() {
    if (row_ > context_.limits.rows || row_ < 1)
      throw ExchangeError("the sheet has a row numbered " + std::to_string(row_) + "; hyoka reads at most " +
                              std::to_string(context_.limits.rows) + " rows a sheet",
                          "import the workbook hyoka exported, filled in (it has a few thousand rows at most); "
                          "delete whatever was pasted below the rows",
                          sheet_.name);
  }
  void start_cell(const char** attributes) {
    const char* r = attribute(attributes, "r");
    if (auto position = r ? parse_cell_reference(r) : std::nullopt) {
      row_ = position->row;
      column_ = position->column;
      check_row();
    } else {
      ++column_;
    }
    keep_ = !context_.keep || context_.keep(column_);
    const char* t = attribute(attributes, "t");
    const char* s = attribute(attributes, "s");
    type_ = t ? t : "n";
    style_ = s ? std::atoi(s) : 0;
    value_.clear();
    has_value_ = has_formula_ = in_value_ = false;
  }
  Shown shown() const {
    return style_ >= 0 && static_cast<std::size_t>(style_) < context_.formats.size() ? context_.formats[style_] : Shown::plain;
  }
  std::optional<Cell> cell() {
    if (type_ == "s") {
      if (!has_value_) return std::nullopt;
      char* end = nullptr;
      unsigned long index = std::strtoul(value_.c_str(), &end, 10);
      if (value_.empty() || *end || index >= context_.strings.size())
        throw ExchangeError("a cell refers to a text the workbook does not hold", resave_fix, sheet_.name + "!" + cell_name(row_, column_));
      return Cell::of_text(context_.strings[index]);
    }
    if (type_ == "inlineStr") return Cell::of_text(inline_.take());
    if (has_formula_ && !has_value_) return Cell{Cell::Type::formula_without_value, {}, false};
    if (type_ == "str") return Cell::of_text(decode_office_escapes(value_));
    if (type_ == "b") return Cell{Cell::Type::boolean, value_ == "1" || value_ == "true" ? "TRUE" : "FALSE", false};
    if (type_ == "e") return Cell{Cell::Type::error, value_, false};
    if (type_ == "d") return Cell{Cell::Type::date, value_.substr(0, 10), false};
    if (!has_value_ || value_.empty()) return has_formula_ ? std::optional<Cell>(Cell{Cell::Type::formula_without_value, {}, false}) : std::nullopt;
    if (shown() == Shown::date) return Cell{Cell::Type::date, serial_date(std::strtod(value_.c_str(), nullptr), context_.date1904), false};
    return Cell::number(value_, shown() == Shown::percent);
  }
  void finish_cell() {
    if (!keep_) return;
    auto value = cell();
    if (!value || (value->type == Cell::Type::text && value->text.empty())) return;
    if (++context_.cells > context_.limits.cells)
      throw ExchangeError("the workbook holds more than " + std::to_string(context_.limits.cells) + " cells with values",
                          "import the workbook hyoka exported, filled in", sheet_.name);
    sheet_.set(row_, column_, std::move(*value));
  }

  SheetCells& sheet_;
  SheetContext context_;
  int row_ = 0, column_ = 0, style_ = 0;
  std::string type_, value_;
  bool has_value_ = false, has_formula_ = false, in_value_ = false, in_inline_ = false, keep_ = true;
  RichText inline_;
};

std::uint64_t key_of(int row, int column) { return static_cast<std::uint64_t>(row) << 16 | static_cast<std::uint64_t>(column); }

// Days since 1970-01-01 → civil date (H. Hinnant's algorithm).
std::string civil(long days) {
  days += 719468;
  long era = (days >= 0 ? days : days - 146096) / 146097;
  long doe = days - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
  char out[64];
  std::snprintf(out, sizeof out, "%04ld-%02ld-%02ld", y + (m <= 2), m, d);
  return out;
}

std::string workbook_part(ZipArchive& zip) {
  RelationshipsHandler root;
  if (zip.has("_rels/.rels")) parse_part(zip, "_rels/.rels", root);
  for (const auto& r : root.relationships)
    if (ends_with(r.type, "/officeDocument")) return resolve("", r.target);
  return "xl/workbook.xml";
}

}  // namespace

const Cell& SheetCells::at(int row, int column) const {
  static const Cell empty;
  auto it = cells_.find(key_of(row, column));
  return it == cells_.end() ? empty : it->second;
}

void SheetCells::set(int row, int column, Cell cell) {
  cells_[key_of(row, column)] = std::move(cell);
  if (row > rows) rows = row;
}

const SheetCells* WorkbookCells::find(const std::string& name) const {
  for (const auto& sheet : sheets)
    if (sheet.name == name) return &sheet;
  return nullptr;
}

WorkbookCells read_xlsx(const std::string& bytes, const XlsxLimits& limits, const ReadFilter& filter) {
  if (bytes.size() > limits.file_bytes)
    throw ExchangeError("the file is larger than an exported workbook can be (" + std::to_string(bytes.size() >> 20) + " MiB)",
                        "import the workbook hyoka exported, filled in");
  ZipArchive zip(bytes, {limits.entry_bytes, limits.total_bytes, limits.ratio, limits.entries});
  const std::string workbook = workbook_part(zip);
  if (!zip.has(workbook)) throw ExchangeError("the file is a zip archive but not an Excel workbook (no " + workbook + ")", resave_fix);
  WorkbookHandler book;
  parse_part(zip, workbook, book);
  std::unordered_map<std::string, std::string> targets;
  SharedStringsHandler strings(limits.cells);
  StylesHandler styles;
  for (const auto& r : relationships_of(zip, workbook)) {
    std::string part = resolve(folder_of(workbook), r.target);
    targets[r.id] = part;
    if (ends_with(r.type, "/sharedStrings") && zip.has(part)) parse_part(zip, part, strings);
    if (ends_with(r.type, "/styles") && zip.has(part)) parse_part(zip, part, styles);
  }
  std::size_t cells = 0;
  std::vector<std::optional<SheetCells>> read(book.sheets.size());
  auto read_sheet = [&](std::size_t i) {
    const auto& entry = book.sheets[i];
    auto target = targets.find(entry.relationship);
    if (target == targets.end() || !zip.has(target->second)) return;  // a chart sheet or a missing part: no cells
    if (filter.sheet && entry.name != filter.first && !filter.sheet(entry.name)) return;
    SheetCells sheet;
    sheet.name = entry.name;
    sheet.hidden = entry.hidden;
    std::function<bool(int)> keep;
    if (filter.cell && entry.name != filter.first) keep = [&](int column) { return filter.cell(entry.name, column); };
    SheetHandler handler(sheet, {keep, strings.strings, styles.formats, book.date1904, limits, cells});
    parse_part(zip, target->second, handler);
    read[i] = std::move(sheet);
  };
  // The sheet that decides what to keep of the others goes first.
  for (std::size_t i = 0; i < book.sheets.size(); ++i)
    if (!filter.first.empty() && book.sheets[i].name == filter.first) {
      read_sheet(i);
      if (read[i] && filter.on_first) filter.on_first(*read[i]);
    }
  for (std::size_t i = 0; i < book.sheets.size(); ++i)
    if (filter.first.empty() || book.sheets[i].name != filter.first) read_sheet(i);
  WorkbookCells out;
  for (auto& sheet : read)
    if (sheet) out.sheets.push_back(std::move(*sheet));
  return out;
}

std::optional<CellPosition> parse_cell_reference(std::string_view reference) {
  std::size_t i = 0;
  int column = 0, row = 0;
  for (; i < reference.size() && i < 3 && reference[i] >= 'A' && reference[i] <= 'Z'; ++i) column = column * 26 + (reference[i] - 'A' + 1);
  if (i == 0 || i == reference.size() || column > 16384) return std::nullopt;
  for (std::size_t j = i; j < reference.size(); ++j) {
    if (reference[j] < '0' || reference[j] > '9' || j - i >= 7) return std::nullopt;
    row = row * 10 + (reference[j] - '0');
  }
  if (row < 1 || row > 1'048'576) return std::nullopt;
  return CellPosition{row, column};
}

std::string column_name(int column) {
  std::string name;
  for (; column > 0; column = (column - 1) / 26) name.insert(name.begin(), static_cast<char>('A' + (column - 1) % 26));
  return name;
}

std::string cell_name(int row, int column) { return column_name(column) + std::to_string(row); }

std::string serial_date(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial > 2958465) return "a date";  // beyond 9999-12-31
  long day = static_cast<long>(std::floor(serial));
  if (date1904) return civil(day - 24107);  // 1904-01-01 is day 0
  // 1900 system: day 1 is 1900-01-01, and Lotus's 1900-02-29 (day 60) shifts later days by one.
  if (day == 60) return "1900-02-29";
  return civil(day - (day > 60 ? 25569 : 25568));
}

}  // namespace hyoka::exchange
