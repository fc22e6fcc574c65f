#pragma once
// A plan built in code, for tests and the benchmark: any number of policies,
// names as long as wanted, grades A–D spread across the indicators.
#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "model/plan.hpp"

namespace hyoka::pdf::testing {

inline model::Value number(std::int64_t units, int scale = 0) {
  model::Value v;
  v.kind = model::Value::Kind::number;
  v.number = model::Decimal{units, scale};
  return v;
}

inline model::Text bilingual(std::string ja, std::string en) { return model::Text{std::move(ja), std::move(en)}; }

inline std::string repeated(const std::string& text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

inline model::Indicator synthetic_indicator(model::IndicatorKind kind, int n, int name_repeat, std::int64_t actual) {
  model::Indicator ind;
  bool outcome = kind == model::IndicatorKind::outcome;
  ind.id = fmt::format("{}{}", outcome ? "o" : "a", n);
  ind.kind = kind;
  ind.number = std::to_string(n);
  ind.name = bilingual(repeated(outcome ? "地域の相談窓口を知っている区民の割合（「福祉の相談窓口」）、" : "研修の実施回数及び動画公開、",
                                name_repeat),
                       repeated(outcome ? "Share of residents who know the local welfare consultation desk, "
                                        : "Training sessions held and videos published, ",
                                name_repeat));
  ind.unit = outcome ? "%" : "回";
  ind.baseline = model::Baseline{number(825, 1), 2022, std::nullopt};
  model::IndicatorYear year;
  year.target = number(outcome ? 930 : 5, outcome ? 1 : 0);
  year.actual = number(actual, outcome ? 1 : 0);
  if (outcome && actual < 744)
    year.reason = bilingual(repeated("新型コロナウイルス感染症の影響により、対面での周知活動が実施できなかったため。", name_repeat),
                            repeated("Face-to-face publicity could not be carried out because of COVID-19. ", name_repeat));
  ind.years[2024] = year;
  return ind;
}

// name_repeat > 1 makes names and texts long enough to push a sheet onto more pages.
inline model::Policy synthetic_policy(int index, int outcomes, int activities, int name_repeat) {
  model::Policy p;
  p.id = fmt::format("p{:03}", index);
  p.area = index % 2 == 0 ? "1" : "2";
  p.order = index;
  p.number = fmt::format("{}-{}", index % 2 == 0 ? 1 : 2, index);
  p.name = bilingual(fmt::format("重層的支援体制整備事業―包括的相談支援事業―{}", index),
                     fmt::format("Multi-layered support system {}", index));
  p.group = bilingual("推進施策１　地区で相談を受止め、つながり続ける仕組み", "Measure 1: consultation in each district");
  p.target_state = bilingual(repeated("どのような困りごとを抱えていても、身近な地区で早期に相談することができています。", name_repeat),
                             repeated("Whatever difficulties people face, they can seek advice early. ", name_repeat));
  p.page_ref = "P40～44";
  p.divisions = {"d1"};
  for (int i = 1; i <= std::max(outcomes, activities); ++i) {
    model::Project project;
    project.id = fmt::format("{}-{}", p.id, i);
    project.number = std::to_string(i);
    project.name = bilingual(fmt::format("福祉の相談窓口{}", i), fmt::format("Welfare desk {}", i));
    project.description = bilingual(repeated("困りごとを抱えた区民が早期に相談できるよう、窓口を各地区で実施します。", name_repeat),
                                    repeated("We run a consultation desk in every district. ", name_repeat));
    project.divisions = {"d1"};
    p.projects.push_back(project);
  }
  static const std::int64_t actuals[] = {950, 899, 700, 0};  // grades A, B, C, D against 93.0
  for (int i = 1; i <= outcomes; ++i)
    p.indicators.push_back(synthetic_indicator(model::IndicatorKind::outcome, i, name_repeat, actuals[(index + i) % 4]));
  for (int i = 1; i <= activities; ++i)
    p.indicators.push_back(synthetic_indicator(model::IndicatorKind::activity, i, name_repeat, 5));
  for (auto& ind : p.indicators) ind.project = fmt::format("{}-{}", p.id, ind.number);  // row i belongs to 取組み i
  p.footnotes.push_back({"※2", "note-2"});
  return p;
}

inline model::Plan synthetic_plan(int policies, int outcomes = 3, int activities = 2, int name_repeat = 1) {
  model::Plan plan;
  plan.id = "synthetic";
  plan.city = bilingual("世田谷区", "Setagaya City");
  plan.name = bilingual("世田谷区地域保健医療福祉総合計画", "Setagaya City Comprehensive Plan");
  plan.period_start = 2024;
  plan.period_end = 2031;
  plan.evaluation_year = 2024;
  plan.report_date = "2025-03-31";
  plan.evaluation.scale = {{"A", model::Decimal{100, 0}, std::nullopt, std::nullopt},
                           {"B", model::Decimal{80, 0}, std::nullopt, std::nullopt},
                           {"C", std::nullopt, model::Decimal{0, 0}, std::nullopt},
                           {"D", std::nullopt, std::nullopt, std::nullopt}};
  plan.evaluation.legend = bilingual("目標に対しての成果。A:100％、B：80％～100％未満、C:８０％未満、D:０％以下",
                                     "Result against the target. A: 100%; B: 80% to under 100%; C: under 80%; D: 0% or less");
  plan.areas = {{"1", "１", bilingual("世田谷版地域包括ケアシステムを強化する", "Strengthening integrated care"), std::nullopt},
                {"2", "２", bilingual("基盤整備", "Foundations"), std::nullopt}};
  plan.divisions = {{"d1", bilingual("保健福祉政策課", "Health and Welfare Policy Division"), std::nullopt, ""}};
  plan.glossary = {{"note-2", bilingual("現況値及び目標値の修正", "Corrected baseline and target"), "",
                    bilingual("策定時の現況値に誤りがあったため、現況値及び目標値を修正した",
                              "The baseline was wrong when the plan was drawn up, so the baseline and the target were corrected.")}};
  for (int i = 0; i < policies; ++i) plan.policies.push_back(synthetic_policy(i, outcomes, activities, name_repeat));
  // Plans list policies in (order, id) order; keep areas together like a loaded plan would.
  std::stable_sort(plan.policies.begin(), plan.policies.end(),
                   [](const auto& a, const auto& b) { return a.area < b.area; });
  return plan;
}

}  // namespace hyoka::pdf::testing
