#!/usr/bin/env bash
# Installs the Debian packages the project needs, when any is missing. Quiet when nothing is.
# Needs root (or password-less sudo) only when something must be installed.
set -euo pipefail

packages=(
  cmake g++ make pkg-config
  libboost-program-options-dev libboost-filesystem-dev libboost-test-dev
  libpugixml-dev libgumbo-dev libcurl4-openssl-dev libssl-dev libkainjow-mustache-dev
  libspdlog-dev libsqlite3-dev nlohmann-json3-dev libutf8proc-dev libopendkim-dev
  sqlite3 python3
  # The site checks and the site bench: headless Chromium (tests/site/screenshot.sh) with
  # fonts so screenshots have glyphs, Java for the Nu Html Checker (tests/site/validate.sh;
  # the checker itself comes from npm: scripts/install-node-tools.sh), Hugo for
  # bench/run_site.sh.
  chromium fonts-dejavu-core default-jre-headless hugo
  # The digest tests: a real SMTP server on loopback (tests/digest/smtp_server.py) and the
  # self-signed certificate it offers STARTTLS with.
  python3-aiosmtpd openssl
  # The newsletter's loop with readers: a real verifier of the digest's DKIM signature
  # (tests/digest/dkim_verify.py), curl and nginx in front of `pipeline serve`
  # (tests/e2e/serve.sh, serve_browser.sh, with examples/nginx-site.conf).
  python3-dkim curl nginx
  # Real DSNs for the bounce test (tests/e2e/bounces.sh runs a private Postfix on loopback, its
  # own config and queue; the system one is left unconfigured, see below). Also ships
  # smtp-sink and smtp-source for bench/run_digest.sh.
  postfix
)
# --bench: also what the benchmarks compare against: wrk (bench/serve.sh, beside nginx), and
# perf for its --profile.
if [ "${1:-}" = "--bench" ]; then
  packages+=(wrk linux-perf)
fi
# --fuzz: clang, for libFuzzer (fuzz/run.sh).
if [ "${1:-}" = "--fuzz" ]; then
  packages+=(clang libclang-rt-dev)
fi
# npm (for scripts/install-node-tools.sh) from Debian only when there is none on PATH: a
# machine with NodeSource's nodejs already has npm, and Debian's npm conflicts with it.
command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: missing Debian packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "install-deps: cannot install them: not root and no password-less sudo." >&2
  echo "install-deps: run as root:  apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# Postfix installs a system mail server; the tests run their own instance, so the system one
# is left unconfigured ("No configuration": no main.cf, nothing started, nothing listening).
echo "postfix postfix/main_mailer_type select No configuration" | "${sudo[@]}" debconf-set-selections 2>/dev/null || true
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
