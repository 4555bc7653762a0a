#!/usr/bin/env bash
# Installs the npm-distributed tools the tests use (tools/package.json, pinned by
# tools/package-lock.json) into a folder outside git, and prints where vnu.jar is (the other
# packages sit beside vnu-jar in the same node_modules folder).
#
#   scripts/install-node-tools.sh [DEST]      DEST defaults to ${BUILD:-build}/node-tools
#                                             (relative to the repository root)
#
# Two packages:
# - vnu-jar, the Nu Html Checker (tests/site/validate.sh): a 32 MB jar shipped inside the npm
#   tarball; Java comes from Debian (default-jre-headless, in scripts/install-deps.sh). Its
#   postinstall script would download a JRE from GitHub when it finds no Java;
# - playwright-core, Playwright's driver without browsers (tests/site/signup_form.mjs, for
#   tests/e2e/serve_browser.sh): it drives Debian's /usr/bin/chromium. Only the `playwright`
#   package (not installed) downloads browsers.
# We never want a download (no network but the registries), so npm runs with --ignore-scripts.
#
# Idempotent and quiet: it records the sha256 of package.json + package-lock.json in
# DEST/.installed.sha256 and does nothing when they match and both packages are there. The
# only output on success is the jar's absolute path on stdout (so `jar=$(scripts/...)` works);
# npm's own output goes to DEST/npm.log and is shown only on failure. Concurrent callers
# (two ctest jobs) serialise on a lock file in DEST.
# Exit status: 0 installed or already there; 1 npm missing or `npm ci` failed.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:-${BUILD:-build}/node-tools}
case $dest in /*) ;; *) dest=$root/$dest ;; esac
src=$root/tools
jar=$dest/node_modules/vnu-jar/build/dist/vnu.jar
playwright=$dest/node_modules/playwright-core/package.json

mkdir -p "$dest"
want=$(cat "$src/package.json" "$src/package-lock.json" | sha256sum | cut -d' ' -f1)

installed() {
  [ -f "$jar" ] && [ -f "$playwright" ] && [ -f "$dest/.installed.sha256" ] &&
    [ "$(cat "$dest/.installed.sha256")" = "$want" ]
}

if ! installed; then
  exec 9>"$dest/.install.lock"
  flock 9
  if ! installed; then  # another caller may have installed it while we waited
    if ! command -v npm >/dev/null; then
      echo "install-node-tools: npm is not installed; run scripts/install-deps.sh first" >&2
      exit 1
    fi
    rm -f "$dest/.installed.sha256"
    cp "$src/package.json" "$src/package-lock.json" "$dest/"
    if ! (cd "$dest" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error \
            >npm.log 2>&1); then
      echo "install-node-tools: 'npm ci' in $dest failed:" >&2
      cat "$dest/npm.log" >&2
      exit 1
    fi
    for f in "$jar" "$playwright"; do
      if [ ! -f "$f" ]; then
        echo "install-node-tools: npm ci succeeded but $f is missing" >&2
        exit 1
      fi
    done
    echo "$want" >"$dest/.installed.sha256"
  fi
fi
echo "$jar"
