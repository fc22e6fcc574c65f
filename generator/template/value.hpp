#pragma once
// Value: the dynamic value the template engine computes with.
//
// Values mirror Python objects as Jinja2 sees them (str, int, float, bool,
// None, list, tuple, dict, Undefined, Markup and callables). Context data is
// never copied: strings, arrays and objects coming from the JSON context are
// *borrowed* (a raw pointer into the caller's nlohmann::ordered_json, which
// outlives the render call). Values created while rendering are *owned*
// through a shared_ptr, so copying a Value is at most one refcount bump.
#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace hyoka::tmpl {

using Json = nlohmann::ordered_json;

class Value;
class Object;
using List = std::vector<Value>;

// Names are compared on every variable and attribute lookup, mostly against
// names of another length or first letter: test those before memcmp.
inline bool same_name(std::string_view a, std::string_view b) {
  return a.size() == b.size() && (a.empty() || (a[0] == b[0] && std::memcmp(a.data(), b.data(), a.size()) == 0));
}

// A Python dict: insertion ordered, keys compared with Python equality.
// Dicts in templates are small, so a linear scan beats hashing.
struct Dict {
  std::vector<std::pair<Value, Value>> items;
  const Value* find(const Value& key) const;
  const Value* find(std::string_view key) const;
  void set(Value key, Value value);
};

// Errors raised while evaluating; the renderer adds template, line and
// column when the error crosses a template/macro boundary.
class RenderError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A template name that the loader cannot find (include lists and
// `ignore missing` react to it).
class TemplateNotFound : public RenderError {
 public:
  using RenderError::RenderError;
};

enum class Kind : std::uint8_t { Undefined, None, Bool, Int, Float, String, List, Dict, Object };

class Value {
 public:
  Value() = default;  // Undefined without a name
  Value(std::nullptr_t) : kind_(Kind::None) {}
  Value(bool b) : kind_(Kind::Bool) { u_.b = b; }
  Value(int i) : Value(static_cast<std::int64_t>(i)) {}
  Value(std::int64_t i) : kind_(Kind::Int) { u_.i = i; }
  Value(double d) : kind_(Kind::Float) { u_.f = d; }
  Value(std::string s);                   // owned string
  Value(const char* s) : Value(std::string(s)) {}
  Value(List list, bool tuple = false);   // owned list / tuple
  Value(Dict dict);                       // owned dict
  Value(std::shared_ptr<Object> obj);
  Value(const Value&) = default;
  Value(Value&&) noexcept = default;
  Value& operator=(const Value&) = default;
  Value& operator=(Value&&) noexcept = default;
  // Values nest (a list of lists, a namespace holding a list, ...) as deep as
  // a template makes them, e.g. `{% set ns.x = [ns.x] %}` in a long loop. The
  // last owner of a list, dict or object defers its destruction to a queue
  // emptied by the outermost destructor, so freeing a deep value never
  // recurses. Inline: most values are strings, numbers or borrowed JSON.
  ~Value() {
    if (kind_ >= Kind::List && hold_ && hold_.use_count() == 1) bury();
  }

  static Value undefined(std::string name);
  static Value undefined_attr(std::string owner, std::string name);
  static Value borrow(const std::string& s, bool safe = false);  // s must outlive the value
  static Value from_json(const Json& j);                         // borrows strings/arrays/objects
  static Value markup(std::string s) { Value v(std::move(s)); v.safe_ = true; return v; }

  Kind kind() const { return kind_; }
  bool is_undefined() const { return kind_ == Kind::Undefined; }
  bool is_none() const { return kind_ == Kind::None; }
  bool is_bool() const { return kind_ == Kind::Bool; }
  bool is_int() const { return kind_ == Kind::Int; }
  bool is_float() const { return kind_ == Kind::Float; }
  bool is_number() const { return kind_ == Kind::Int || kind_ == Kind::Float || kind_ == Kind::Bool; }
  bool is_string() const { return kind_ == Kind::String; }
  bool is_list() const { return kind_ == Kind::List; }
  bool is_tuple() const { return kind_ == Kind::List && tuple_; }
  bool is_dict() const { return kind_ == Kind::Dict; }
  bool is_object() const { return kind_ == Kind::Object; }
  bool is_safe() const { return safe_; }  // Markup string
  bool is_json() const { return json_; }

  bool as_bool() const { return u_.b; }
  // Int or Bool; a Float is truncated; any other kind is a RenderError (it
  // used to read the payload pointer as a number).
  std::int64_t as_int() const { return kind_ == Kind::Int ? u_.i : kind_ == Kind::Bool ? std::int64_t(u_.b) : as_int_slow(); }
  double as_double() const;  // Int, Float or Bool
  // The accessors below check the kind and throw a RenderError on a mismatch:
  // reading the payload as the wrong type was undefined behaviour (fuzzing).
  std::string_view str() const;  // String only
  const std::string& str_ref() const;
  Object* object() const { return static_cast<Object*>(hold_.get()); }
  std::shared_ptr<Object> object_ptr() const { return std::static_pointer_cast<Object>(hold_); }
  const std::shared_ptr<void>& holder() const { return hold_; }  // owner of an owned payload
  const Json& json() const { return *static_cast<const Json*>(u_.p); }
  const List& list() const;  // owned list only
  const Dict& dict() const;  // owned dict only
  std::string undefined_message() const;
  std::int64_t as_int_slow() const;

  Value with_safe(bool safe) const { Value v = *this; v.safe_ = safe; return v; }
  Value as_group() const { Value v = *this; v.group_ = true; return v; }
  bool is_group() const { return group_; }

  // Sequence protocol for lists/tuples (owned or JSON arrays).
  std::size_t list_size() const;
  Value list_at(std::size_t i) const;
  // Mapping protocol for dicts (owned or JSON objects).
  std::size_t dict_size() const;
  Value dict_key(std::size_t i) const;
  Value dict_value(std::size_t i) const;
  // Lookup by key, returns Undefined when absent.
  Value dict_get(const Value& key) const;
  Value dict_get(std::string_view key) const;
  bool dict_has(const Value& key) const;

 private:
  Kind kind_ = Kind::Undefined;
  bool safe_ = false;   // Markup
  bool tuple_ = false;  // tuple rather than list
  bool json_ = false;   // u_.p points into a borrowed Json array/object
  bool group_ = false;  // groupby() result: tuple with .grouper/.list
  union U {
    bool b;
    std::int64_t i;
    double f;
    const void* p;
  } u_{};
  std::shared_ptr<void> hold_;  // keeps owned payloads alive

  void bury();  // see ~Value
};

// Keyword/positional arguments for calls, filters and tests.
struct CallArgs {
  std::vector<Value> pos;
  std::vector<std::pair<std::string_view, Value>> kw;
  std::vector<Value> keep_alive;  // owners of kw names that came from **dicts
  const Value* find_kw(std::string_view name) const;
};

// Whether a name is a method of Python's dict / str / list, as far as
// templates use them (methods.cpp).
bool is_dict_method(std::string_view name);
bool is_str_method(std::string_view name);
bool is_list_method(std::string_view name);

class Renderer;

// Callables and objects with attributes (macros, loop, namespace, cycler...).
class Object {
 public:
  virtual ~Object() = default;
  virtual std::string_view type_name() const = 0;
  virtual Value get_attr(std::string_view name) const;
  virtual bool set_attr(std::string_view name, Value value);  // namespace only
  virtual bool callable() const { return false; }
  virtual Value call(Renderer& r, CallArgs& args);
  virtual std::string repr() const;
  // Drops the values and scopes it refers to. Called when the render is over,
  // to break reference cycles (see Renderer::track).
  virtual void release() {}
};

}  // namespace hyoka::tmpl
