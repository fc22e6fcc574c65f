#include "pdf/sfnt.hpp"

#include <algorithm>
#include <map>

#include "pdf/pdf.hpp"

namespace hyoka::pdf {

namespace {

std::uint32_t read32(const std::string& s, std::size_t at) {
  auto b = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(s.at(at + i))); };
  return b(0) << 24 | b(1) << 16 | b(2) << 8 | b(3);
}
std::uint16_t read16(const std::string& s, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(s.at(at)) << 8 | static_cast<unsigned char>(s.at(at + 1)));
}
void put16(std::string& s, std::uint32_t v) {
  s += static_cast<char>(v >> 8 & 0xFF);
  s += static_cast<char>(v & 0xFF);
}
void put32(std::string& s, std::uint32_t v) {
  put16(s, v >> 16);
  put16(s, v & 0xFFFF);
}
void set32(std::string& s, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) s[at + static_cast<std::size_t>(i)] = static_cast<char>(v >> (24 - 8 * i) & 0xFF);
}

std::uint32_t checksum(const std::string& data) {
  std::string padded = data;
  padded.resize((padded.size() + 3) / 4 * 4, '\0');
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i < padded.size(); i += 4) sum += read32(padded, i);
  return sum;
}

struct Segment {
  std::uint16_t start = 0, end = 0;
};

// Groups code points whose gaps are at most `gap`; returns the groups and how many array entries they need.
std::vector<Segment> group(const std::vector<std::pair<char32_t, std::uint16_t>>& mapping, char32_t gap,
                           std::size_t& entries) {
  std::vector<Segment> segments;
  entries = 0;
  for (const auto& [code, glyph] : mapping) {
    auto c = static_cast<std::uint16_t>(code);
    if (segments.empty() || c - segments.back().end > static_cast<int>(gap)) segments.push_back({c, c});
    else segments.back().end = c;
  }
  for (const auto& s : segments) entries += static_cast<std::size_t>(s.end - s.start + 1);
  return segments;
}

// The subtable's byte length, a 16-bit field: 16 + 8 per segment (with the closing one) + 2 per array entry.
std::size_t format4_length(std::size_t segments, std::size_t entries) { return 16 + 8 * (segments + 1) + 2 * entries; }

// Segments for the mapping, as few as the 16-bit length and idRangeOffset fields allow, plus the closing 0xFFFF one.
std::vector<Segment> choose_segments(const std::vector<std::pair<char32_t, std::uint16_t>>& mapping,
                                     std::size_t& entries) {
  char32_t gap = 512;
  std::vector<Segment> segments = group(mapping, gap, entries);
  auto too_big = [&] { return entries > 30000 || format4_length(segments.size(), entries) > 0xFFFF; };
  while (too_big() && gap > 0) segments = group(mapping, gap /= 2, entries);
  if (too_big()) throw PdfError("too many distinct characters for one document's font");
  segments.push_back({0xFFFF, 0xFFFF});
  return segments;
}

// binary search fields of a table directory or cmap: (searchRange unit, entrySelector)
std::pair<std::uint16_t, std::uint16_t> search_fields(std::uint16_t count) {
  std::uint16_t range = 1, selector = 0;
  while (range * 2 <= count) {
    range = static_cast<std::uint16_t>(range * 2);
    ++selector;
  }
  return {range, selector};
}

// A format-4 subtable in which every segment but the last reads a glyph array.
std::string format4(const std::vector<Segment>& segments, std::size_t entries,
                    const std::map<char32_t, std::uint16_t>& glyph_of) {
  auto count = static_cast<std::uint16_t>(segments.size());
  auto [range, selector] = search_fields(count);
  std::string sub;
  for (std::uint32_t v : {4u, static_cast<std::uint32_t>(16 + 8 * count + 2 * entries), 0u, count * 2u, range * 2u,
                          std::uint32_t{selector}, count * 2u - range * 2u})
    put16(sub, v);
  for (const auto& s : segments) put16(sub, s.end);
  put16(sub, 0);
  for (const auto& s : segments) put16(sub, s.start);
  for (std::size_t i = 0; i < segments.size(); ++i) put16(sub, i + 1 == segments.size() ? 1 : 0);  // idDelta
  std::size_t array_index = 0;  // idRangeOffset: bytes from the entry itself to the segment's first glyph
  for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
    put16(sub, static_cast<std::uint32_t>(2 * (count - i) + 2 * array_index));
    array_index += static_cast<std::size_t>(segments[i].end - segments[i].start + 1);
  }
  put16(sub, 0);
  for (std::size_t i = 0; i + 1 < segments.size(); ++i)
    for (std::uint32_t c = segments[i].start; c <= segments[i].end; ++c) {
      auto it = glyph_of.find(c);
      put16(sub, it == glyph_of.end() ? 0 : it->second);
    }
  return sub;
}

// A cmap table with one (3,1) format-4 subtable.
std::string build_cmap(const std::vector<std::pair<char32_t, std::uint16_t>>& mapping) {
  std::size_t entries = 0;
  std::vector<Segment> segments = choose_segments(mapping, entries);
  std::string cmap;
  for (std::uint32_t v : {0u, 1u, 3u, 1u}) put16(cmap, v);  // version, one subtable, Windows, Unicode BMP
  put32(cmap, 12);                                           // its offset
  return cmap + format4(segments, entries, {mapping.begin(), mapping.end()});
}

struct Table {
  std::uint32_t tag;
  std::string data;
};

}  // namespace

std::string with_compact_cmap(const std::string& font, const std::vector<std::pair<char32_t, std::uint16_t>>& mapping) {
  std::uint32_t version = read32(font, 0);
  std::uint16_t count = read16(font, 4);
  std::vector<Table> tables;
  constexpr std::uint32_t cmap_tag = 0x636D6170, head_tag = 0x68656164;
  for (std::uint16_t i = 0; i < count; ++i) {
    std::size_t record = 12 + 16 * static_cast<std::size_t>(i);
    std::uint32_t tag = read32(font, record);
    std::size_t offset = read32(font, record + 8), length = read32(font, record + 12);
    if (offset + length > font.size()) throw PdfError("malformed font subset");
    tables.push_back({tag, tag == cmap_tag ? build_cmap(mapping) : font.substr(offset, length)});
  }
  std::sort(tables.begin(), tables.end(), [](const Table& a, const Table& b) { return a.tag < b.tag; });
  auto [range, selector] = search_fields(count);
  std::string out;
  put32(out, version);
  put16(out, count);
  put16(out, range * 16u);
  put16(out, selector);
  put16(out, count * 16u - range * 16u);
  std::size_t offset = 12 + 16 * static_cast<std::size_t>(count), head_at = 0;
  std::string body;
  for (auto& t : tables) {
    if (t.tag == head_tag && t.data.size() >= 12) set32(t.data, 8, 0);  // checkSumAdjustment is computed last
    put32(out, t.tag);
    put32(out, checksum(t.data));
    put32(out, static_cast<std::uint32_t>(offset + body.size()));
    put32(out, static_cast<std::uint32_t>(t.data.size()));
    if (t.tag == head_tag) head_at = offset + body.size();
    body += t.data;
    body.resize((body.size() + 3) / 4 * 4, '\0');
  }
  out += body;
  if (head_at) set32(out, head_at + 8, 0xB1B0AFBAu - checksum(out));
  return out;
}

}  // namespace hyoka::pdf
