#include "pipeline/record_json.hpp"

namespace tv {
namespace {

using nlohmann::json;

template <class T, class F>
void put(json& j, json& prov, const char* key, const Sourced<T>& s, F&& convert) {
  if (!s.present) {
    j[key] = nullptr;
    return;
  }
  j[key] = convert(s.value);
  prov[key] = {{"file", s.from.file}, {"rule", s.from.rule}};
}

json price_json(const fields::Price& p) {
  json j = {{"tier", std::string(fields::to_string(p.tier))},
            {"amount", p.amount ? json(*p.amount) : json(nullptr)},
            {"currency", p.currency},
            {"period", p.period},
            {"display", p.display}};
  return j;
}

json sizes_json(const std::vector<fields::ParamSize>& sizes) {
  json a = json::array();
  for (const auto& s : sizes)
    a.push_back({{"label", s.label},
                 {"total", s.total},
                 {"active", s.active ? json(*s.active) : json(nullptr)},
                 {"experts", s.experts}});
  return a;
}

}  // namespace

json to_json(const ToolRecord& r) {
  json j = json::object(), prov = json::object();
  auto str = [](const std::string& s) { return s; };
  put(j, prov, "name", r.name, str);
  put(j, prov, "vendor", r.vendor, str);
  put(j, prov, "category", r.category, str);
  put(j, prov, "tagline", r.tagline, str);
  put(j, prov, "description", r.description, str);
  put(j, prov, "price", r.price, price_json);
  put(j, prov, "license", r.license, [](const fields::License& l) {
    return json{{"spdx", l.spdx.empty() ? json(nullptr) : json(l.spdx)}, {"name", l.name}};
  });
  put(j, prov, "parameter_sizes", r.parameter_sizes, sizes_json);
  put(j, prov, "kind", r.kind, str);
  put(j, prov, "source_url", r.source_url, str);
  put(j, prov, "homepage", r.homepage, str);
  j["source_file"] = r.source_file;
  j["source_sha256"] = r.source_sha256;
  j["encoding"] = r.encoding;
  j["profile"] = r.profile.empty() ? json(nullptr) : json(r.profile);
  j["notes"] = r.notes;
  j["provenance"] = prov;
  return j;
}

std::string dump_json(const json& j, int indent) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace tv
