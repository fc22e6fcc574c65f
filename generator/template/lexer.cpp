#include "template/lexer.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "present/newlines.hpp"
#include "template/error.hpp"
#include "template/utf8.hpp"

namespace hyoka::tmpl {

const char* token_description(Tok kind) {
  switch (kind) {
    case Tok::Data: return "template data";
    case Tok::VarBegin: return "begin of print statement";
    case Tok::VarEnd: return "end of print statement";
    case Tok::BlockBegin: return "begin of statement block";
    case Tok::BlockEnd: return "end of statement block";
    case Tok::Name: return "name";
    case Tok::String: return "string";
    case Tok::Int: return "integer";
    case Tok::Float: return "float";
    case Tok::Op: return "operator";
    case Tok::Eof: return "end of template";
  }
  return "token";
}

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
bool is_name_char(char c) { return is_name_start(c) || is_digit(c); }

// Jinja2 normalises every newline sequence to "\n" and drops one trailing
// newline (keep_trailing_newline=False).
std::string normalize_source(std::string_view source) {
  std::string out = present::unix_newlines(source);
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

void rstrip(std::string& s) {
  while (!s.empty() && is_space(s.back())) s.pop_back();
}

}  // namespace

Lexer::Lexer(std::string_view source, std::string name) : src_(normalize_source(source)), name_(std::move(name)) {
  line_starts_.push_back(0);
  for (std::size_t k = 0; k < src_.size(); ++k)
    if (src_[k] == '\n') line_starts_.push_back(k + 1);
}

Pos Lexer::pos_at(std::size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());
  std::size_t start = line_starts_[line - 1];
  std::size_t col = utf8::length(std::string_view(src_).substr(start, offset - start)) + 1;
  return Pos{static_cast<std::uint32_t>(line), static_cast<std::uint32_t>(col)};
}

void Lexer::fail(const std::string& msg, std::size_t offset) const {
  Pos p = pos_at(std::min(offset, src_.size()));
  throw TemplateError(name_, int(p.line), int(p.column), msg);
}

void Lexer::push(Tok kind, std::string value, Pos pos) { tokens_.push_back(Token{kind, std::move(value), pos}); }

void Lexer::push_data(std::string text, Pos pos) {
  if (strip_next_) {
    std::size_t k = 0;
    while (k < text.size() && is_space(text[k])) ++k;
    text.erase(0, k);
    strip_next_ = false;
  }
  if (!text.empty()) push(Tok::Data, std::move(text), pos);
}

std::vector<Token> Lexer::tokenize() {
  while (i_ < src_.size()) lex_data();
  push(Tok::Eof, "", pos_at(src_.size()));
  return std::move(tokens_);
}

// Text up to the next "{{", "{%" or "{#", then the tag itself.
void Lexer::lex_data() {
  std::size_t start = i_;
  std::size_t k = i_;
  while (true) {
    k = src_.find('{', k);
    if (k == std::string::npos || k + 1 >= src_.size()) {
      k = src_.size();
      break;
    }
    char c = src_[k + 1];
    if (c == '{' || c == '%' || c == '#') break;
    ++k;
  }
  std::string text = src_.substr(start, k - start);
  bool strip_before = k + 2 < src_.size() && src_[k + 2] == '-';
  if (strip_before) rstrip(text);
  push_data(std::move(text), pos_at(start));
  i_ = k;
  if (i_ >= src_.size()) return;
  strip_next_ = false;
  char c = src_[i_ + 1];
  if (c == '#') return skip_comment();
  if (c == '%' && lex_raw_block()) return;
  lex_tag(c == '{' ? Tok::VarBegin : Tok::BlockBegin, c == '{' ? Tok::VarEnd : Tok::BlockEnd);
}

void Lexer::skip_comment() {
  std::size_t end = src_.find("#}", i_ + 2);
  if (end == std::string::npos) fail("Missing end of comment tag", i_);
  strip_next_ = end > i_ + 2 && src_[end - 1] == '-';
  i_ = end + 2;
}

// {% raw %}...{% endraw %}: everything in between is data.
bool Lexer::lex_raw_block() {
  std::size_t k = i_ + 2;
  if (k < src_.size() && (src_[k] == '-' || src_[k] == '+')) ++k;
  while (k < src_.size() && is_space(src_[k])) ++k;
  if (src_.compare(k, 3, "raw") != 0 || (k + 3 < src_.size() && is_name_char(src_[k + 3]))) return false;
  k += 3;
  while (k < src_.size() && is_space(src_[k])) ++k;
  bool strip_after = k < src_.size() && src_[k] == '-';
  if (strip_after) ++k;
  if (src_.compare(k, 2, "%}") != 0) return false;
  std::size_t body = k + 2;
  // Find "{%[-+]? endraw [-]?%}".
  std::size_t search = body;
  while (true) {
    std::size_t t = src_.find("{%", search);
    if (t == std::string::npos) fail("Missing end of raw directive", i_);
    std::size_t m = t + 2;
    bool strip_before = m < src_.size() && src_[m] == '-';
    if (m < src_.size() && (src_[m] == '-' || src_[m] == '+')) ++m;
    while (m < src_.size() && is_space(src_[m])) ++m;
    if (src_.compare(m, 6, "endraw") == 0) {
      m += 6;
      while (m < src_.size() && is_space(src_[m])) ++m;
      bool strip_end = m < src_.size() && src_[m] == '-';
      if (strip_end) ++m;
      if (src_.compare(m, 2, "%}") == 0) {
        std::string text = src_.substr(body, t - body);
        if (strip_before) rstrip(text);
        strip_next_ = strip_after;
        push_data(std::move(text), pos_at(body));
        strip_next_ = strip_end;
        i_ = m + 2;
        return true;
      }
    }
    search = t + 2;
  }
}

void Lexer::lex_tag(Tok begin, Tok end_kind) {
  push(begin, "", pos_at(i_));
  i_ += 2;
  if (i_ < src_.size() && (src_[i_] == '-' || src_[i_] == '+')) ++i_;
  braces_.clear();
  const char* end = end_kind == Tok::VarEnd ? "}}" : "%}";
  while (true) {
    while (i_ < src_.size() && is_space(src_[i_])) ++i_;
    if (i_ >= src_.size()) fail(std::string("unexpected end of template, expected '") + end + "'", i_);
    if (braces_.empty()) {
      bool dash = src_[i_] == '-' && src_.compare(i_ + 1, 2, end) == 0;
      if (dash || src_.compare(i_, 2, end) == 0) {
        push(end_kind, "", pos_at(i_));
        i_ += dash ? 3 : 2;
        strip_next_ = dash;
        return;
      }
      if (end_kind == Tok::VarEnd && src_.compare(i_, 2, "%}") == 0) fail("unexpected '%}'", i_);
    }
    lex_inner_token();
  }
}

void Lexer::lex_inner_token() {
  std::size_t start = i_;
  char c = src_[i_];
  if (is_name_start(c)) {
    while (i_ < src_.size() && is_name_char(src_[i_])) ++i_;
    return push(Tok::Name, src_.substr(start, i_ - start), pos_at(start));
  }
  if (is_digit(c)) return lex_number();
  if (c == '\'' || c == '"') return lex_string();
  static const char* const two[] = {"//", "**", "==", "!=", ">=", "<="};
  for (const char* op : two) {
    if (src_.compare(i_, 2, op) == 0) {
      i_ += 2;
      return push(Tok::Op, op, pos_at(start));
    }
  }
  if (std::strchr("+-/*%~[](){}><=.:|,;", c) == nullptr)
    fail(std::string("unexpected char '") + c + "'", i_);
  if (c == '(' || c == '[' || c == '{') braces_.push_back(c == '(' ? ')' : c == '[' ? ']' : '}');
  if (c == ')' || c == ']' || c == '}') {
    if (braces_.empty()) fail(std::string("unexpected '") + c + "'", i_);
    if (braces_.back() != c)
      fail(std::string("unexpected '") + c + "', expected '" + braces_.back() + "'", i_);
    braces_.pop_back();
  }
  ++i_;
  push(Tok::Op, std::string(1, c), pos_at(start));
}

void Lexer::lex_number() {
  std::size_t start = i_;
  auto digits = [&](auto pred) {
    while (i_ < src_.size() && (pred(src_[i_]) || (src_[i_] == '_' && i_ + 1 < src_.size() && pred(src_[i_ + 1]))))
      ++i_;
  };
  auto strip = [](std::string s) {
    s.erase(std::remove(s.begin(), s.end(), '_'), s.end());
    return s;
  };
  // 0x/0o/0b only with a digit after it (Jinja2 reads "0x" as 0 and the name x).
  if (src_[i_] == '0' && i_ + 2 < src_.size() && std::strchr("bBoOxX", src_[i_ + 1]) && src_[i_ + 1] != 0 &&
      std::isxdigit(static_cast<unsigned char>(src_[i_ + 2]))) {
    char base = static_cast<char>(src_[i_ + 1] | 0x20);
    i_ += 2;
    std::size_t body = i_;
    digits([](char ch) { return std::isxdigit(static_cast<unsigned char>(ch)) != 0; });
    std::string text = strip(src_.substr(body, i_ - body));
    errno = 0;
    long long v = std::strtoll(text.c_str(), nullptr, base == 'b' ? 2 : base == 'o' ? 8 : 16);
    if (errno == ERANGE) fail("integer literal too large for 64 bits", start);
    return push(Tok::Int, std::to_string(v), pos_at(start));
  }
  digits(is_digit);
  bool after_dot = !tokens_.empty() && tokens_.back().kind == Tok::Op && tokens_.back().value == ".";
  bool is_float = false;
  if (!after_dot && i_ + 1 < src_.size() && src_[i_] == '.' && is_digit(src_[i_ + 1])) {
    ++i_;
    digits(is_digit);
    is_float = true;
  }
  if (!after_dot && i_ < src_.size() && (src_[i_] == 'e' || src_[i_] == 'E')) {
    std::size_t k = i_ + 1;
    if (k < src_.size() && (src_[k] == '+' || src_[k] == '-')) ++k;
    if (k < src_.size() && is_digit(src_[k])) {
      i_ = k;
      digits(is_digit);
      is_float = true;
    }
  }
  push(is_float ? Tok::Float : Tok::Int, strip(src_.substr(start, i_ - start)), pos_at(start));
}

void Lexer::lex_string() {
  std::size_t start = i_;
  char quote = src_[i_++];
  while (i_ < src_.size() && src_[i_] != quote) i_ += src_[i_] == '\\' ? 2 : 1;
  if (i_ >= src_.size()) fail("unexpected end of string", start);
  ++i_;
  push(Tok::String, unescape_string(std::string_view(src_).substr(start + 1, i_ - start - 2)), pos_at(start));
}

std::string unescape_string(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out += s[i];
      continue;
    }
    char c = s[++i];
    auto hex = [&](std::size_t n) {
      if (i + n >= s.size()) return false;
      std::string h(s.substr(i + 1, n));
      if (h.size() != n || h.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) return false;
      utf8::append(out, static_cast<char32_t>(std::stoul(h, nullptr, 16)));
      i += n;
      return true;
    };
    switch (c) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case '\n': break;
      case 'x': if (!hex(2)) out += "\\x"; break;
      case 'u': if (!hex(4)) out += "\\u"; break;
      case 'U': if (!hex(8)) out += "\\U"; break;
      default:
        if (c >= '0' && c <= '7') {
          unsigned v = 0;
          std::size_t n = 0;
          while (n < 3 && i < s.size() && s[i] >= '0' && s[i] <= '7') v = v * 8 + unsigned(s[i++] - '0'), ++n;
          --i;
          utf8::append(out, v);
        } else {
          out += '\\';
          out += c;
        }
    }
  }
  return out;
}

}  // namespace hyoka::tmpl
