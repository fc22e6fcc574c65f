#include <doctest/doctest.h>

#include "model/decimal.hpp"

using hyoka::model::Decimal;

TEST_CASE("decimals keep the digits as printed") {
  CHECK(Decimal::parse("93.0")->to_string() == "93.0");
  CHECK(Decimal::parse("-0.5")->to_string() == "-0.5");
  CHECK(Decimal::parse("1830")->to_string() == "1830");
  CHECK(Decimal::parse("1e+16")->to_string() == "10000000000000000");
  CHECK(Decimal::parse("2.5e-3")->to_string() == "0.0025");
  CHECK(Decimal::from_double(89.9).to_string() == "89.9");
  CHECK(Decimal::from_double(0.1 + 0.2).to_string() == "0.30000000000000004");
}

TEST_CASE("text that is not a plain decimal is refused") {
  for (const char* text : {"", "1,234", "12.5%", "abc", "1e", "--1", "1e400", "12345678901234567890"}) {
    CAPTURE(text);
    CHECK(!Decimal::parse(text));
  }
}

TEST_CASE("comparison and arithmetic across scales") {
  CHECK(compare(*Decimal::parse("93.0"), *Decimal::parse("93")) == 0);
  CHECK(compare(*Decimal::parse("0.1"), *Decimal::parse("0.09")) > 0);
  CHECK((*Decimal::parse("450") - *Decimal::parse("408.5")).to_string() == "41.5");
  CHECK((*Decimal::parse("29") + *Decimal::parse("0.25")).to_string() == "29.25");
}

TEST_CASE("decimal: more decimals than an int64 power of ten holds converts without overflow") {
  CHECK(hyoka::model::Decimal{1, 19}.to_double() == doctest::Approx(1e-19));
  CHECK(hyoka::model::Decimal{-25, 30}.to_double() == doctest::Approx(-2.5e-29));
}
