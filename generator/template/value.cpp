#include "template/value.hpp"

#include "template/python.hpp"

namespace hyoka::tmpl {

namespace {
// Payload of an Undefined: the name it was looked up by, and the object it
// was looked up on (for Jinja2's "'dict object' has no attribute 'x'").
struct UndefinedInfo {
  std::string owner;
  std::string name;
};
}  // namespace

const Value* Dict::find(const Value& key) const {
  for (const auto& kv : items)
    if (py_equal(kv.first, key)) return &kv.second;
  return nullptr;
}

const Value* Dict::find(std::string_view key) const {
  for (const auto& kv : items)
    if (kv.first.is_string() && same_name(kv.first.str(), key)) return &kv.second;
  return nullptr;
}

void Dict::set(Value key, Value value) {
  for (auto& kv : items) {
    if (py_equal(kv.first, key)) {
      kv.second = std::move(value);
      return;
    }
  }
  items.emplace_back(std::move(key), std::move(value));
}

const Value* CallArgs::find_kw(std::string_view name) const {
  for (const auto& kv : kw)
    if (kv.first == name) return &kv.second;
  return nullptr;
}

namespace {
// Trivially destructible, so still readable while static Values (the
// built-in globals) are destroyed after the thread's graveyard is gone.
thread_local bool graveyard_gone = false;
struct Graveyard {
  std::vector<std::shared_ptr<void>> items;
  bool draining = false;
  ~Graveyard() { graveyard_gone = true; }
};
thread_local Graveyard graveyard;
}  // namespace

void Value::bury() {
  if (graveyard_gone) return;  // the member destructor frees it
  try {
    graveyard.items.push_back(std::move(hold_));
  } catch (...) {  // out of memory: hold_ is unchanged and frees it here, recursively
    return;
  }
  if (graveyard.draining) return;  // an outer ~Value frees it
  graveyard.draining = true;
  while (!graveyard.items.empty()) {
    std::shared_ptr<void> last = std::move(graveyard.items.back());
    graveyard.items.pop_back();
    last.reset();  // may queue the values it held
  }
  graveyard.draining = false;
}

Value::Value(std::string s) : kind_(Kind::String) {
  auto p = std::make_shared<std::string>(std::move(s));
  u_.p = p.get();
  hold_ = std::move(p);
}

Value::Value(List list, bool tuple) : kind_(Kind::List), tuple_(tuple) {
  auto p = std::make_shared<List>(std::move(list));
  u_.p = p.get();
  hold_ = std::move(p);
}

Value::Value(Dict dict) : kind_(Kind::Dict) {
  auto p = std::make_shared<Dict>(std::move(dict));
  u_.p = p.get();
  hold_ = std::move(p);
}

Value::Value(std::shared_ptr<Object> obj) : kind_(Kind::Object) {
  u_.p = obj.get();
  hold_ = std::move(obj);
}

Value Value::undefined(std::string name) { return undefined_attr({}, std::move(name)); }

Value Value::undefined_attr(std::string owner, std::string name) {
  Value v;
  auto p = std::make_shared<UndefinedInfo>(UndefinedInfo{std::move(owner), std::move(name)});
  v.u_.p = p.get();
  v.hold_ = std::move(p);
  return v;
}

std::string Value::undefined_message() const {
  if (!hold_) return "undefined value";
  const auto& info = *static_cast<const UndefinedInfo*>(u_.p);
  if (!info.owner.empty()) return "'" + info.owner + "' has no attribute '" + info.name + "'";
  return "'" + info.name + "' is undefined";
}

Value Value::borrow(const std::string& s, bool safe) {
  Value v;
  v.kind_ = Kind::String;
  v.safe_ = safe;
  v.u_.p = &s;
  return v;
}

Value Value::from_json(const Json& j) {
  switch (j.type()) {
    case Json::value_t::null: return Value(nullptr);
    case Json::value_t::boolean: return Value(j.get<bool>());
    case Json::value_t::number_integer: return Value(j.get<std::int64_t>());
    case Json::value_t::number_unsigned: return Value(static_cast<std::int64_t>(j.get<std::uint64_t>()));
    case Json::value_t::number_float: return Value(j.get<double>());
    case Json::value_t::string: return borrow(j.get_ref<const std::string&>());
    case Json::value_t::array:
    case Json::value_t::object: {
      Value v;
      v.kind_ = j.is_array() ? Kind::List : Kind::Dict;
      v.json_ = true;
      v.u_.p = &j;
      return v;
    }
    default: return Value(nullptr);
  }
}

std::int64_t Value::as_int_slow() const {
  if (kind_ == Kind::Float) return to_int64(u_.f);
  throw RenderError("'" + type_name(*this) + "' object cannot be interpreted as an integer");
}

double Value::as_double() const {
  switch (kind_) {
    case Kind::Float: return u_.f;
    case Kind::Int: return static_cast<double>(u_.i);
    case Kind::Bool: return u_.b ? 1.0 : 0.0;
    default: return 0.0;
  }
}

namespace {
[[noreturn]] void wrong_kind(const Value& v, const char* expected) {
  throw RenderError(std::string("expected ") + expected + ", not '" + type_name(v) + "'");
}
[[noreturn]] void out_of_range() { throw RenderError("index out of range"); }
}  // namespace

std::string_view Value::str() const { return str_ref(); }
const std::string& Value::str_ref() const {
  if (kind_ != Kind::String) wrong_kind(*this, "a string");
  return *static_cast<const std::string*>(u_.p);
}

const List& Value::list() const {
  if (kind_ != Kind::List || json_) wrong_kind(*this, "a list");
  return *static_cast<const List*>(u_.p);
}

const Dict& Value::dict() const {
  if (kind_ != Kind::Dict || json_) wrong_kind(*this, "a dict");
  return *static_cast<const Dict*>(u_.p);
}

std::size_t Value::list_size() const {
  if (kind_ != Kind::List) wrong_kind(*this, "a list or tuple");
  return json_ ? json().size() : list().size();
}

Value Value::list_at(std::size_t i) const {
  if (i >= list_size()) out_of_range();
  return json_ ? from_json(json()[i]) : list()[i];
}

static const Json::object_t& object_of(const Json& j) { return j.get_ref<const Json::object_t&>(); }

std::size_t Value::dict_size() const {
  if (kind_ != Kind::Dict) wrong_kind(*this, "a dict");
  return json_ ? json().size() : dict().items.size();
}

Value Value::dict_key(std::size_t i) const {
  if (i >= dict_size()) out_of_range();
  return json_ ? borrow((object_of(json()).begin() + std::ptrdiff_t(i))->first) : dict().items[i].first;
}

Value Value::dict_value(std::size_t i) const {
  if (i >= dict_size()) out_of_range();
  return json_ ? from_json((object_of(json()).begin() + std::ptrdiff_t(i))->second) : dict().items[i].second;
}

Value Value::dict_get(std::string_view key) const {
  if (kind_ != Kind::Dict) wrong_kind(*this, "a dict");
  if (json_) {
    for (const auto& kv : object_of(json()))
      if (same_name(kv.first, key)) return from_json(kv.second);
    return Value::undefined_attr("dict object", std::string(key));
  }
  if (const Value* v = dict().find(key)) return *v;
  return Value::undefined_attr("dict object", std::string(key));
}

Value Value::dict_get(const Value& key) const {
  if (key.is_string()) return dict_get(key.str());
  if (kind_ != Kind::Dict) wrong_kind(*this, "a dict");
  if (json_) return Value::undefined_attr("dict object", py_repr(key));
  if (const Value* v = dict().find(key)) return *v;
  return Value::undefined_attr("dict object", py_repr(key));
}

bool Value::dict_has(const Value& key) const {
  if (kind_ != Kind::Dict) wrong_kind(*this, "a dict");
  if (json_) {
    if (!key.is_string()) return false;
    for (const auto& kv : object_of(json()))
      if (kv.first == key.str()) return true;
    return false;
  }
  return dict().find(key) != nullptr;
}

Value Object::get_attr(std::string_view name) const {
  return Value::undefined_attr(std::string(type_name()), std::string(name));
}

bool Object::set_attr(std::string_view, Value) { return false; }

Value Object::call(Renderer&, CallArgs&) {
  throw RenderError("'" + std::string(type_name()) + "' object is not callable");
}

std::string Object::repr() const {
  std::string out(1, '<');
  out.append(type_name()).append(" object>");
  return out;
}

}  // namespace hyoka::tmpl
