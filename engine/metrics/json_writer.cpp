#include "engine/metrics/json_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace kprove {

std::string json_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;  // UTF-8 passes through unchanged
        }
    }
  }
  return out + "\"";
}

void JsonWriter::newline() {
  if (indent_ == 0) return;
  os_ << '\n' << std::string(empty_.size() * indent_, ' ');
}

void JsonWriter::element() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (empty_.empty()) return;
  if (!empty_.back()) os_ << ',';
  empty_.back() = false;
  newline();
}

JsonWriter& JsonWriter::key(std::string_view k) {
  element();
  os_ << json_quote(k) << (indent_ ? ": " : ":");
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::open(char bracket) {
  element();
  os_ << bracket;
  empty_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  const bool was_empty = empty_.back();
  empty_.pop_back();
  if (!was_empty) newline();
  os_ << bracket;
  if (empty_.empty() && indent_) os_ << '\n';
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  element();
  os_ << json_quote(s);
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  element();
  os_ << (b ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::value(double d) {
  if (!std::isfinite(d)) return null();
  element();
  char buf[32];
  const auto res = std::to_chars(buf, buf + sizeof buf, d);  // shortest exact form
  os_ << std::string_view(buf, res.ptr - buf);
  return *this;
}

JsonWriter& JsonWriter::null() {
  element();
  os_ << "null";
  return *this;
}

}  // namespace kprove
