#include "stages/site/templates.hpp"

#include <algorithm>
#include <atomic>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <unordered_map>

#include "stages/common/inbox_text.hpp"
#include "stages/ingest/content_hash.hpp"
#include "stages/site/escape.hpp"

namespace fs = std::filesystem;
namespace mus = kainjow::mustache;

namespace tv::site {
namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw TemplateError(p.string() + ": cannot read the template");
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

// kainjow reports "Unclosed tag at 1234" (a byte offset); editors need a line.
std::string with_line(const std::string& file, const std::string& source, const std::string& message) {
  static const std::regex at(R"((.*) at (\d+)$)");
  std::smatch m;
  if (std::regex_match(message, m, at)) {
    auto offset = static_cast<std::size_t>(std::stoull(m[2]));
    int line = inbox_text::Lines(source).line_of(std::min(offset, source.size()));
    return file + " line " + std::to_string(line) + ": " + m[1].str();
  }
  return file + ": " + message;
}

void check_syntax(const std::string& file, const std::string& source) {
  mus::mustache t(source);
  if (!t.is_valid()) throw TemplateError("template syntax error: " + with_line(file, source, t.error_message()));
}

// Every {{> name}} must name a partial file (checked at load, where kainjow would only notice
// at render time and then render nothing).
void check_partial_refs(const std::string& file, const std::string& source,
                        const std::map<std::string, std::string>& partials) {
  static const std::regex ref(R"(\{\{>\s*([^}\s]+)\s*\}\})");
  inbox_text::Lines lines(source);
  for (auto it = std::sregex_iterator(source.begin(), source.end(), ref); it != std::sregex_iterator(); ++it) {
    if (partials.count((*it)[1].str())) continue;
    throw TemplateError("template error: " + file + " line " +
                        std::to_string(lines.line_of(static_cast<std::size_t>(it->position()))) +
                        ": no partial named \"" + (*it)[1].str() + "\" (expected partials/" + (*it)[1].str() +
                        ".mustache)");
  }
}

// Replaces every {{> name}} with the partial's text, recursively (partials of partials), so a
// page is parsed once rather than each partial at each use (kainjow parses a partial every
// time it meets one; that was a third of the render time). Each file was checked on its own
// first, so errors still name the file they are in. A partial including itself is refused.
std::string expand(const std::string& source, const std::map<std::string, std::string>& partials,
                   const std::string& file, int depth = 0) {
  static const std::regex ref(R"(\{\{>\s*([^}\s]+)\s*\}\})");
  if (depth > 16) throw TemplateError("template error: " + file + ": partials include each other more than 16 deep (a loop?)");
  std::string out;
  std::size_t last = 0;
  for (auto it = std::sregex_iterator(source.begin(), source.end(), ref); it != std::sregex_iterator(); ++it) {
    out.append(source, last, std::size_t(it->position()) - last);
    out += expand(partials.at((*it)[1].str()), partials, "partials/" + (*it)[1].str() + ".mustache", depth + 1);
    last = std::size_t(it->position() + it->length());
  }
  out.append(source, last, std::string::npos);
  return out;
}

// A context that resolves names like kainjow's own and remembers every name it could not
// resolve. Partials were inlined at load, so none is asked for at render time.
class StrictContext : public mus::basic_context<std::string> {
 public:
  StrictContext(const Data* data, const Templates::Shared& shared) : shared_(shared) { push(data); }
  void push(const Data* data) override { items_.push_back(data); }
  void pop() override { items_.pop_back(); }
  const Data* get(const std::string& name) const override {
    if (name == ".") return items_.back();
    for (auto it = items_.rbegin(); it != items_.rend(); ++it)
      if (const Data* var = walk(*it, name, 0)) return var;
    const auto dot = name.find('.');
    const auto first = name.substr(0, dot);
    for (auto& [key, data] : shared_)
      if (key == first) {
        if (const Data* var = dot == std::string::npos ? data : walk(data, name, dot + 1)) return var;
        break;
      }
    missing_.push_back(name);
    return nullptr;
  }
  const Data* get_partial(const std::string& name) const override {
    missing_.push_back("> " + name);
    return nullptr;
  }
  const std::vector<std::string>& missing() const { return missing_; }

 private:
  // Follows "x.y.z" from `var`, starting at name[from].
  static const Data* walk(const Data* var, const std::string& name, std::size_t from) {
    if (from == 0 && name.find('.') == std::string::npos) return var->get(name);
    while (var) {
      auto dot = name.find('.', from);
      var = var->get(name.substr(from, dot == std::string::npos ? dot : dot - from));
      if (dot == std::string::npos) break;
      from = dot + 1;
    }
    return var;
  }

  std::vector<const Data*> items_;
  const Templates::Shared& shared_;
  mutable std::vector<std::string> missing_;
};

std::atomic<std::uint64_t> next_id{1};

// Parsed templates per thread: kainjow's render is not documented as thread-safe, and a
// parse per page would cost more than the render.
struct Parsed {
  std::unique_ptr<mus::mustache> tmpl;
};

}  // namespace

Templates Templates::load(const fs::path& dir, const std::vector<std::string>& required) {
  Templates t;
  t.id_ = next_id++;
  if (!fs::is_directory(dir)) throw TemplateError(dir.string() + ": the templates folder does not exist (paths.templates)");
  auto list = [](const fs::path& d) {
    std::vector<fs::path> files;
    if (fs::is_directory(d))
      for (auto& e : fs::directory_iterator(d))
        if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
  };
  for (auto& p : list(dir / "partials"))
    if (p.extension() == ".mustache") {
      auto name = p.stem().string();
      t.partials_[name] = read_file(p);
      t.files_["> " + name] = p.string();
    }
  for (auto& p : list(dir)) {
    if (p.extension() == ".mustache") {
      t.pages_[p.stem().string()] = read_file(p);
      t.files_[p.stem().string()] = p.string();
    } else if (p.extension() == ".css") {
      t.assets_[p.filename().string()] = read_file(p);
    }
  }
  for (auto& [name, src] : t.partials_) {
    check_syntax(t.files_["> " + name], src);
    check_partial_refs(t.files_["> " + name], src, t.partials_);
  }
  for (auto& [name, src] : t.pages_) {
    check_syntax(t.files_[name], src);
    check_partial_refs(t.files_[name], src, t.partials_);
  }
  for (auto& [name, src] : t.pages_) {
    t.expanded_[name] = expand(src, t.partials_, t.files_[name]);
    check_syntax(t.files_[name] + " (with its partials)", t.expanded_[name]);
  }
  std::string all;
  for (auto* m : {&t.pages_, &t.partials_, &t.assets_})
    for (auto& [name, src] : *m) all += name + '\0' + std::to_string(src.size()) + '\0' + src;
  t.fingerprint_ = ingest::sha256_hex(all);
  for (auto& r : required)
    if (!t.pages_.count(r)) throw TemplateError((dir / (r + ".mustache")).string() + ": the site needs this template and it is missing");
  return t;
}

std::string Templates::render(const std::string& name, const Data& data, const Shared& shared) const {
  thread_local std::unordered_map<std::string, Parsed> cache;
  const std::string key = std::to_string(id_) + "/" + name;
  auto it = cache.find(key);
  if (it == cache.end()) {
    auto page = expanded_.find(name);
    if (page == expanded_.end()) throw TemplateError("no template named \"" + name + "\"");
    Parsed p;
    p.tmpl = std::make_unique<mus::mustache>(page->second);
    p.tmpl->set_custom_escape([](const std::string& s) { return html(s); });
    it = cache.emplace(key, std::move(p)).first;
  }
  StrictContext ctx(&data, shared);
  std::string out = it->second.tmpl->render(ctx);
  if (!it->second.tmpl->is_valid())
    throw TemplateError(files_.at(name) + ": " + it->second.tmpl->error_message());
  if (!ctx.missing().empty()) {
    auto missing = ctx.missing();
    std::sort(missing.begin(), missing.end());
    missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
    std::string list;
    for (auto& m : missing) list += (list.empty() ? "" : ", ") + m;
    throw TemplateError(files_.at(name) + " (or a partial it uses): the page data has no " + list);
  }
  return out;
}

}  // namespace tv::site
