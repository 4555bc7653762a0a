#include "pipeline/cli.hpp"

#include <spdlog/spdlog.h>

#include <boost/program_options.hpp>

#include <iostream>
#include <string>
#include <vector>

#include "pipeline/commands.hpp"
#include "pipeline/config.hpp"
#include "pipeline/exit_codes.hpp"
#include "pipeline/logging.hpp"

namespace po = boost::program_options;

namespace tv {
namespace {

constexpr const char* kUsage = R"(usage: pipeline [--config FILE] [--SECTION.KEY=VALUE ...] COMMAND [ARGS]

The tool-verdicts nightly pipeline.

Commands:
  run                     the nightly job: claim the inbox, read the pages, reviews, votes and
                          directives, dedupe the records into tools, choose tonight's
                          comparisons, render the site and publish it to <paths.outbox>/site
  status [--json]         inbox waiting, the last run, files moved aside and why,
                          directives waiting for their tool
  export records --json   the normalised tool records as a JSON array
  export tools --json     the canonical tools (deduplicated), with aliases and conflicts
  export comparisons --json
                          the published comparisons (pairs of tool slugs), with reasons
  export reviews --json   every panel review taken: the counting one per tool and reviewer,
                          the older ones, and those waiting for their tool
  export site --json      everything the site is rendered from (docs/site-data.md)
  digest [--week YYYY-Www] [--dry-run] [--send [--resend EMAIL ...]]
                          the weekly digest of a week (default: the last complete one):
                          writes <paths.outbox>/digest/<week>.eml and .html; --dry-run
                          lists the readers it would mail; --send mails each reader once;
                          --resend mails an uncertain reader again, on the editor's word
  subscribers import FILE | list [--json] | export --csv | unsubscribe EMAIL
                          the newsletter's readers in the store: import a subscribers CSV,
                          list them with their history, export them as CSV, unsubscribe one
  bounces [--maildir DIR] what came back to the newsletter (DSNs, complaints, mailed
                          unsubscribes) from the Maildir (default: digest.bounce_maildir)
  serve                   the HTTP server behind the sign-up form, the confirmation link and
                          the one-click unsubscribe (serve.listen; docs/serve.md)
  eval-dedupe FILE        the dedupe matcher against labelled pairs (Magellan format):
                          precision, recall, F1 and the confusion counts
  eval-extract DIR [--mistakes]
                          extraction against hand-labelled pages (DIR/expected.tsv, e.g.
                          tests/extract): precision, recall, F1 per field and overall

Global options:
  --config FILE           read settings from FILE (default: the embedded defaults)
  --SECTION.KEY=VALUE     override one setting, e.g. --paths.inbox=/srv/inbox
  --help                  this text; `pipeline COMMAND --help` for a command
  --version               print the version

Settings (every one can be given in the config file or on the command line):
)";

constexpr const char* kExitCodes = R"(
Exit status: 0 ok; 10 ok but some inputs were moved aside; 64 bad command line;
65 eval-extract: a label line or a labelled page cannot be read; 70 the run failed;
74 an output could not be written (full disk, read-only); 75 another run holds the lock;
78 configuration or profile error.
)";

void print_usage(std::ostream& out) {
  out << kUsage;
  for (const auto& k : config_keys())
    out << "  " << k.key << " (default: " << k.default_value << ")\n      " << k.doc << "\n";
  out << kExitCodes;
}

struct Split {
  std::string config_file;
  std::vector<Override> overrides;
  std::string command;
  std::vector<std::string> args;
  bool help = false, version = false;
};

// Everything before the first word that is not an option is global.
Split split(int argc, char** argv) {
  Split s;
  int i = 1;
  for (; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      s.help = true;
    } else if (a == "--version") {
      s.version = true;
    } else if (a.rfind("--", 0) == 0) {
      std::string key = a.substr(2), value;
      auto eq = key.find('=');
      if (eq != std::string::npos) {
        value = key.substr(eq + 1);
        key = key.substr(0, eq);
      } else if (i + 1 < argc) {
        value = argv[++i];
      } else {
        throw po::error("option --" + key + " needs a value");
      }
      if (key == "config") s.config_file = value;
      else s.overrides.push_back({key, value});
    } else if (a.rfind("-", 0) == 0 && a.size() > 1) {
      throw po::error("unknown option " + a + " (settings are given as --section.key=value)");
    } else {
      break;
    }
  }
  if (i < argc) s.command = argv[i++];
  for (; i < argc; ++i) s.args.push_back(argv[i]);
  return s;
}

// Parses a command's own arguments; returns false after printing help.
bool parse_args(const std::string& usage, po::options_description& d, const std::vector<std::string>& args,
                po::variables_map& vm, po::positional_options_description* pos = nullptr) {
  d.add_options()("help,h", "this text");
  auto parser = po::command_line_parser(args).options(d);
  if (pos) parser.positional(*pos);
  po::store(parser.run(), vm);
  po::notify(vm);
  if (vm.count("help")) {
    std::cout << usage << "\n" << d << "\n";
    return false;
  }
  return true;
}

int dispatch(const Split& s) {
  Config cfg;
  try {
    cfg = load_config(s.config_file, s.overrides);
  } catch (const ConfigError& e) {
    spdlog::error("configuration error: {}", e.what());
    return code(Exit::config);
  }
  init_terminal_logging(cfg.log.level);

  po::variables_map vm;
  if (s.command == "run") {
    po::options_description d("run options");
    if (!parse_args("usage: pipeline [GLOBAL OPTIONS] run\n\nThe nightly job: claims every ready file in the inbox, "
                    "reads the pages into tool records, files each input away (archive) or aside (rejected, "
                    "with a reason).",
                    d, s.args, vm))
      return code(Exit::ok);
    return command_run(cfg);
  }
  if (s.command == "status") {
    po::options_description d("status options");
    d.add_options()("json", "print JSON instead of text");
    if (!parse_args("usage: pipeline [GLOBAL OPTIONS] status [--json]\n\nWhat is waiting in the inbox, how the last "
                    "run went, and the files moved aside with their reasons.",
                    d, s.args, vm))
      return code(Exit::ok);
    return command_status(cfg, vm.count("json") > 0);
  }
  if (s.command == "export") {
    po::options_description d("export options");
    d.add_options()("what", po::value<std::string>(), "what to export: records, tools, comparisons or reviews")(
        "json", "JSON output (the default)");
    po::positional_options_description pos;
    pos.add("what", 1);
    if (!parse_args("usage: pipeline [GLOBAL OPTIONS] export records|tools|comparisons|reviews|site --json\n\nPrints a "
                    "JSON array: the normalised records (docs/records.md), the canonical tools or the published "
                    "comparisons (docs/catalogue.md), or the panel reviews (docs/reviews.md); or, for site, the "
                    "document the site is rendered from (docs/site-data.md).",
                    d, s.args, vm, &pos))
      return code(Exit::ok);
    std::string what = vm.count("what") ? vm["what"].as<std::string>() : "";
    if (what == "records") return command_export_records(cfg);
    if (what == "tools") return command_export_tools(cfg);
    if (what == "comparisons") return command_export_comparisons(cfg);
    if (what == "reviews") return command_export_reviews(cfg);
    if (what == "site") return command_export_site(cfg);
    spdlog::error("export: say what to export: `pipeline export records|tools|comparisons|reviews|site --json`");
    return code(Exit::usage);
  }
  if (s.command == "digest") {
    po::options_description d("digest options");
    d.add_options()("week", po::value<std::string>()->default_value(""), "the ISO week, e.g. 2026-W47 (default: "
                    "the last complete week)")("dry-run", "print the subject, a summary and the readers; send nothing")(
        "send", "mail the digest to every reader not yet mailed it this week")(
        "resend", po::value<std::vector<std::string>>()->composing(),
        "with --send: mail this reader again although their message is uncertain (the editor checked "
        "it did not arrive); repeatable");
    if (!parse_args("usage: pipeline [GLOBAL OPTIONS] digest [--week YYYY-Www] [--dry-run] [--send [--resend EMAIL ...]]\n\nBuilds the "
                    "\"Weekly AI Tool Verdicts\" digest of a week from what changed in it and writes it to "
                    "<paths.outbox>/digest/<week>.eml, with an HTML preview beside it. --send mails it over SMTP, one "
                    "message per reader, never twice (docs/digest.md).",
                    d, s.args, vm))
      return code(Exit::ok);
    if (vm.count("dry-run") && vm.count("send")) {
      spdlog::error("digest: --dry-run and --send exclude each other");
      return code(Exit::usage);
    }
    std::vector<std::string> resend;
    if (vm.count("resend")) resend = vm["resend"].as<std::vector<std::string>>();
    if (!resend.empty() && !vm.count("send")) {
      spdlog::error("digest: --resend goes with --send");
      return code(Exit::usage);
    }
    return command_digest(cfg, vm["week"].as<std::string>(), vm.count("dry-run") > 0, vm.count("send") > 0, resend);
  }
  if (s.command == "subscribers") {
    po::options_description d("subscribers options");
    d.add_options()("action", po::value<std::string>(), "import, list, export or unsubscribe")(
        "arg", po::value<std::string>(), "the file (import) or the address (unsubscribe)")(
        "json", "list: print JSON")("csv", "export: CSV (the import format; the default)");
    po::positional_options_description pos;
    pos.add("action", 1).add("arg", 1);
    if (!parse_args("usage: pipeline [GLOBAL OPTIONS] subscribers import FILE | list [--json] | export --csv | "
                    "unsubscribe EMAIL\n\nThe newsletter's readers, as the state store keeps them "
                    "(docs/subscribers.md). import takes a subscribers CSV (email,name,status): an unsubscribe in the "
                    "file wins, importing twice changes nothing, and an unsubscribed or suppressed reader is never "
                    "subscribed again by an import. list shows every reader (--json: with their history); export "
                    "prints the import format; unsubscribe is the editor's hand.",
                    d, s.args, vm, &pos))
      return code(Exit::ok);
    const std::string action = vm.count("action") ? vm["action"].as<std::string>() : "";
    const std::string arg = vm.count("arg") ? vm["arg"].as<std::string>() : "";
    if (action == "import" && !arg.empty()) return command_subscribers_import(cfg, arg);
    if (action == "list" && arg.empty()) return command_subscribers_list(cfg, vm.count("json") > 0);
    if (action == "export" && arg.empty()) return command_subscribers_export(cfg);
    if (action == "unsubscribe" && !arg.empty()) return command_subscribers_unsubscribe(cfg, arg);
    spdlog::error("subscribers: say what to do: `pipeline subscribers import FILE | list [--json] | export --csv | "
                  "unsubscribe EMAIL`");
    return code(Exit::usage);
  }
  if (s.command == "bounces") {
    po::options_description d("bounces options");
    d.add_options()("maildir", po::value<std::string>(), "the Maildir (default: digest.bounce_maildir)");
    if (!parse_args("usage: pipeline [GLOBAL OPTIONS] bounces [--maildir DIR]\n\nReads the messages in the Maildir's "
                    "new/ folder: delivery status notifications (a hard bounce suppresses the reader, soft ones "
                    "count), complaints (suppress), mail to the unsubscribe address (unsubscribes). Each message read "
                    "moves to cur/; one that cannot be read stays, with its reason in `pipeline status` "
                    "(docs/bounces.md).",
                    d, s.args, vm))
      return code(Exit::ok);
    std::string dir = vm.count("maildir") ? vm["maildir"].as<std::string>() : cfg.digest.bounce_maildir.string();
    if (dir.empty()) {
      spdlog::error("bounces: name the Maildir: --maildir DIR, or digest.bounce_maildir");
      return code(Exit::usage);
    }
    return command_bounces(cfg, dir);
  }
  if (s.command == "serve") {
    po::options_description d("serve options");
    if (!parse_args("usage: pipeline [GLOBAL OPTIONS] serve\n\nServes POST /subscribe (double opt-in), GET /confirm "
                    "and GET/POST /unsubscribe (RFC 8058 one-click) on serve.listen, behind the site's web server, "
                    "until SIGTERM (docs/serve.md). Needs the digest secret.",
                    d, s.args, vm))
      return code(Exit::ok);
    return command_serve(cfg);
  }
  if (s.command == "eval-dedupe") {
    po::options_description d("eval-dedupe options");
    d.add_options()("file", po::value<std::string>(), "labelled pairs, one a line")(
        "mistakes", "list every pair the matcher gets wrong");
    po::positional_options_description pos;
    pos.add("file", 1);
    if (!parse_args("usage: pipeline [GLOBAL OPTIONS] eval-dedupe FILE [--mistakes]\n\nRuns the dedupe matcher on "
                    "labelled pairs (`COL title VAL ... COL manufacturer VAL ... <TAB> ... <TAB> 0|1`) and prints "
                    "precision, recall, F1 and the confusion counts, the summary line last.",
                    d, s.args, vm, &pos))
      return code(Exit::ok);
    if (!vm.count("file")) {
      spdlog::error("eval-dedupe: name the file of labelled pairs");
      return code(Exit::usage);
    }
    return command_eval_dedupe(vm["file"].as<std::string>(), vm.count("mistakes") > 0);
  }
  if (s.command == "eval-extract") {
    po::options_description d("eval-extract options");
    d.add_options()("dir", po::value<std::string>(), "the gold set: expected.tsv and its pages")(
        "mistakes", "list every field the extractor gets wrong, with the rule it used");
    po::positional_options_description pos;
    pos.add("dir", 1);
    if (!parse_args("usage: pipeline [GLOBAL OPTIONS] eval-extract DIR [--mistakes]\n\nNormalises every page "
                    "DIR/expected.tsv labels, as the nightly run would, and prints precision, recall and F1 per "
                    "field (name, vendor, license, price, sizes, category) and overall, the summary line last "
                    "(scoring: tests/extract/README.md). Exit 65 if a label line or a page cannot be read.",
                    d, s.args, vm, &pos))
      return code(Exit::ok);
    if (!vm.count("dir")) {
      spdlog::error("eval-extract: name the gold set's folder (e.g. tests/extract)");
      return code(Exit::usage);
    }
    return command_eval_extract(cfg, vm["dir"].as<std::string>(), vm.count("mistakes") > 0);
  }
  spdlog::error("unknown command '{}' (commands: run, status, export, digest, subscribers, bounces, serve, eval-dedupe, eval-extract; see pipeline --help)", s.command);
  return code(Exit::usage);
}

}  // namespace

int run_cli(int argc, char** argv) {
  init_terminal_logging();
  Split s;
  try {
    s = split(argc, argv);
  } catch (const po::error& e) {
    spdlog::error("{}", e.what());
    return code(Exit::usage);
  }
  if (s.version) {
    std::cout << "pipeline (tool-verdicts) 0.1.0\n";
    return code(Exit::ok);
  }
  if (s.help && s.command.empty()) {
    print_usage(std::cout);
    return code(Exit::ok);
  }
  if (s.command.empty()) {
    print_usage(std::cerr);
    return code(Exit::usage);
  }
  if (s.help) {
    Split h = s;
    h.args.push_back("--help");
    s = h;
  }
  try {
    return dispatch(s);
  } catch (const po::error& e) {
    spdlog::error("{}: {}", s.command, e.what());
    return code(Exit::usage);
  }
}

}  // namespace tv
