// Reading a layout file, checked against the registry of keys and fields:
// every problem is reported with its file, line and column, the name that was
// not understood, the names that would be, and what would fix it.
#include "pdf/layout_spec.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "model/json_file.hpp"
#include "pdf/pdf.hpp"

namespace hyoka::pdf {

using nlohmann::json;

namespace {

// Labels every layout gets unless it overrides them.
std::map<std::string, model::Text> default_labels() {
  auto t = [](const char* ja, const char* en) { return model::Text{ja, std::string(en)}; };
  return {
      {"continued", t("（続き）", " (continued)")},
      {"contents", t("目次", "Contents")},
      {"booklet", t("評価シート集", "Evaluation sheets")},
      {"packet", t("議会説明資料", "Council briefing packet")},
      {"sheets", t("掲載シート数", "Sheets included")},
      {"none_matched", t("条件に該当する施策はありません。", "No policy matches these conditions.")},
      {"filter", t("抽出条件", "Selection")},
      {"grades", t("評価", "Grades")},
      {"areas", t("分野", "Areas")},
      {"policies", t("施策", "Policies")},
      {"divisions", t("担当所管課", "Divisions")},
      {"all", t("すべて", "all")},
      {"page", t("ページ", "Page")},
      {"fiscal_year", t("評価年度", "Fiscal year evaluated")},
      {"date", t("作成日", "Date")},
      {"pending", t("集計中", "Being tallied")},
      {"priority", t("重点", "Priority")},
      {"cross_listed", t("再掲", "Cross-listed")},
      {"cross_listed_owner", t("施策{policy}-{project}", "Policy {policy}-{project}")},
      {"summary", t("抽出した指標の一覧", "Selected indicators")},
      {"summary_policy", t("施策", "Policy")},
      {"summary_indicator", t("指標", "Indicator")},
      {"summary_rate", t("達成状況", "Achievement")},
      {"summary_grade", t("評価", "Grade")},
      {"summary_reason", t("達成状況評価の理由", "Reason for the grade")},
      {"summary_division", t("担当所管課", "Division")},
      {"summary_page", t("頁", "Page")},
      {"selected_mark", t("▶", "▶")},
      {"selected_note", t("▶：抽出条件に該当する指標（各シートでは網掛けと▶で示す）",
                          "▶: an indicator this packet selected (marked on its sheet by shading and ▶)")},
      {"web_version", t("ウェブ版（読み上げ対応）", "Web version (accessible)")},
      {"activity", t("行動量", "Activity")},
      {"outcome", t("成果指標", "Outcome")},
  };
}

class Reader {
 public:
  Reader(const model::JsonFile& file, model::Diagnostics& diagnostics) : file_(file), diagnostics_(diagnostics) {}

  void error(const std::string& pointer, const std::string& message, const std::string& fix) const {
    diagnostics_.error(file_.path(), file_.locate(pointer), (pointer.empty() ? "" : pointer + ": ") + message, fix);
  }

  // Checks that j is an object whose keys are all known; false (reported) if not an object.
  bool object(const json& j, const std::string& pointer, const std::vector<std::string_view>& known,
              std::string_view what) const {
    if (!j.is_object()) {
      error(pointer, fmt::format("expected {} as an object {{…}}", what), "write it as a JSON object");
      return false;
    }
    for (const auto& [key, value] : j.items())
      if (std::find(known.begin(), known.end(), key) == known.end())
        error(pointer + "/" + key, fmt::format("unknown key \"{}\" in {} (known: {})", key, what, joined(known)),
              "remove it or correct its spelling");
    return true;
  }

  model::Text text(const json& j, const std::string& pointer) const {
    if (j.is_string()) return model::Text{j.get<std::string>(), j.get<std::string>()};
    if (!object(j, pointer, {"ja", "en"}, "a text") || !j.contains("ja") || !j["ja"].is_string()) {
      error(pointer, "expected a text: \"…\" or {\"ja\": \"…\", \"en\": \"…\"}", "give at least the Japanese text");
      return {};
    }
    model::Text t{j["ja"].get<std::string>(), std::nullopt};
    if (j.contains("en") && j["en"].is_string()) t.en = j["en"].get<std::string>();
    return t;
  }

  model::Text text_at(const json& j, const char* key, const std::string& pointer) const {
    return j.contains(key) ? text(j[key], pointer + "/" + key) : model::Text{};
  }

  double number(const json& j, const char* key, const std::string& pointer, double fallback, double least) const {
    if (!j.contains(key)) return fallback;
    if (!j[key].is_number() || j[key].get<double>() < least) {
      error(pointer + "/" + key, fmt::format("expected a number of at least {}", least), "write a number, e.g. 1.5");
      return fallback;
    }
    return j[key].get<double>();
  }

  bool boolean(const json& j, const char* key, const std::string& pointer) const {
    if (!j.contains(key)) return false;
    if (!j[key].is_boolean()) error(pointer + "/" + key, "expected true or false", "write true or false");
    return j[key].is_boolean() && j[key].get<bool>();
  }

  std::string choice(const json& j, const char* key, const std::string& pointer, const std::vector<std::string_view>& options,
                     std::string_view fallback) const {
    if (!j.contains(key)) return std::string(fallback);
    const std::string value = j[key].is_string() ? j[key].get<std::string>() : std::string();
    if (std::find(options.begin(), options.end(), value) == options.end()) {
      error(pointer + "/" + key, fmt::format("unknown {} \"{}\" (known: {})", key, value, joined(options)),
            fmt::format("write one of {}", joined(options)));
      return std::string(fallback);
    }
    return value;
  }

  Align align(const json& j, const std::string& pointer) const {
    const std::string a = choice(j, "align", pointer, {"left", "center", "right"}, "left");
    return a == "right" ? Align::right : a == "center" ? Align::center : Align::left;
  }

  // "field": a name or a list of names (printed one a line), each known in one of the scopes.
  std::vector<Field> fields(const json& j, const std::string& pointer, std::initializer_list<Scope> scopes,
                            bool required = true) const {
    std::vector<Field> out;
    if (!j.contains("field")) {
      if (required) error(pointer, "missing \"field\"", "name what the cell shows: " + field_names(*scopes.begin()));
      return out;
    }
    const json& f = j["field"];
    std::vector<std::pair<std::string, std::string>> names;  // name, pointer
    if (f.is_string()) names.emplace_back(f.get<std::string>(), pointer + "/field");
    for (std::size_t i = 0; f.is_array() && i < f.size(); ++i)
      names.emplace_back(f[i].is_string() ? f[i].get<std::string>() : "", fmt::format("{}/field/{}", pointer, i));
    if (names.empty()) error(pointer + "/field", "expected a field name or a list of them", "write e.g. \"name\"");
    for (const auto& [name, at] : names) {
      std::optional<Field> field;
      for (Scope s : scopes)
        if (!field) field = find_field(name, s);
      if (field) {
        out.push_back(*field);
        continue;
      }
      error(at, fmt::format("unknown {} field \"{}\" (known: {})", scope_name(*scopes.begin()), name, field_names(*scopes.begin())),
            "use one of the known fields (generator/pdf/README.md says what each shows)");
    }
    return out;
  }

  template <typename Read>
  void each(const json& j, const char* key, const std::string& pointer, Read read) const {
    if (!j.contains(key)) return;
    if (!j[key].is_array()) {
      error(pointer + "/" + key, "expected a list [ … ]", "write it as a JSON array");
      return;
    }
    for (std::size_t i = 0; i < j[key].size(); ++i) read(j[key][i], fmt::format("{}/{}/{}", pointer, key, i));
  }

  static std::string joined(const std::vector<std::string_view>& names) {
    std::string out;
    for (auto n : names) out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
  }

 private:
  const model::JsonFile& file_;
  model::Diagnostics& diagnostics_;
};

Scope row_scope(Rows rows) {
  if (rows == Rows::projects) return Scope::project;
  if (rows == Rows::budget_items) return Scope::budget_item;
  return Scope::indicator;
}

// What a block reads its fields from: the sheet's policy, or a project inside each_project.
struct Context {
  bool project = false;
  std::vector<Scope> scopes() const {
    return project ? std::vector<Scope>{Scope::project, Scope::policy} : std::vector<Scope>{Scope::policy};
  }
};

class LayoutReader {
 public:
  explicit LayoutReader(const Reader& r) : r_(r) {}

  ColumnSpec column(const json& j, const std::string& at, Scope scope) const {
    ColumnSpec c;
    if (!r_.object(j, at, {"field", "label", "width", "align", "year", "each_year", "total", "omit_empty", "unit"}, "a column"))
      return c;
    c.fields = r_.fields(j, at, {scope});
    c.label = r_.text_at(j, "label", at);
    c.width = r_.number(j, "width", at, 1, 0.01);
    c.align = r_.align(j, at);
    if (j.contains("year")) c.year = static_cast<int>(r_.number(j, "year", at, 0, 1900));
    const std::string each = r_.choice(j, "each_year", at, {"period", "data"}, "");
    c.each_year = each == "period" ? EachYear::period : each == "data" ? EachYear::data : EachYear::none;
    c.total = r_.boolean(j, "total", at);
    c.omit_empty = r_.boolean(j, "omit_empty", at);
    c.unit = !j.contains("unit") || r_.boolean(j, "unit", at);
    return c;
  }

  TableSpec table(const json& j, const std::string& at, std::vector<std::string_view> keys) const {
    TableSpec t;
    keys.insert(keys.end(), {"title", "rows", "subrows", "columns", "empty"});
    if (!r_.object(j, at, keys, "a table")) return t;
    t.title = r_.text_at(j, "title", at);
    const std::string rows =
        r_.choice(j, "rows", at, {"activity", "outcome", "indicators", "reasons", "projects", "budget_items"}, "indicators");
    if (!j.contains("rows")) r_.error(at, "missing \"rows\"", "say which rows the table lists: activity, outcome, indicators, reasons, projects or budget_items");
    static const std::map<std::string, Rows> kinds{{"activity", Rows::activity},   {"outcome", Rows::outcome},
                                                   {"indicators", Rows::indicators}, {"reasons", Rows::reasons},
                                                   {"projects", Rows::projects},     {"budget_items", Rows::budget_items}};
    t.rows = kinds.at(rows);
    const Scope scope = row_scope(t.rows);
    if (j.contains("grades") && j["grades"].is_array())
      for (const auto& g : j["grades"]) t.grades.push_back(g.is_string() ? g.get<std::string>() : "");
    t.omit_empty_rows = r_.boolean(j, "omit_empty_rows", at);
    r_.each(j, "subrows", at, [&](const json& s, const std::string& p) {
      if (!r_.object(s, p, {"label", "value", "omit_empty"}, "a sub-row")) return;
      SubrowSpec sub{r_.text_at(s, "label", p), Field::target, r_.boolean(s, "omit_empty", p)};
      json as_field = s.contains("value") ? json{{"field", s["value"]}} : json::object();
      auto value = r_.fields(as_field, p, {scope});
      if (!value.empty()) sub.value = value.front();
      t.subrows.push_back(sub);
    });
    r_.each(j, "columns", at, [&](const json& c, const std::string& p) { t.columns.push_back(column(c, p, scope)); });
    if (t.columns.empty()) r_.error(at, "a table needs columns", "add \"columns\": [{\"field\": \"name\", …}]");
    t.empty = r_.text_at(j, "empty", at);
    return t;
  }

  std::vector<SpanCell> span_cells(const json& j, const char* key, const std::string& at, Scope scope) const {
    std::vector<SpanCell> out;
    r_.each(j, key, at, [&](const json& c, const std::string& p) {
      if (!r_.object(c, p, {"label", "field", "span", "align"}, "a band cell")) return;
      SpanCell cell{r_.text_at(c, "label", p), r_.fields(c, p, {scope}, !c.contains("label")),
                    static_cast<int>(r_.number(c, "span", p, 1, 1)), r_.align(c, p)};
      out.push_back(cell);
    });
    return out;
  }

  void bands(const json& j, const std::string& at, BlockSpec& b) const {
    BandSpec& s = b.bands;
    s.head = span_cells(j, "head", at, Scope::project);
    r_.each(j, "lanes", at, [&](const json& l, const std::string& p) {
      LaneSpec lane{table(l, p, {})};
      if (lane.table.rows != Rows::activity && lane.table.rows != Rows::outcome && lane.table.rows != Rows::indicators)
        r_.error(p + "/rows", "a lane lists indicators", "write \"activity\", \"outcome\" or \"indicators\"");
      s.lanes.push_back(std::move(lane));
    });
    if (s.lanes.empty()) r_.error(at, "bands need lanes", "add \"lanes\": [{\"rows\": \"activity\", …}, …]");
    r_.each(j, "after", at, [&](const json& c, const std::string& p) { s.after.push_back(column(c, p, Scope::band)); });
    if (j.contains("grades") && j["grades"].is_array())
      for (const auto& g : j["grades"]) s.grades.push_back(g.is_string() ? g.get<std::string>() : "");
    s.foot = span_cells(j, "foot", at, Scope::indicator);
    s.empty = r_.text_at(j, "empty", at);
    for (const auto* part : {&s.head, &s.foot}) {
      int spans = std::accumulate(part->begin(), part->end(), 0, [](int n, const SpanCell& c) { return n + c.span; });
      if (!part->empty() && spans != s.columns())
        r_.error(at + (part == &s.head ? "/head" : "/foot"),
                 fmt::format("the cells span {} grid columns but the band has {} (the lanes' columns and \"after\")", spans,
                             s.columns()),
                 "make the \"span\" values add up to the band's columns");
    }
  }

  std::vector<BlockSpec> blocks(const json& j, const char* key, const std::string& at, Context context) const {
    std::vector<BlockSpec> out;
    r_.each(j, key, at, [&](const json& b, const std::string& p) { out.push_back(block(b, p, context)); });
    return out;
  }

  BlockSpec block(const json& j, const std::string& at, Context context) const {
    BlockSpec b;
    if (!j.is_object()) {
      r_.error(at, "expected a block as an object {…}", "write {\"type\": \"table\", …}");
      return b;
    }
    static const std::map<std::string, BlockType> types{
        {"table", BlockType::table},         {"bands", BlockType::bands},       {"columns", BlockType::columns},
        {"text", BlockType::text},           {"fields", BlockType::fields},     {"legend", BlockType::legend},
        {"footnotes", BlockType::footnotes}, {"glossary", BlockType::glossary}, {"each_project", BlockType::each_project}};
    const std::string type = r_.choice(j, "type", at,
                                       {"table", "bands", "columns", "text", "fields", "legend", "footnotes", "glossary",
                                        "each_project"},
                                       "text");
    if (!j.contains("type")) r_.error(at, "missing \"type\"", "write the block's type, e.g. \"type\": \"table\"");
    b.type = types.at(type);
    const std::string when = r_.choice(j, "when", at, {"always", "graded", "ungraded", "has_years"}, "always");
    b.when = when == "graded"     ? Condition::graded
             : when == "ungraded" ? Condition::ungraded
             : when == "has_years" ? Condition::has_years
                                   : Condition::always;
    if (b.when == Condition::has_years && !context.project && type != "each_project")
      r_.error(at + "/when", "\"has_years\" applies to projects", "use it on each_project or on a block inside one");
    b.keep_together = r_.boolean(j, "keep_together", at);
    b.title = r_.text_at(j, "title", at);
    const std::vector<std::string_view> common{"type", "when", "keep_together", "title"};
    auto keys = [&](std::initializer_list<std::string_view> more) {
      std::vector<std::string_view> all = common;
      all.insert(all.end(), more);
      return all;
    };
    const std::string what = "a " + type + " block";
    switch (b.type) {
      case BlockType::table:
        b.table = table(j, at, keys({"grades", "omit_empty_rows"}));
        if (context.project && b.table.rows != Rows::projects && b.table.rows != Rows::budget_items)
          r_.error(at + "/rows", "inside each_project a table lists the project or its budget",
                   "write \"projects\" (this project's row) or \"budget_items\"");
        if (j.contains("title")) b.table.title = b.title;
        break;
      case BlockType::bands:
        if (r_.object(j, at, keys({"head", "lanes", "after", "grades", "foot", "empty"}), what)) bands(j, at, b);
        break;
      case BlockType::columns:
        if (!r_.object(j, at, keys({"columns", "min_width"}), what)) break;
        b.min_width = r_.number(j, "min_width", at, 0, 0);
        r_.each(j, "columns", at, [&](const json& c, const std::string& p) {
          if (!r_.object(c, p, {"share", "blocks"}, "a column of blocks")) return;
          b.columns.push_back({r_.number(c, "share", p, 1, 0.01), blocks(c, "blocks", p, context)});
        });
        if (b.columns.empty()) r_.error(at, "columns needs columns", "add \"columns\": [{\"share\": 1, \"blocks\": […]}, …]");
        break;
      case BlockType::text:
        if (!r_.object(j, at, keys({"field", "heading", "section"}), what)) break;
        b.fields = field_list(j, at, context);
        if (j.contains("heading")) b.heading = field_list(json{{"field", j["heading"]}}, at + "/heading", context);
        b.section = static_cast<int>(r_.number(j, "section", at, -1, 0));
        break;
      case BlockType::fields:
        if (!r_.object(j, at, keys({"rows", "label_width", "value_width"}), what)) break;
        b.label_width = r_.number(j, "label_width", at, 1, 0.01);
        b.value_width = r_.number(j, "value_width", at, 4, 0.01);
        r_.each(j, "rows", at, [&](const json& row, const std::string& p) {
          if (!r_.object(row, p, {"label", "field"}, "a fields row")) return;
          b.rows.push_back({r_.text_at(row, "label", p), field_list(row, p, context)});
        });
        break;
      case BlockType::legend: r_.object(j, at, keys({"mark"}), what); b.mark = r_.text_at(j, "mark", at); break;
      case BlockType::footnotes:
      case BlockType::glossary: r_.object(j, at, common, what); break;
      case BlockType::each_project:
        if (context.project) r_.error(at + "/type", "each_project cannot be nested", "move the inner blocks up");
        if (r_.object(j, at, keys({"blocks"}), what)) b.blocks = blocks(j, "blocks", at, Context{true});
        break;
    }
    return b;
  }

  std::vector<Field> field_list(const json& j, const std::string& at, Context context) const {
    if (context.project) return r_.fields(j, at, {Scope::project, Scope::policy});
    return r_.fields(j, at, {Scope::policy});
  }

  HeaderRow header_row(const json& j, const std::string& at) const {
    HeaderRow row;
    if (!r_.object(j, at, {"cells", "repeat"}, "a header row")) return row;
    row.repeat = r_.boolean(j, "repeat", at);
    r_.each(j, "cells", at, [&](const json& c, const std::string& p) {
      if (!r_.object(c, p, {"field", "label", "label_width", "width", "size", "align"}, "a header cell")) return;
      HeaderCell cell;
      cell.fields = r_.fields(c, p, {Scope::policy});
      cell.label = r_.text_at(c, "label", p);
      cell.label_width = r_.number(c, "label_width", p, 1, 0.01);
      cell.width = r_.number(c, "width", p, 3, 0.01);
      cell.size = r_.number(c, "size", p, 0, 4);
      cell.align = r_.align(c, p);
      row.cells.push_back(cell);
    });
    return row;
  }

  void page(const json& j, LayoutSpec& layout) const {
    if (!r_.object(j, "/page", {"size", "orientation", "margin"}, "the page")) return;
    r_.choice(j, "size", "/page", {"A4"}, "A4");
    if (r_.choice(j, "orientation", "/page", {"landscape", "portrait"}, "landscape") == "portrait") {
      layout.page_width = 595;
      layout.page_height = 842;
    }
    layout.margin = r_.number(j, "margin", "/page", 28, 0);
  }

  void read(const json& j, LayoutSpec& layout) const {
    if (!r_.object(j, "", {"name", "title", "page", "font_size", "min_font_size", "header_size", "header", "body", "labels"},
                   "a layout"))
      return;
    layout.name = j.contains("name") && j["name"].is_string() ? j["name"].get<std::string>() : layout.file.stem().string();
    layout.title = r_.text_at(j, "title", "");
    if (j.contains("page")) page(j["page"], layout);
    layout.font_size = r_.number(j, "font_size", "", 9, 4);
    layout.min_font_size = std::min(layout.font_size, r_.number(j, "min_font_size", "", layout.font_size, 4));
    layout.header_size = r_.number(j, "header_size", "", layout.font_size, 4);
    r_.each(j, "header", "", [&](const json& row, const std::string& p) { layout.header.push_back(header_row(row, p)); });
    layout.body = blocks(j, "body", "", Context{});
    if (j.contains("labels") && r_.object(j["labels"], "/labels", label_keys(layout), "the labels"))
      for (const auto& [key, value] : j["labels"].items())
        if (layout.labels.count(key)) layout.labels[key] = r_.text(value, "/labels/" + key);
  }

 private:
  const Reader& r_;

  static std::vector<std::string_view> label_keys(const LayoutSpec& layout) {
    std::vector<std::string_view> keys;
    for (const auto& [key, text] : layout.labels) keys.push_back(key);
    return keys;
  }
};

}  // namespace

int BandSpec::columns() const {
  int n = static_cast<int>(after.size());
  for (const auto& lane : lanes) n += static_cast<int>(lane.table.columns.size());
  return n;
}

const model::Text& LayoutSpec::label(const std::string& key) const {
  static const model::Text missing{"?", std::string("?")};
  auto it = labels.find(key);
  return it == labels.end() ? missing : it->second;
}

LayoutSpec load_layout(const std::filesystem::path& file) {
  model::Diagnostics diagnostics;
  if (!std::filesystem::exists(file)) throw PdfError(fmt::format("{}: layout file not found", file.string()));
  auto parsed = model::JsonFile::read(file, diagnostics);
  LayoutSpec layout;
  layout.file = file;
  layout.labels = default_labels();
  if (parsed) {
    Reader reader(*parsed, diagnostics);
    LayoutReader(reader).read(parsed->document(), layout);
  }
  if (diagnostics.has_errors()) {
    std::string message;
    for (const auto& d : diagnostics.items()) message += (message.empty() ? "" : "\n") + model::format(d);
    throw PdfError(message);
  }
  return layout;
}

}  // namespace hyoka::pdf
