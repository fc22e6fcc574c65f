#pragma once
// SVG charts drawn by the generator: no chart library and no JavaScript.
// Every chart is an <svg role="img"> named by its <title> and <desc>; pages
// show the same numbers in a table next to it, so nothing is only visual.
// Colours come from CSS classes (assets/site.css) so print and contrast
// rules stay in one place.
#include <optional>
#include <string>
#include <vector>

namespace hyoka::site::chart {

struct Point {
  int year = 0;
  double value = 0;
  std::string label;  // the figure as printed ("89.9")
};

struct Trend {
  std::string id;                  // unique on the page (for title/desc ids)
  std::string title, description;  // read by screen readers
  std::vector<int> years;          // x axis, in order
  std::vector<std::string> year_labels;  // same length as years
  std::vector<Point> actual, target;
  std::optional<double> baseline;
  std::string actual_name, target_name, baseline_name;  // legend
  std::string unit_label;  // over the y axis: 単位：％ / Unit: %
};

// A line chart of actuals and targets over the years, with the baseline.
std::string trend(const Trend& chart);

struct Segment {
  std::string label;      // grade label (A)
  int count = 0;
  std::string css_class;  // g0 (best) … g3 (worst), none
};

struct Distribution {
  std::string id, title, description;
  std::vector<Segment> segments;
};

// One horizontal bar split by grade, patterned per grade, labelled with the
// counts where a segment is wide enough (the page's key names every one).
std::string distribution(const Distribution& chart);

// Each segment's width in percent of the bar: its count's share, but at least
// `min_share` for a non-empty segment, the others narrowed to make room.
std::vector<double> segment_shares(const std::vector<Segment>& segments, int total, double min_share);

// A coordinate with at most two decimals, trailing zeros dropped ("116.16",
// "44", "-3.5"): the digits of std::to_chars(fixed, 2), found faster.
std::string coordinate(double value);

// "0", "2.5", "1,000": axis labels.
std::string tick_label(double value, double step);

}  // namespace hyoka::site::chart
