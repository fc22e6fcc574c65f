#include "pdf/layout_spec.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

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
  };
}

struct Reader {
  std::filesystem::path file;

  [[noreturn]] void fail(const std::string& where, const std::string& what) const {
    throw PdfError(fmt::format("{}: {}: {}", file.string(), where, what));
  }

  model::Text text(const json& j, const std::string& where) const {
    if (j.is_string()) return model::Text{j.get<std::string>(), j.get<std::string>()};
    if (!j.is_object() || !j.contains("ja")) fail(where, "expected {\"ja\": …, \"en\": …} or a string");
    model::Text t{j["ja"].get<std::string>(), std::nullopt};
    if (j.contains("en")) t.en = j["en"].get<std::string>();
    return t;
  }

  Align align(const json& j, const std::string& where) const {
    std::string a = j.value("align", "left");
    if (a == "left") return Align::left;
    if (a == "center") return Align::center;
    if (a == "right") return Align::right;
    fail(where + "/align", "expected left, center or right");
  }

  ColumnSpec column(const json& j, const std::string& where) const {
    ColumnSpec c;
    if (!j.contains("field")) fail(where, "a column needs a field");
    c.field = j["field"].get<std::string>();
    if (j.contains("label")) c.label = text(j["label"], where + "/label");
    c.width = j.value("width", 1.0);
    if (c.width <= 0) fail(where + "/width", "must be positive");
    c.align = align(j, where);
    if (j.contains("year")) c.year = j["year"].get<int>();
    c.each_year = j.value("each_year", "");
    if (!c.each_year.empty() && c.each_year != "period" && c.each_year != "data")
      fail(where + "/each_year", "expected period or data");
    return c;
  }

  TableSpec table(const json& j, const std::string& where) const {
    TableSpec t;
    if (j.contains("title")) t.title = text(j["title"], where + "/title");
    t.rows = j.value("rows", "");
    static const std::vector<std::string> sources{"activity", "outcome", "indicators", "projects", "reasons"};
    if (std::find(sources.begin(), sources.end(), t.rows) == sources.end())
      fail(where + "/rows", "expected activity, outcome, indicators, projects or reasons");
    if (j.contains("grades")) t.grades = j["grades"].get<std::vector<std::string>>();
    for (std::size_t i = 0; i < j.value("subrows", json::array()).size(); ++i) {
      const json& s = j["subrows"][i];
      t.subrows.push_back({text(s.at("label"), fmt::format("{}/subrows/{}", where, i)), s.at("value").get<std::string>(),
                           s.value("omit_empty", false)});
    }
    if (!j.contains("columns") || j["columns"].empty()) fail(where, "a table needs columns");
    for (std::size_t i = 0; i < j["columns"].size(); ++i)
      t.columns.push_back(column(j["columns"][i], fmt::format("{}/columns/{}", where, i)));
    if (j.contains("empty")) t.empty = text(j["empty"], where + "/empty");
    return t;
  }

  BlockSpec block(const json& j, const std::string& where) const {
    BlockSpec b;
    b.type = j.value("type", "");
    if (b.type == "table") {
      b.table = table(j, where);
    } else if (b.type == "columns") {
      for (std::size_t i = 0; i < j.value("tables", json::array()).size(); ++i) {
        const json& t = j["tables"][i];
        b.columns.push_back(table(t, fmt::format("{}/tables/{}", where, i)));
        b.widths.push_back(t.value("share", 1.0));
      }
      if (b.columns.empty()) fail(where, "columns needs tables");
      b.min_width = j.value("min_width", 0.0);
    } else if (b.type == "legend" || b.type == "footnotes" || b.type == "text") {
      b.field = j.value("field", "");
      if (j.contains("mark")) b.mark = text(j["mark"], where + "/mark");
      if (j.contains("title")) b.title = text(j["title"], where + "/title");
    } else {
      fail(where + "/type", "expected table, columns, legend, footnotes or text");
    }
    return b;
  }

  HeaderCell header_cell(const json& j, const std::string& where) const {
    HeaderCell c;
    if (!j.contains("field")) fail(where, "a header cell needs a field");
    c.field = j["field"].get<std::string>();
    if (j.contains("label")) c.label = text(j["label"], where + "/label");
    c.label_width = j.value("label_width", 1.0);
    c.width = j.value("width", 3.0);
    c.size = j.value("size", 0.0);
    c.align = align(j, where);
    return c;
  }

  void page(const json& j, LayoutSpec& layout) const {
    std::string size = j.value("size", "A4");
    if (size != "A4") fail("/page/size", "only A4 is supported");
    std::string orientation = j.value("orientation", "landscape");
    if (orientation == "portrait") {
      layout.page_width = 595;
      layout.page_height = 842;
    } else if (orientation != "landscape") {
      fail("/page/orientation", "expected landscape or portrait");
    }
    layout.margin = j.value("margin", 28.0);
  }
};

}  // namespace

const model::Text& LayoutSpec::label(const std::string& key) const {
  static const model::Text missing{"?", std::string("?")};
  auto it = labels.find(key);
  return it == labels.end() ? missing : it->second;
}

LayoutSpec load_layout(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw PdfError("cannot read layout file " + file.string());
  json j;
  try {
    j = json::parse(in);
  } catch (const json::exception& e) {
    throw PdfError(fmt::format("{}: invalid JSON: {}", file.string(), e.what()));
  }
  Reader r{file};
  LayoutSpec layout;
  layout.labels = default_labels();
  try {
    layout.name = j.value("name", file.stem().string());
    if (j.contains("title")) layout.title = r.text(j["title"], "/title");
    if (j.contains("page")) r.page(j["page"], layout);
    layout.font_size = j.value("font_size", 7.5);
    layout.header_size = j.value("header_size", 8.5);
    const json header = j.contains("header") ? j["header"] : json::array();
    for (std::size_t i = 0; i < header.size(); ++i) {
      std::vector<HeaderCell> row;
      for (std::size_t k = 0; k < header[i].size(); ++k)
        row.push_back(r.header_cell(header[i][k], fmt::format("/header/{}/{}", i, k)));
      layout.header.push_back(std::move(row));
    }
    const json body = j.contains("body") ? j["body"] : json::array();
    for (std::size_t i = 0; i < body.size(); ++i) layout.body.push_back(r.block(body[i], fmt::format("/body/{}", i)));
    if (j.contains("labels"))
      for (const auto& [key, value] : j["labels"].items()) layout.labels[key] = r.text(value, "/labels/" + key);
  } catch (const json::exception& e) {
    throw PdfError(fmt::format("{}: {}", file.string(), e.what()));
  }
  return layout;
}

}  // namespace hyoka::pdf
