#include "exchange/xml_stream.hpp"

#include <expat.h>

#include <exception>

#include <utf8proc.h>

#include "exchange/error.hpp"

namespace hyoka::exchange {
namespace {

std::string_view local_name(const char* name) {
  std::string_view n(name);
  auto colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace

// Expat calls plain functions; these forward to the stream, and keep any
// exception until expat has returned (it must not cross C frames).
struct XmlCallbacks {
  template <typename F>
  static void guarded(void* data, F&& f) {
    auto* stream = static_cast<XmlStream*>(data);
    if (stream->failure_ || !stream->refused_.empty()) return;
    try {
      f(*stream);
    } catch (...) {
      stream->failure_ = std::current_exception();
      XML_StopParser(stream->parser_, XML_FALSE);
    }
  }
  static void start(void* data, const XML_Char* name, const XML_Char** attributes) {
    guarded(data, [&](XmlStream& s) { s.handler_.start(local_name(name), attributes); });
  }
  static void end(void* data, const XML_Char* name) {
    guarded(data, [&](XmlStream& s) { s.handler_.end(local_name(name)); });
  }
  static void text(void* data, const XML_Char* text, int length) {
    guarded(data, [&](XmlStream& s) { s.handler_.text(std::string_view(text, static_cast<std::size_t>(length))); });
  }
  static void refuse(XmlStream& stream, const char* what) {
    if (stream.refused_.empty()) stream.refused_ = what;
    XML_StopParser(stream.parser_, XML_FALSE);
  }
  static void doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    refuse(*static_cast<XmlStream*>(data), "a DOCTYPE declaration");
  }
  static void entity(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*, const XML_Char*,
                     const XML_Char*, const XML_Char*) {
    refuse(*static_cast<XmlStream*>(data), "an entity declaration");
  }
  static int external_entity(XML_Parser, const XML_Char*, const XML_Char*, const XML_Char*, const XML_Char*) {
    return XML_STATUS_ERROR;
  }
};

const char* attribute(const char** attributes, std::string_view name) {
  for (int i = 0; attributes && attributes[i]; i += 2)
    if (local_name(attributes[i]) == name) return attributes[i + 1];
  return nullptr;
}

XmlStream::XmlStream(XmlHandler& handler, std::string part)
    : parser_(XML_ParserCreate("UTF-8")), handler_(handler), part_(std::move(part)) {
  if (!parser_) throw std::bad_alloc();
  XML_SetUserData(parser_, this);
  XML_SetElementHandler(parser_, XmlCallbacks::start, XmlCallbacks::end);
  XML_SetCharacterDataHandler(parser_, XmlCallbacks::text);
  XML_SetStartDoctypeDeclHandler(parser_, XmlCallbacks::doctype);
  XML_SetEntityDeclHandler(parser_, XmlCallbacks::entity);
  XML_SetExternalEntityRefHandler(parser_, XmlCallbacks::external_entity);
  XML_SetParamEntityParsing(parser_, XML_PARAM_ENTITY_PARSING_NEVER);
}

XmlStream::~XmlStream() { XML_ParserFree(parser_); }

void XmlStream::check(int status) {
  if (failure_) std::rethrow_exception(failure_);
  if (!refused_.empty())
    throw ExchangeError("the workbook part holds " + refused_ + ", which workbooks never do; hyoka refuses it (no entity expansion)",
                        "import the workbook hyoka exported, saved by Excel or LibreOffice", part_);
  if (status == XML_STATUS_ERROR)
    throw ExchangeError(std::string("the workbook part is not well-formed XML (") + XML_ErrorString(XML_GetErrorCode(parser_)) +
                            " at line " + std::to_string(XML_GetCurrentLineNumber(parser_)) + ")",
                        "open the file in Excel or LibreOffice and save it again as .xlsx", part_);
}

void XmlStream::feed(std::string_view bytes) {
  // expat takes an int length: feed large buffers in slices.
  constexpr std::size_t slice = 1u << 30;
  for (std::size_t at = 0; at < bytes.size(); at += slice) {
    auto n = static_cast<int>(std::min(slice, bytes.size() - at));
    check(XML_Parse(parser_, bytes.data() + at, n, XML_FALSE));
  }
}

void XmlStream::finish() { check(XML_Parse(parser_, "", 0, XML_TRUE)); }

std::string decode_office_escapes(std::string_view text) {
  if (text.find("_x") == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_') {
      int d[4] = {hex_digit(text[i + 2]), hex_digit(text[i + 3]), hex_digit(text[i + 4]), hex_digit(text[i + 5])};
      if (d[0] >= 0 && d[1] >= 0 && d[2] >= 0 && d[3] >= 0) {
        unsigned code = static_cast<unsigned>(d[0] << 12 | d[1] << 8 | d[2] << 4 | d[3]);
        if (code < 0xD800 || code > 0xDFFF) {
          utf8proc_uint8_t bytes[4];
          const auto length = utf8proc_encode_char(static_cast<utf8proc_int32_t>(code), bytes);
          out.append(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(length));
          i += 6;
          continue;
        }
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace hyoka::exchange
