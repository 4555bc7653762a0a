#include "stages/digest/readers.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace tv::digest {
namespace {

constexpr std::array<std::pair<ReaderStatus, std::string_view>, 5> kStatuses{{
    {ReaderStatus::pending, "pending"},
    {ReaderStatus::subscribed, "subscribed"},
    {ReaderStatus::unsubscribed, "unsubscribed"},
    {ReaderStatus::bounced, "bounced"},
    {ReaderStatus::complained, "complained"},
}};

constexpr std::array<std::pair<How, std::string_view>, 9> kHows{{
    {How::form, "form"},
    {How::confirm, "confirm"},
    {How::one_click, "one-click"},
    {How::page, "page"},
    {How::mailto, "mailto"},
    {How::bounce, "bounce"},
    {How::complaint, "complaint"},
    {How::import, "import"},
    {How::editor, "editor"},
}};

template <class E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [v, n] : table)
    if (v == value) return n;
  return "";
}

template <class E, std::size_t N>
std::optional<E> value_of(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view name) {
  for (const auto& [v, n] : table)
    if (n == name) return v;
  return std::nullopt;
}

}  // namespace

std::string_view to_string(ReaderStatus s) { return name_of(kStatuses, s); }
std::optional<ReaderStatus> reader_status(std::string_view s) { return value_of(kStatuses, s); }
bool suppressed(ReaderStatus s) { return s == ReaderStatus::bounced || s == ReaderStatus::complained; }
std::string_view to_string(How h) { return name_of(kHows, h); }
std::optional<How> how(std::string_view s) { return value_of(kHows, s); }

Applied decide(std::optional<ReaderStatus> now, const ReaderChange& c) {
  if (!now) return c.create ? Applied::created : Applied::refused;
  if (*now == c.to) return Applied::unchanged;
  if (!c.from.empty() && std::find(c.from.begin(), c.from.end(), *now) == c.from.end()) return Applied::refused;
  return Applied::changed;
}

ReaderChange import_change(const std::string& key, const std::string& email, const std::string& name,
                           bool subscribed, const std::string& file) {
  ReaderChange c;
  c.key = key;
  c.email = email;
  c.name = name;
  c.how = How::import;
  c.detail = "imported from " + file;
  c.create = true;
  if (subscribed) {
    c.to = ReaderStatus::subscribed;
    c.from = {ReaderStatus::pending, ReaderStatus::subscribed};
  } else {
    c.to = ReaderStatus::unsubscribed;
    c.from = {ReaderStatus::pending, ReaderStatus::subscribed, ReaderStatus::unsubscribed};
  }
  return c;
}

}  // namespace tv::digest
