// wordwrap (Python's textwrap) and urlize, ported from jinja2 3.1 so the
// output matches Jinja2 for ordinary text.
#include <regex>

#include "template/filter_util.hpp"
#include "template/strutil.hpp"
#include "template/utf8.hpp"

namespace hyoka::tmpl {

namespace {

using U32 = std::u32string;

bool tw_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\x0b' || c == '\x0c' || c == '\r'; }
bool tw_letter(char32_t c) { return utf8::is_word(c) && !(c >= '0' && c <= '9') && !utf8::is_digit(c); }

U32 to_u32(std::string_view s) {
  U32 out;
  for (std::size_t i = 0; i < s.size();) out += utf8::next(s, i);
  return out;
}

std::string to_utf8(const U32& s) {
  std::string out;
  for (char32_t c : s) utf8::append(out, c);
  return out;
}

// textwrap's chunking: whitespace runs, words, and hyphenated word parts.
std::vector<U32> tw_chunks(const U32& text, bool break_on_hyphens) {
  std::vector<U32> chunks;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = i;
    if (tw_space(text[i])) {
      while (j < text.size() && tw_space(text[j])) ++j;
    } else {
      while (j < text.size() && !tw_space(text[j])) {
        ++j;
        // split after "ab-" when followed by "c" or "-c" letters (wordsep_re)
        if (break_on_hyphens && text[j - 1] == '-' && j >= 3 && tw_letter(text[j - 2]) && tw_letter(text[j - 3]) &&
            j < text.size() && tw_letter(text[j]) &&
            ((j + 1 < text.size() && tw_letter(text[j + 1])) ||
             (j + 2 < text.size() && text[j + 1] == '-' && tw_letter(text[j + 2]))))
          break;
      }
    }
    chunks.push_back(text.substr(i, j - i));
    i = j;
  }
  return chunks;
}

bool blank(const U32& s) {
  for (char32_t c : s)
    if (!utf8::is_space(c)) return false;
  return true;
}

std::vector<U32> tw_wrap(const U32& text, std::size_t width, bool break_long, bool break_on_hyphens) {
  std::vector<U32> chunks = tw_chunks(text, break_on_hyphens);
  std::reverse(chunks.begin(), chunks.end());
  std::vector<U32> lines;
  while (!chunks.empty()) {
    std::vector<U32> cur;
    std::size_t cur_len = 0;
    if (blank(chunks.back()) && !lines.empty()) chunks.pop_back();
    while (!chunks.empty() && cur_len + chunks.back().size() <= width) {
      cur_len += chunks.back().size();
      cur.push_back(std::move(chunks.back()));
      chunks.pop_back();
    }
    if (!chunks.empty() && chunks.back().size() > width) {
      std::size_t space_left = width - cur_len;  // may be 0: textwrap then appends ""
      if (break_long) {
        U32& chunk = chunks.back();
        std::size_t end = space_left;
        if (break_on_hyphens && chunk.size() > space_left) {
          std::size_t h = space_left > 0 ? chunk.rfind(U'-', space_left - 1) : U32::npos;
          if (h != U32::npos && h > 0 && h < space_left &&
              std::any_of(chunk.begin(), chunk.begin() + std::ptrdiff_t(h), [](char32_t c) { return c != '-'; }))
            end = h + 1;
        }
        cur.push_back(chunk.substr(0, end));
        chunk = chunk.substr(end);
      } else if (cur.empty()) {
        cur.push_back(std::move(chunks.back()));
        chunks.pop_back();
      }
    }
    if (!cur.empty() && blank(cur.back())) cur.pop_back();
    if (!cur.empty()) {
      U32 line;
      for (auto& c : cur) line += c;
      lines.push_back(std::move(line));
    }
  }
  return lines;
}


Value f_wordwrap(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"width", "break_long_words", "wrapstring", "break_on_hyphens"}, "wordwrap");
  std::int64_t width = p.get_or(0, Value(79)).as_int();
  if (width <= 0) throw RenderError("invalid width " + std::to_string(width) + " (must be > 0)");
  bool break_long = truthy(p.get_or(1, Value(true)));
  std::string wrap = p.opt(2) ? sstr(c, *p.opt(2)) : "\n";
  bool hyphens = truthy(p.get_or(3, Value(true)));
  std::string out;
  bool first_para = true;
  for (const std::string& para : py_splitlines(sstr(c, in))) {
    if (!first_para) out += wrap;
    first_para = false;
    bool first_line = true;
    for (const U32& line : tw_wrap(to_u32(para), std::size_t(width), break_long, hyphens)) {
      if (!first_line) out += wrap;
      first_line = false;
      out += to_utf8(line);
    }
  }
  return Value(std::move(out));
}

// ---------------------------------------------------------------- urlize

const std::regex& http_re() {
  static const std::regex re(
      R"(^(((https?://|www\.)(([\w%-]+\.)+)?([a-z]{2,63}|xn--[\w%]{2,59}))|(([\w%-]{2,63}\.)+(com|net|int|edu|gov|org|info|mil))|((https?://)((([\d]{1,3})(\.[\d]{1,3}){3})|(\[([\da-f]{0,4}:){2}([\da-f]{0,4}:?){1,6}\]))))(:[\d]{1,5})?([/?#]\S*)?$)",
      std::regex::icase | std::regex::ECMAScript);
  return re;
}

const std::regex& email_re() {
  static const std::regex re(R"(^\S+@\w[\w.-]*\.\w+$)");
  return re;
}

bool ends_with_any(const std::string& s, std::initializer_list<const char*> suffixes) {
  for (const char* suf : suffixes)
    if (s.ends_with(suf)) return true;
  return false;
}

std::size_t count_of(const std::string& s, const std::string& sub) {
  std::size_t n = 0;
  for (std::size_t k = s.find(sub); k != std::string::npos; k = s.find(sub, k + sub.size())) ++n;
  return n;
}

std::string urlize_word(std::string word, const std::string& rel_attr, const std::string& target_attr, std::int64_t trim) {
  std::string head, tail;
  static const std::regex lead(R"(^([(<]|&lt;)+)"), trail(R"(([)>.,\n]|&gt;)+$)");
  std::smatch m;
  if (std::regex_search(word, m, lead)) {
    head = m.str();
    word = word.substr(std::size_t(m.length()));
  }
  if (ends_with_any(word, {")", ">", ".", ",", "\n", "&gt;"}) && std::regex_search(word, m, trail)) {
    tail = m.str();
    word = word.substr(0, std::size_t(m.position()));
  }
  for (auto [open, close] : {std::pair<std::string, std::string>{"(", ")"}, {"<", ">"}, {"&lt;", "&gt;"}}) {
    std::size_t starts = count_of(word, open);
    if (starts <= count_of(word, close)) continue;
    for (std::size_t k = 0, n = std::min(starts, count_of(tail, close)); k < n; ++k) {
      std::size_t end = tail.find(close) + close.size();
      word += tail.substr(0, end);
      tail = tail.substr(end);
    }
  }
  auto trimmed = [&](const std::string& x) {
    if (trim >= 0 && utf8::length(x) > std::size_t(trim)) return x.substr(0, utf8::offset_of(x, std::size_t(trim))) + "...";
    return x;
  };
  if (std::regex_match(word, http_re())) {
    std::string href = word.starts_with("https://") || word.starts_with("http://") ? word : "https://" + word;
    word = "<a href=\"" + href + "\"" + rel_attr + target_attr + ">" + trimmed(word) + "</a>";
  } else if (word.starts_with("mailto:") && std::regex_match(word.substr(7), email_re())) {
    word = "<a href=\"" + word + "\">" + word.substr(7) + "</a>";
  } else if (word.find('@') != std::string::npos && !word.starts_with("www.") && word.find(':') == std::string::npos &&
             std::regex_match(word, email_re())) {
    word = "<a href=\"mailto:" + word + "\">" + word + "</a>";
  }
  return head + word + tail;
}

Value f_urlize(FilterContext& c, const Value& in, const CallArgs& a) {
  Params p(a, {"trim_url_limit", "nofollow", "target", "rel"}, "urlize");
  std::int64_t trim = p.opt(0) ? p.opt(0)->as_int() : -1;
  std::vector<std::string> rel_parts{"noopener"};  // policies["urlize.rel"]
  if (p.opt(3))
    for (const Value& part : py_split(sstr(c, *p.opt(3)), Value(nullptr), -1)) rel_parts.emplace_back(part.str());
  if (truthy(p.get_or(1, Value(false)))) rel_parts.emplace_back("nofollow");
  std::sort(rel_parts.begin(), rel_parts.end());
  rel_parts.erase(std::unique(rel_parts.begin(), rel_parts.end()), rel_parts.end());
  std::string rel;
  for (const auto& r : rel_parts) rel += (rel.empty() ? "" : " ") + r;
  std::string rel_attr = " rel=\"" + escape_html(rel) + "\"";
  std::string target_attr = p.opt(2) ? " target=\"" + escape_html(sstr(c, *p.opt(2))) + "\"" : "";
  std::string text = to_markup(in.is_string() ? in : Value(sstr(c, in)));
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {  // re.split(r"(\s+)"): keep whitespace runs as they are
    std::size_t j = i;
    bool space = std::isspace(static_cast<unsigned char>(text[i])) != 0;
    while (j < text.size() && (std::isspace(static_cast<unsigned char>(text[j])) != 0) == space) ++j;
    std::string part = text.substr(i, j - i);
    out += space ? part : urlize_word(part, rel_attr, target_attr, trim);
    i = j;
  }
  return c.autoescape ? Value::markup(std::move(out)) : Value(std::move(out));
}

}  // namespace

void add_text_filters(FilterTable& t) {
  t.insert(t.end(), {{"wordwrap", f_wordwrap}, {"urlize", f_urlize}});
}

}  // namespace hyoka::tmpl
