#pragma once
// Streaming XML (expat) for the parts of a workbook, with DTDs refused: a
// part that declares a DOCTYPE or an entity is not a workbook part, and
// refusing it rules out entity expansion ("billion laughs") and external
// entities. Element and attribute names are given without their prefix
// ("x:c" and "c" are the same cell), as writers differ in namespace prefixes.
#include <exception>
#include <string>
#include <string_view>

struct XML_ParserStruct;

namespace hyoka::exchange {

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view name, const char** attributes) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view) {}
};

// The value of an attribute given by local name, or nullptr.
const char* attribute(const char** attributes, std::string_view name);

class XmlStream {
 public:
  XmlStream(XmlHandler& handler, std::string part);
  ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  // Throws ExchangeError for malformed XML or a DTD, and rethrows what a handler threw.
  void feed(std::string_view bytes);
  void finish();

 private:
  void check(int status);

  XML_ParserStruct* parser_;
  XmlHandler& handler_;
  std::string part_;
  std::string refused_;           // why the part was stopped (a DTD), if it was
  std::exception_ptr failure_;    // thrown by a handler; expat is C and cannot carry it
  friend struct XmlCallbacks;
};

// Decodes the _xHHHH_ escapes Office uses for characters XML cannot hold ("_x000D_" is CR).
std::string decode_office_escapes(std::string_view text);

}  // namespace hyoka::exchange
