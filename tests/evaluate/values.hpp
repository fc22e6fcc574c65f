#pragma once
// Figures as a plan file states them, for the tests of the rules.
#include "model/plan.hpp"

namespace hyoka::test {

inline model::Value of_kind(model::Value::Kind kind) {
  model::Value v;
  v.kind = kind;
  return v;
}

inline model::Value number(const char* text, model::Bound bound = model::Bound::none) {
  model::Value v = of_kind(model::Value::Kind::number);
  v.number = *model::Decimal::parse(text);
  v.bound = bound;
  return v;
}

// A text figure (a step such as 工事), in Japanese only.
inline model::Value text(const char* ja) {
  model::Value v = of_kind(model::Value::Kind::text);
  v.text = model::Text{ja, std::nullopt};
  return v;
}

}  // namespace hyoka::test
