#pragma once
// UTF-8 helpers: Jinja2 works on Python str, so lengths, slicing and case
// mapping must count code points, never bytes.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hyoka::tmpl::utf8 {

// Decodes one code point at s[i] and advances i; invalid bytes decode as themselves.
char32_t next(std::string_view s, std::size_t& i);
void append(std::string& out, char32_t cp);
std::size_t length(std::string_view s);
std::vector<char32_t> decode(std::string_view s);
std::string encode(const std::vector<char32_t>& cps, std::size_t begin, std::size_t end);
// Byte offset of the code point with index n (or s.size()).
std::size_t offset_of(std::string_view s, std::size_t n);

std::string upper(std::string_view s);
std::string lower(std::string_view s);
char32_t to_upper(char32_t c);
char32_t to_lower(char32_t c);
char32_t to_title(char32_t c);
bool is_space(char32_t c);        // Python str.isspace()
bool is_word(char32_t c);         // regex \w in Python (alnum or '_')
bool is_alpha(char32_t c);
bool is_upper(char32_t c);
bool is_lower(char32_t c);
bool is_cased(char32_t c);
bool is_printable(char32_t c);    // Python str.isprintable()
bool is_digit(char32_t c);

}  // namespace hyoka::tmpl::utf8
