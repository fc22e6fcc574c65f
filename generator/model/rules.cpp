#include "model/rules.hpp"

#include <algorithm>

namespace hyoka::model {
namespace {

const std::pair<const char*, Method> methods[] = {
    {"ratio", Method::ratio},       {"inverse_ratio", Method::inverse_ratio}, {"progress", Method::progress},
    {"at_least", Method::at_least}, {"at_most", Method::at_most},             {"maintain", Method::maintain},
    {"steps", Method::steps},
};

Rounding read_rounding(ObjectReader& r, Rounding rounding) {
  if (auto decimals = r.integer("decimals")) {
    if (*decimals < 0 || *decimals > 6) r.error(r.pointer_to("decimals"), "decimals must be 0–6", "write e.g. 1");
    else rounding.decimals = *decimals;
  }
  std::string mode = r.string("mode");
  if (mode == "half_up") rounding.mode = RoundingMode::half_up;
  else if (mode == "half_even") rounding.mode = RoundingMode::half_even;
  else if (mode == "down") rounding.mode = RoundingMode::down;
  else if (mode == "up") rounding.mode = RoundingMode::up;
  else if (!mode.empty()) r.error(r.pointer_to("mode"), "unknown rounding mode \"" + mode + "\"", "write half_up, half_even, down or up");
  std::string grade_on = r.string("grade_on");
  if (grade_on == "exact") rounding.grade_on_rounded = false;
  else if (!grade_on.empty() && grade_on != "rounded")
    r.error(r.pointer_to("grade_on"), "unknown value \"" + grade_on + "\"", "write \"rounded\" or \"exact\"");
  return rounding;
}

std::optional<Rounding> read_rounding_at(ObjectReader& parent, const Rounding& base) {
  const auto* json = parent.get("rounding", false);
  if (!json) return std::nullopt;
  ObjectReader r(parent.file(), *json, parent.pointer_to("rounding"), parent.diagnostics());
  if (!r.ok()) return std::nullopt;
  return read_rounding(r, base);
}

std::optional<std::vector<Grade>> read_scale(ObjectReader& parent) {
  if (!parent.has("scale")) return std::nullopt;
  std::vector<Grade> scale;
  parent.objects("scale", [&](ObjectReader& g) {
    Grade grade;
    grade.label = g.string("label", true);
    grade.min = g.number("min");
    grade.above = g.number("above");
    grade.description = g.text("description");
    grade.meaning = g.text("meaning");
    if (grade.min && grade.above) g.error(g.pointer(), "a grade has both \"min\" and \"above\"", "keep one of them");
    scale.push_back(std::move(grade));
  });
  if (scale.empty()) {
    parent.error(parent.pointer_to("scale"), "the grade scale is empty", "list the grades from best to worst");
    return std::nullopt;
  }
  return scale;
}

Rule read_rule(ObjectReader& r, const Evaluation& evaluation) {
  Rule rule;
  std::string method = r.string("method", true);
  auto it = std::find_if(std::begin(methods), std::end(methods), [&](const auto& m) { return method == m.first; });
  if (it != std::end(methods)) rule.method = it->second;
  else if (!method.empty())
    r.error(r.pointer_to("method"), "unknown method \"" + method + "\"",
            "use ratio, inverse_ratio, progress, at_least, at_most, maintain or steps");
  rule.rounding = read_rounding_at(r, evaluation.rounding);
  rule.scale = read_scale(r);
  if (rule.scale) add_default_meanings(*rule.scale);
  rule.met = r.string("met");
  rule.not_met = r.string("not_met");
  rule.order = r.strings("order");
  rule.met_rate = r.number("met_rate");
  rule.not_met_rate = r.number("not_met_rate");
  rule.description = r.text("description");
  return rule;
}

void check_labels(ObjectReader& r, const Evaluation& evaluation) {
  auto known = [&](const std::vector<Grade>& scale, const std::string& label) {
    return label.empty() || std::any_of(scale.begin(), scale.end(), [&](const Grade& g) { return g.label == label; });
  };
  for (const auto& [name, rule] : evaluation.rules) {
    const auto& scale = rule.scale ? *rule.scale : evaluation.scale;
    for (const auto* label : {&rule.met, &rule.not_met})
      if (!known(scale, *label))
        r.error("/evaluation/rules/" + name, "grade \"" + *label + "\" is not in the scale", "use one of the scale's labels");
  }
  for (const auto& label : evaluation.on_track)
    if (!known(evaluation.scale, label))
      r.error("/evaluation/on_track", "grade \"" + label + "\" is not in the scale", "use one of the scale's labels");
}

}  // namespace

std::vector<Grade> default_scale() {
  std::vector<Grade> scale = {
      {"A", Decimal{100, 0}, std::nullopt, Text{"100%以上", "100% or more"}, std::nullopt},
      {"B", Decimal{80, 0}, std::nullopt, Text{"80%以上100%未満", "80% to under 100%"}, std::nullopt},
      {"C", std::nullopt, Decimal{0, 0}, Text{"80%未満", "under 80%"}, std::nullopt},
      {"D", std::nullopt, std::nullopt, Text{"0%以下", "0% or less"}, std::nullopt},
  };
  add_default_meanings(scale);
  return scale;
}

// The Setagaya sheet names no words for its grades; readers need them, so a
// scale labelled A, B, C, D (best first) gets these unless the plan says otherwise.
void add_default_meanings(std::vector<Grade>& scale) {
  static const Text words[] = {{"目標達成", "Target met"}, {"概ね達成", "Nearly met"},
                               {"未達成", "Not met"}, {"進捗なし", "No progress"}};
  static const char* labels[] = {"A", "B", "C", "D"};
  if (scale.size() != 4) return;
  for (std::size_t i = 0; i < 4; ++i)
    if (scale[i].label != labels[i]) return;
  for (std::size_t i = 0; i < 4; ++i)
    if (!scale[i].meaning) scale[i].meaning = words[i];
}

void read_evaluation(ObjectReader& r, Evaluation& evaluation) {
  if (r.has("default_rule")) evaluation.default_rule = r.string("default_rule");
  if (auto rounding = read_rounding_at(r, evaluation.rounding)) evaluation.rounding = *rounding;
  evaluation.scale = read_scale(r).value_or(default_scale());
  add_default_meanings(evaluation.scale);
  r.members("rules", [&](const std::string& name, ObjectReader& rule) { evaluation.rules[name] = read_rule(rule, evaluation); });
  if (r.has("graded_kinds")) {
    evaluation.graded_kinds.clear();
    for (const auto& kind : r.strings("graded_kinds")) {
      if (kind == "outcome") evaluation.graded_kinds.push_back(IndicatorKind::outcome);
      else if (kind == "activity") evaluation.graded_kinds.push_back(IndicatorKind::activity);
      else r.error(r.pointer_to("graded_kinds"), "unknown kind \"" + kind + "\"", "write \"outcome\" or \"activity\"");
    }
  }
  evaluation.on_track = r.strings("on_track");
  evaluation.legend = r.text("legend");
  check_labels(r, evaluation);
}

void add_builtin_rules(Evaluation& evaluation) {
  if (evaluation.scale.empty()) evaluation.scale = default_scale();
  if (evaluation.on_track.empty())
    for (std::size_t i = 0; i < (evaluation.scale.size() + 1) / 2; ++i) evaluation.on_track.push_back(evaluation.scale[i].label);
  for (const auto& [name, method] : methods) {
    Rule rule;
    rule.method = method;
    evaluation.rules.try_emplace(name, rule);
  }
}

}  // namespace hyoka::model
