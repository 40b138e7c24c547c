// A minimal streaming JSON writer for the metrics and timeline files: commas, indentation and
// string escaping are handled here so callers only say what goes where.
#pragma once

#include <concepts>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kprove {

// `s` as a JSON string literal, quotes included (control characters as \u00XX).
std::string json_quote(std::string_view s);

class JsonWriter {
 public:
  // indent = 0 writes everything on one line.
  explicit JsonWriter(std::ostream& os, int indent = 2) : os_(os), indent_(indent) {}

  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  // The next value (or container) becomes this member of the enclosing object.
  JsonWriter& key(std::string_view k);

  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(bool b);
  JsonWriter& value(double d);  // non-finite values become null
  template <std::integral T>
  JsonWriter& value(T v) {
    element();
    os_ << v;
    return *this;
  }
  JsonWriter& null();

 private:
  JsonWriter& open(char bracket);
  JsonWriter& close(char bracket);
  void element();  // separator and indentation before a value
  void newline();

  std::ostream& os_;
  int indent_;
  std::vector<bool> empty_;  // per open container: nothing written into it yet
  bool after_key_ = false;
};

}  // namespace kprove
