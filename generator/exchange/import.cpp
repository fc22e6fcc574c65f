#include "exchange/import.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "exchange/csv_file.hpp"
#include "exchange/json_patch.hpp"
#include "model/reader.hpp"
#include "present/numbers.hpp"
#include "present/years.hpp"

namespace hyoka::exchange {
namespace fs = std::filesystem;
namespace {

// Key orders of the plan files (as the sample files have them), for keys the import inserts.
std::vector<std::string> key_order(const std::string& pointer) {
  const auto t = pointer_tokens(pointer);
  if (t.size() == 2 && t[0] == "indicators")
    return {"id", "kind", "number", "project", "name", "description", "source", "reference", "unit", "rule", "baseline", "years", "note"};
  if (t.size() == 2 && t[0] == "projects")
    return {"id", "number", "priority", "name", "description", "cross_listed", "divisions", "rule", "unit", "status", "goal", "years",
            "cost_total", "budget", "note"};
  if (t.size() == 4 && t[2] == "years")
    return t[0] == "indicators" ? std::vector<std::string>{"target", "revised_target", "actual", "reason", "note"}
                                : std::vector<std::string>{"plan", "actual", "cost", "note"};
  if (t.size() == 5 && t[2] == "years" && t[4] != "reason" && t[4] != "note")
    return {"value", "bound", "text", "pending", "none", "note"};
  return {"ja", "en"};
}

std::string read_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string shown_short(const FieldValue& value) {
  return value.kind == FieldValue::Kind::text ? model::as_quoted(first_words(value.text)) : shown(value);
}

// The JSON a figure is written as; a text figure carries its English when there is one.
JsonValue json_of(const FieldValue& value, const FieldValue& english) {
  switch (value.kind) {
    case FieldValue::Kind::number: return JsonValue::number(value.number);
    case FieldValue::Kind::pending: return JsonValue::object({{"pending", JsonValue::yes()}});
    case FieldValue::Kind::none: return JsonValue::object({{"none", JsonValue::yes()}});
    case FieldValue::Kind::text: {
      std::vector<JsonMember> text{{"ja", JsonValue::string(value.text)}};
      if (!english.empty()) text.push_back({"en", JsonValue::string(english.text)});
      return JsonValue::object({{"text", JsonValue::object(std::move(text))}});
    }
    case FieldValue::Kind::empty: break;
  }
  return {};
}

// A field's value at export, as the file keeps it: the value, or a digest of a long text.
struct AtExport {
  std::optional<FieldValue> value;  // nullopt: only the digest is known
  std::string digest;

  static std::optional<AtExport> of(const FieldCell& cell, const FigureShape& shape) {
    if (cell.at_export.type == Cell::Type::text && cell.at_export.text.rfind(digest_marker, 0) == 0)
      return AtExport{std::nullopt, cell.at_export.text};
    Reading reading = read_cell(cell.at_export, cell.field, shape);
    if (!reading.value) return std::nullopt;
    return AtExport{std::move(reading.value), {}};
  }
  bool matches(const FieldValue& other) const { return value ? same(*value, other) : export_digest(other) == digest; }
  std::string shown() const { return value ? shown_short(*value) : "the text as exported"; }
};

struct Place {
  std::string base;                // "/indicators/3/years/2024"
  const model::Value* figure;      // the figure now, for its shape ({"value": …, "note": …})
};

Place place_of(const Row& row, Field field, int year) {
  static const model::Value absent;
  const std::string y = "/years/" + std::to_string(year);
  if (row.indicator) {
    auto index = row.indicator - row.policy->indicators.data();
    auto it = row.indicator->years.find(year);
    return {"/indicators/" + std::to_string(index) + y, it == row.indicator->years.end() ? &absent : &it->second.actual};
  }
  auto index = row.project - row.policy->projects.data();
  auto it = row.project->years.find(year);
  const model::Value* figure = it == row.project->years.end() ? &absent : field == Field::cost ? &it->second.cost : &it->second.actual;
  return {"/projects/" + std::to_string(index) + y, figure};
}

const char* member_of(Field field) {
  switch (field) {
    case Field::actual:
    case Field::actual_en: return "actual";
    case Field::cost: return "cost";
    case Field::reason_ja:
    case Field::reason_en: return "reason";
    default: return "note";
  }
}

// `english`: the actual's English as it will be; `with_actual`: the actual changes too (and writes it).
void apply(JsonPatcher& patcher, const Change& change, int year, const FieldValue& english, bool with_actual) {
  const Place place = place_of(*change.row, change.field, year);
  const std::string pointer = place.base + "/" + member_of(change.field);
  if (is_figure(change.field)) {
    if (change.to.empty()) return patcher.remove(pointer);
    // A figure written as {"value": …} (with a bound or a note) keeps them: only its number changes.
    const bool object_form = place.figure->is_number() && (place.figure->bound != model::Bound::none || place.figure->note);
    if (object_form && change.to.kind == FieldValue::Kind::number) return patcher.set(pointer + "/value", json_of(change.to, {}));
    return patcher.set(pointer, json_of(change.to, change.field == Field::actual ? english : FieldValue{}));
  }
  if (change.field == Field::actual_en) {
    if (with_actual) return;
    return change.to.empty() ? patcher.remove(pointer + "/text/en") : patcher.set(pointer + "/text/en", JsonValue::string(change.to.text));
  }
  const bool in_english = change.field == Field::reason_en || change.field == Field::note_en;
  if (!change.to.empty()) return patcher.set(pointer + (in_english ? "/en" : "/ja"), JsonValue::string(change.to.text));
  // Japanese is required: emptying it empties the whole text (an English one left alone is refused earlier).
  patcher.remove(in_english ? pointer + "/en" : pointer);
}

fs::path commentary_file(const model::Plan& plan, const Row& row, Field field) {
  const std::string lang = field == Field::commentary_en ? ".en.md" : ".ja.md";
  if (row.id.kind == RowKind::policy_commentary) return plan.root / "policies" / (row.policy->id + lang);
  return plan.root / "projects" / (row.project->id + lang);
}

// The new Markdown file: the text with the file's line ends and BOM kept.
std::string markdown_bytes(const std::string& text, const std::string& before) {
  const bool bom = before.rfind("\xEF\xBB\xBF", 0) == 0;
  const bool crlf = before.find("\r\n") != std::string::npos;
  std::string out = bom ? "\xEF\xBB\xBF" : "";
  for (char c : text + "\n") out += c == '\n' && crlf ? std::string("\r\n") : std::string(1, c);
  return out;
}

struct Output {
  fs::path file;
  std::optional<std::string> bytes;  // nullopt: remove the file
};

void run_each(const model::ForEach& for_each, std::size_t count, const std::function<void(std::size_t)>& task) {
  if (for_each) for_each(count, task);
  else for (std::size_t i = 0; i < count; ++i) task(i);
}

}  // namespace

struct Importer::Impl {
  const model::Plan& plan;
  ImportOptions options;
  int year;
  RowIndex rows;
  model::Diagnostics diagnostics;
  std::map<std::pair<const Row*, Field>, Change> proposals;  // in plan order
  std::vector<std::string> kept;

  Impl(const model::Plan& p, ImportOptions o)
      : plan(p), options(o), year(o.year ? o.year : p.evaluation_year), rows(p, year) {}

  bool check_file(const Submission& s) {
    const std::size_t before = diagnostics.error_count();
    const auto& meta = s.meta;
    if (meta.plan != plan.id)
      diagnostics.error(s.file, "", "the file was exported from the plan " + meta.plan + ", not " + plan.id,
                        "import it into the plan folder of " + meta.plan);
    if (meta.year != year)
      diagnostics.error(s.file, "", "the file is for " + present::fiscal_year(meta.year, model::Lang::ja) + " (FY" +
                                        std::to_string(meta.year) + "), the import for FY" + std::to_string(year),
                        "import it with --year " + std::to_string(meta.year) + ", or export FY" + std::to_string(year) + " and fill that");
    if (meta.by == Grouping::division && !meta.owner.empty() && !plan.find_division(meta.owner))
      diagnostics.error(s.file, "", "the file is for the division " + meta.owner + ", which the plan does not list",
                        "export again from the plan as it is now");
    if (meta.by == Grouping::policy && !plan.find_policy(meta.owner))
      diagnostics.error(s.file, "", "the file is for the policy " + meta.owner + ", which the plan does not have",
                        "export again from the plan as it is now");
    for (const auto& problem : s.problems) diagnostics.error(s.file, problem.where, problem.message, problem.fix);
    return diagnostics.error_count() == before;
  }

  bool owns(const Submission& s, const Row& row) const {
    return s.meta.by == Grouping::policy ? row.policy->id == s.meta.owner : row.owned_by(s.meta.owner);
  }

  std::string owner_names(const Row& row) const {
    if (row.owners.empty()) return "no division";
    std::string out;
    for (const auto& id : row.owners) {
      const auto* division = plan.find_division(id);
      out += (out.empty() ? "" : ", ") + (division ? division->name.ja + " (" + id + ")" : id);
    }
    return out;
  }

  void judge(const Submission& s, const SubmittedRow& submitted) {
    auto id = RowId::parse(submitted.id);
    const Row* row = id ? rows.find(*id) : nullptr;
    if (!row) {
      diagnostics.error(s.file, submitted.where, "the row " + submitted.id + " names nothing in the plan for FY" + std::to_string(year),
                        "row ids are locked: take the row from the exported file again, or export afresh");
      return;
    }
    if (!owns(s, *row)) {
      diagnostics.error(s.file, submitted.where,
                        "the row " + submitted.id + " belongs to " + owner_names(*row) + ", not to this file's " +
                            (s.meta.by == Grouping::policy ? "policy " : "division ") + (s.meta.owner.empty() ? "(none)" : s.meta.owner),
                        "leave it to its own division's workbook (export gives each division its rows)");
      return;
    }
    for (const auto& cell : submitted.cells)
      if (cell.exported) judge(s, *row, cell);
  }

  void judge(const Submission& s, const Row& row, const FieldCell& cell) {
    const FigureShape shape = figure_shape(plan, row, cell.field, year);
    const Reading reading = read_cell(cell.cell, cell.field, shape);
    if (!reading.value) return diagnostics.error(s.file, cell.where, reading.message, reading.fix);
    const auto exported = AtExport::of(cell, shape);
    if (!exported)
      return diagnostics.error(s.file, cell.where, "the value this cell held at export is damaged in the file",
                               "export the year again and fill that file");
    const FieldValue now = current_value(row, cell.field, year);
    const FieldValue& typed = *reading.value;
    if (same(typed, now)) return;
    if (s.cp932 && !is_figure(cell.field)) {
      std::string lost = characters_without_cp932(now.text);
      if (!lost.empty())
        return diagnostics.error(s.file, cell.where,
                                 "the plan's text here holds characters Shift_JIS (CP932) has no form for (" + lost +
                                     "); the file was saved as Shift_JIS, so they cannot have come back",
                                 "save the file from Excel as \"CSV UTF-8 (コンマ区切り)\" and import that one");
    }
    if (!exported->matches(now)) {
      if (exported->matches(typed)) {
        kept.push_back(describe(row) + " " + label(cell.field, model::Lang::ja) + ": " + shown_short(now) +
                       " (changed in the plan since the export; the file still shows " + shown_short(typed) + ")");
        return;
      }
      return diagnostics.error(s.file, cell.where,
                               "conflict: " + label(cell.field, model::Lang::ja) + " of " + describe(row) + " changed in the plan since the export (" +
                                   exported->shown() + " → " + shown_short(now) + ") and in the file (" +
                                   exported->shown() + " → " + shown_short(typed) + ")",
                               "decide which is right: type " + shown_short(now) + " in the cell to keep the plan's value, or change the plan file to " +
                                   shown_short(typed) + "; then import again");
    }
    propose(Change{fs::path(), &row, describe(row), cell.field, now, typed, s.file, cell.where});
  }

  void propose(const Change& change) {
    auto [it, fresh] = proposals.emplace(std::make_pair(change.row, change.field), change);
    if (!fresh && !same(it->second.to, change.to))
      diagnostics.error(change.source, change.where,
                        "another file sets the same value differently: " + it->second.source.filename().string() + ":" + it->second.where +
                            " → " + shown_short(it->second.to) + ", here → " + shown_short(change.to),
                        "agree on one value and import the files again");
  }

  FieldValue final_value(const Row& row, Field field) const {
    auto it = proposals.find({&row, field});
    return it != proposals.end() ? it->second.to : current_value(row, field, year);
  }

  // Japanese is the text every other language falls back to: English alone is refused.
  void check_text_pairs() {
    std::set<std::pair<const Row*, Field>> reported;
    for (const auto& [key, change] : proposals) {
      const auto [row, field] = key;
      if ((field == Field::actual || field == Field::actual_en) && !final_value(*row, Field::actual_en).empty() &&
          final_value(*row, Field::actual).kind != FieldValue::Kind::text && reported.insert({row, Field::actual}).second)
        diagnostics.error(change.source, change.where, "an English actual, but the actual is not a text (" + describe(*row) + ")",
                          "leave the English actual empty unless the actual is a text such as 一部運用");
      const bool reason = field == Field::reason_ja || field == Field::reason_en;
      if (!reason && field != Field::note_ja && field != Field::note_en) continue;
      const Field ja = reason ? Field::reason_ja : Field::note_ja, en = reason ? Field::reason_en : Field::note_en;
      if (final_value(*row, en).empty() || !final_value(*row, ja).empty() || !reported.insert({row, ja}).second) continue;
      diagnostics.error(change.source, change.where,
                        "an English " + std::string(reason ? "reason" : "note") + " without the Japanese one (" + describe(*row) + ")",
                        "write the Japanese text as well (it is the one every page falls back to)");
    }
  }

  std::vector<Output> outputs(std::vector<Change>& changes) {
    std::map<fs::path, std::vector<Change*>> json_files;
    std::vector<Output> out;
    for (auto& change : changes) {
      if (change.field == Field::commentary_ja || change.field == Field::commentary_en) {
        change.file = commentary_file(plan, *change.row, change.field);
        out.push_back({change.file, change.to.empty() ? std::nullopt
                                                       : std::optional(markdown_bytes(change.to.text, fs::exists(change.file) ? read_bytes(change.file) : ""))});
      } else {
        change.file = change.row->policy->file;
        json_files[change.file].push_back(&change);
      }
    }
    std::vector<std::pair<fs::path, std::vector<Change*>>> files(json_files.begin(), json_files.end());
    const std::size_t first = out.size();
    out.resize(first + files.size());
    run_each(options.for_each, files.size(), [&](std::size_t i) { out[first + i] = {files[i].first, patched(files[i].first, files[i].second)}; });
    return out;
  }

  std::string patched(const fs::path& file, const std::vector<Change*>& changes) {
    std::string bytes = read_bytes(file);
    const bool bom = bytes.rfind("\xEF\xBB\xBF", 0) == 0;
    JsonPatcher patcher(bom ? bytes.substr(3) : bytes, key_order);
    for (const Change* change : changes)
      apply(patcher, *change, year, final_value(*change->row, Field::actual_en), proposals.count({change->row, Field::actual}) > 0);
    if (!nlohmann::json::accept(patcher.text()))
      throw ExchangeError("hyoka made " + file.string() + " invalid while editing it", "report this as a bug; nothing was written");
    return (bom ? "\xEF\xBB\xBF" : "") + patcher.text();
  }
};

namespace {

// Every file is written beside its original first, then all are renamed into
// place: a failure while writing leaves every plan file as it was.
fs::path temporary_of(const fs::path& file) {
  fs::path tmp = file;
  tmp += ".hyoka-import.tmp";
  return tmp;
}

std::vector<fs::path> commit(const std::vector<Output>& outputs, const model::ForEach& for_each) {
  std::vector<char> started(outputs.size(), 0);  // a temporary file may exist (one flag per file: no sharing between threads)
  try {
    run_each(for_each, outputs.size(), [&](std::size_t i) {
      if (!outputs[i].bytes) return;
      const fs::path tmp = temporary_of(outputs[i].file);
      started[i] = 1;
      std::ofstream out(tmp, std::ios::binary);
      out << *outputs[i].bytes;
      out.close();
      if (!out) throw ExchangeError("cannot write " + tmp.string(), "check that the plan folder is writable and has room");
    });
  } catch (...) {
    std::error_code ec;
    for (std::size_t i = 0; i < outputs.size(); ++i)
      if (started[i]) fs::remove(temporary_of(outputs[i].file), ec);
    throw;
  }
  std::vector<fs::path> written;
  for (const auto& output : outputs) {
    if (output.bytes) {
      fs::rename(temporary_of(output.file), output.file);
    } else {
      fs::remove(output.file);
    }
    written.push_back(output.file);
  }
  return written;
}

}  // namespace

Importer::Importer(const model::Plan& plan, ImportOptions options) : impl_(std::make_unique<Impl>(plan, options)) {}
Importer::~Importer() = default;

void Importer::add(const Submission& submission) {
  if (!impl_->check_file(submission)) return;
  for (const auto& row : submission.rows) impl_->judge(submission, row);
}

void Importer::add_failure(const fs::path& file, const ExchangeError& error) {
  impl_->diagnostics.error(file, error.where(), error.what(), error.fix());
}

ImportReport Importer::finish() {
  ImportReport report;
  impl_->check_text_pairs();
  for (auto& [key, change] : impl_->proposals) report.changes.push_back(change);
  report.kept = impl_->kept;
  if (!impl_->diagnostics.has_errors()) {
    try {
      auto outputs = impl_->outputs(report.changes);
      if (!impl_->options.dry_run) report.files_written = commit(outputs, impl_->options.for_each);
    } catch (const ExchangeError& e) {
      impl_->diagnostics.error(impl_->plan.root, e.where(), e.what(), e.fix());
    } catch (const fs::filesystem_error& e) {
      impl_->diagnostics.error(impl_->plan.root, "", e.what(), "check that the plan folder is writable");
    }
  }
  report.diagnostics = std::move(impl_->diagnostics);
  return report;
}

std::string describe(const Change& change) {
  return change.what + " " + label(change.field, model::Lang::ja) + ": " + shown_short(change.from) + " → " + shown_short(change.to);
}

}  // namespace hyoka::exchange
