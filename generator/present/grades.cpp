#include "present/grades.hpp"

#include "present/numbers.hpp"

namespace hyoka::present {
namespace {

enum class Side { at_least, over, under, at_most };

std::string bound(Side side, const model::Decimal& n, Lang lang) {
  const std::string x = grouped(n);
  if (lang == Lang::ja) {
    static constexpr const char* ja[] = {"％以上", "％超", "％未満", "％以下"};
    return x + ja[static_cast<int>(side)];
  }
  switch (side) {
    case Side::at_least: return x + "% or more";
    case Side::over: return "over " + x + "%";
    case Side::under: return "under " + x + "%";
    case Side::at_most: return x + "% or less";
  }
  return x;
}

// The lower end of a grade, from its own threshold.
std::optional<std::string> lower(const model::Grade& grade, Lang lang) {
  if (grade.min) return bound(Side::at_least, *grade.min, lang);
  if (grade.above) return bound(Side::over, *grade.above, lang);
  return std::nullopt;
}

// Where the grade above begins is where this one ends.
std::optional<std::string> upper(const model::Grade& better, Lang lang) {
  if (better.min) return bound(Side::under, *better.min, lang);
  if (better.above) return bound(Side::at_most, *better.above, lang);
  return std::nullopt;
}

}  // namespace

std::string grade_condition(const std::vector<model::Grade>& scale, std::size_t index, Lang lang) {
  const auto low = lower(scale.at(index), lang);
  const auto high = index > 0 ? upper(scale[index - 1], lang) : std::nullopt;
  if (low && high) return *low + (lang == Lang::ja ? "" : " and ") + *high;
  if (low) return *low;
  if (high) return *high;
  return lang == Lang::ja ? "すべて" : "any rate";
}

std::string grade_meaning(const model::Evaluation& evaluation, const std::string& label, Lang lang) {
  auto in = [&](const std::vector<model::Grade>& scale) -> const model::Grade* {
    for (const auto& grade : scale)
      if (grade.label == label && grade.meaning) return &grade;
    return nullptr;
  };
  const model::Grade* found = in(evaluation.scale);
  for (auto rule = evaluation.rules.begin(); !found && rule != evaluation.rules.end(); ++rule)
    if (rule->second.scale) found = in(*rule->second.scale);
  return found ? found->meaning->in(lang) : std::string();
}

std::string grade_or_dash(const std::string& label, Lang lang) { return label.empty() ? dash(lang) : label; }

}  // namespace hyoka::present
