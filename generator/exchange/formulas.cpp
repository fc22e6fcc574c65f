#include "exchange/formulas.hpp"

#include <algorithm>
#include <set>

#include "evaluate/evaluate.hpp"

namespace hyoka::exchange {
namespace {

using model::Method;

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string number(const model::Decimal& value) { return value.to_string(); }

std::string rounded(const std::string& expression, const model::Rounding& rounding) {
  const char* function = rounding.mode == model::RoundingMode::down ? "ROUNDDOWN"
                         : rounding.mode == model::RoundingMode::up ? "ROUNDUP"
                                                                    : "ROUND";
  return std::string(function) + "(" + expression + "," + std::to_string(rounding.decimals) + ")";
}

// The scale as nested IFs on a rate: IF(x>=100,"A",IF(x>=80,"B",IF(x>0,"C","D"))).
std::string graded(const std::string& rate, const std::vector<model::Grade>& scale) {
  std::string out, closing;
  for (const auto& grade : scale) {
    if (grade.min) out += "IF(" + rate + ">=" + number(*grade.min) + "," + quoted(grade.label) + ",";
    else if (grade.above) out += "IF(" + rate + ">" + number(*grade.above) + "," + quoted(grade.label) + ",";
    else return out + quoted(grade.label) + closing;
    closing += ")";
  }
  return out + "\"\"" + closing;
}

struct Parts {
  const model::Plan& plan;
  const model::Rule& rule;
  const RowCells& cells;
  std::string target;  // the cell the actual is compared with
};

std::string when_number(const Parts& p, const std::string& expression) {
  return "IF(ISNUMBER(" + p.cells.actual + ")," + expression + ",\"\")";
}

std::string rate_value(const std::optional<model::Decimal>& rate) { return rate ? number(*rate) : "\"\""; }

// Met or not met, shown as the rule's rate (100.0 at Setagaya) and its grade.
LiveFormulas yes_no(const Parts& p, const std::string& met) {
  const auto& scale = evaluate::scale_of(p.plan, p.rule);
  return {when_number(p, "IF(" + met + "," + rate_value(p.rule.met_rate) + "," + rate_value(p.rule.not_met_rate) + ")"),
          when_number(p, "IF(" + met + "," + quoted(evaluate::yes_no_label(scale, p.rule, true)) + "," +
                             quoted(evaluate::yes_no_label(scale, p.rule, false)) + ")")};
}

LiveFormulas by_rate(const Parts& p, const std::string& defined, const std::string& raw) {
  const auto& rounding = evaluate::rounding_of(p.plan, p.rule);
  const auto& scale = evaluate::scale_of(p.plan, p.rule);
  std::string rate = when_number(p, "IF(" + defined + "," + rounded(raw, rounding) + ",\"\")");
  std::string on = rounding.grade_on_rounded ? p.cells.rate : "(" + raw + ")";
  return {rate, "IF(ISNUMBER(" + p.cells.rate + ")," + graded(on, scale) + ",\"\")"};
}

LiveFormulas formulas(const Parts& p, model::Bound bound) {
  const std::string& a = p.cells.actual;
  const std::string& t = p.target;
  if (bound == model::Bound::at_least) return yes_no(p, a + ">=" + t);
  if (bound == model::Bound::at_most) return yes_no(p, a + "<=" + t);
  switch (p.rule.method) {
    case Method::at_least:
    case Method::maintain: return yes_no(p, a + ">=" + t);
    case Method::at_most: return yes_no(p, a + "<=" + t);
    case Method::progress: {
      const std::string& b = p.cells.baseline;
      return by_rate(p, t + "<>" + b, "(" + a + "-" + b + ")/(" + t + "-" + b + ")*100");
    }
    case Method::inverse_ratio: {
      // A target of 0, or an actual of 0 or less, is judged met or not (as hyoka does).
      LiveFormulas ratio = by_rate(p, a + ">0", t + "/" + a + "*100");
      LiveFormulas threshold = yes_no(p, a + "<=" + t);
      std::string switch_on = "OR(" + t + "=0," + a + "<=0)";
      return {"IF(" + switch_on + "," + threshold.rate + "," + ratio.rate + ")",
              "IF(" + switch_on + "," + threshold.grade + "," + ratio.grade + ")"};
    }
    default: return by_rate(p, t + "<>0", a + "/" + t + "*100");
  }
}

}  // namespace

std::optional<LiveFormulas> live_formulas(const model::Plan& plan, const model::Indicator& indicator, int year,
                                          const RowCells& cells) {
  const auto& kinds = plan.evaluation.graded_kinds;
  if (std::find(kinds.begin(), kinds.end(), indicator.kind) == kinds.end()) return std::nullopt;
  auto it = indicator.years.find(year);
  if (it == indicator.years.end()) return std::nullopt;
  const model::Rule& rule = evaluate::rule_for(plan, indicator.rule);
  if (rule.method == Method::steps) return std::nullopt;
  const model::Value& target = it->second.effective_target();
  std::string target_cell = cells.target;
  if (!target.is_number()) {
    // Maintain-level rows without a yearly target keep the baseline (as hyoka judges them).
    if (rule.method != Method::maintain || !indicator.baseline || !indicator.baseline->value.is_number()) return std::nullopt;
    target_cell = cells.baseline;
  }
  if (rule.method == Method::progress && !(indicator.baseline && indicator.baseline->value.is_number())) return std::nullopt;
  return formulas({plan, rule, cells, target_cell}, target.is_number() ? target.bound : model::Bound::none);
}

std::vector<std::string> labels_needing_reason(const model::Plan& plan) {
  std::vector<std::string> out;
  const auto& on_track = plan.evaluation.on_track;
  for (const auto& grade : plan.evaluation.scale)
    if (std::find(on_track.begin(), on_track.end(), grade.label) == on_track.end()) out.push_back(grade.label);
  return out;
}

}  // namespace hyoka::exchange
