// `pipeline serve` (docs/serve.md): the HTTP server behind the site's sign-up form, the
// confirmation link and the one-click unsubscribe. Runs until SIGTERM or SIGINT, then stops
// accepting, lets the requests in flight finish and exits 0.
#include <signal.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <thread>

#include "pipeline/commands.hpp"
#include "pipeline/digest_step.hpp"
#include "pipeline/exit_codes.hpp"
#include "pipeline/logging.hpp"
#include "pipeline/serve/app.hpp"
#include "pipeline/serve/http_server.hpp"
#include "pipeline/serve/mailer.hpp"
#include "pipeline/serve/writer.hpp"

namespace tv {

int command_serve(const Config& cfg) {
  std::optional<Secrets> secrets;
  std::optional<site::Templates> templates;
  std::optional<digest::DkimSigner> dkim;
  try {
    secrets = load_secrets(cfg);
    dkim = load_dkim(cfg);
    templates = site::Templates::load(cfg.paths.templates, {"notice"});
  } catch (const ConfigError& e) {
    spdlog::error("configuration error: {}", e.what());
    return code(Exit::config);
  } catch (const site::TemplateError& e) {
    spdlog::error("{}", e.what());
    return code(Exit::config);
  }
  // SIGTERM and SIGINT are taken by one thread that stops the server; every other thread,
  // started after this, inherits the mask and never sees them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  try {
    add_json_log_file(cfg.paths.state / cfg.log.file, "serve-" + new_run_id(), cfg.log.level);
    Store::open(state_db(cfg));  // creates or migrates the schema before the threads open theirs

    serve::MailerSettings ms;
    ms.from_email = cfg.smtp.from;
    ms.from_name = cfg.digest.list_name;
    ms.bounce_address = cfg.smtp.bounce_address;
    ms.base_url = cfg.site.base_url;
    ms.list_id = cfg.digest.list_id;
    ms.secret = secrets->digest_secret;
    ms.confirm_days = cfg.serve.confirm_days;
    ms.dkim = dkim ? &*dkim : nullptr;
    serve::Mailer mailer(state_db(cfg), ms, std::make_unique<digest::Session>(smtp_options(cfg, *secrets)));
    serve::Writer writer(state_db(cfg), [&mailer] { mailer.wake(); });

    serve::AppSettings as;
    as.site_title = cfg.site.title;
    as.base_url = cfg.site.base_url;
    as.list_id = cfg.digest.list_id;
    as.secret = secrets->digest_secret;
    as.confirm_days = cfg.serve.confirm_days;
    as.signups_per_client_per_hour = cfg.serve.signups_per_client_per_hour;
    as.confirmations_per_address_per_day = cfg.serve.confirmations_per_address_per_day;
    serve::App app(as, *templates, writer);
    // The writer answers its last jobs through the app's pages: it stops before the app goes.
    struct StopWriterFirst {
      serve::Writer& writer;
      ~StopWriterFirst() { writer.stop(); }
    } stop_writer_first{writer};

    serve::Limits limits;
    limits.max_body_bytes = std::size_t(cfg.serve.max_body_bytes);
    limits.max_connections = std::size_t(cfg.serve.max_connections);
    limits.read_timeout = std::chrono::milliseconds(cfg.serve.read_timeout_ms);
    serve::Server server(cfg.serve.listen, limits, app, 2);

    // The thread that waits for the signal; joined however run() ends (a signal sent to it
    // wakes its sigwait when run() ended some other way).
    struct Stopper {
      std::thread thread;
      ~Stopper() {
        pthread_kill(thread.native_handle(), SIGTERM);
        thread.join();
      }
    } stopper{std::thread([&] {
      int sig = 0;
      sigwait(&stop_signals, &sig);
      spdlog::info("serve: signal {}: stopping", sig);
      server.stop();
    })};
    std::printf("Serving on port %u (serve.listen = %s); stop with SIGTERM.\n", unsigned(server.port()),
                cfg.serve.listen.c_str());
    std::fflush(stdout);
    spdlog::info("serve: listening on {} (port {})", cfg.serve.listen, server.port());
    server.run();
    spdlog::info("serve: stopped after {} commit(s)", writer.batches());
    return code(Exit::ok);
  } catch (const std::exception& e) {
    spdlog::error("serve failed: {}", e.what());
    return code(Exit::run_failed);
  }
}

}  // namespace tv
