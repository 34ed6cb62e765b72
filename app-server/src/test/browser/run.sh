#!/usr/bin/env bash
# Browser test of the QTrust server page: headless Chromium (Debian's package) driven by
# playwright-core (npm, no browser download) opens the page, judges the lists at 2019-10-01,
# drills into a territory, verifies a certificate and a credential through the forms, and
# takes a screenshot. Installs what it needs; skips (exit 0, with a message) only when
# Chromium cannot be installed.
#
#   app-server/src/test/browser/run.sh            screenshot in app-server/target/browser-test/
#   SCREENSHOT=docs/server-browser.png app-server/src/test/browser/run.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
work="$root/app-server/target/browser-test"
shared="${QTRUST_SHARED:-$root/../shared}"
screenshot="${SCREENSHOT:-$work/page.png}"
case "$screenshot" in /*) ;; *) screenshot="$root/$screenshot" ;; esac
mkdir -p "$work"

install() {
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq "$@"; } >"$work/apt.log" 2>&1
}
if ! command -v chromium >/dev/null 2>&1; then
  echo "browser test: installing chromium…" >&2
  if ! install chromium || ! command -v chromium >/dev/null 2>&1; then
    echo "browser test: SKIPPED — chromium cannot be installed on this machine (see $work/apt.log)"
    exit 0
  fi
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  install nodejs npm || { echo "browser test: node/npm cannot be installed (see $work/apt.log)" >&2; exit 1; }
fi
if [ ! -d "$work/node_modules/playwright-core" ]; then
  (cd "$work" && npm install --silent --no-audit --no-fund --no-save playwright-core@1.49.1 >&2)
fi
# A list of trusted entities for the page: the sandbox's EU PID providers list, built here (no network).
cli="$root/app-cli/target/qtrust.jar"
[ -f "$cli" ] || (cd "$root" && mvn -B -q -o -DskipTests -pl app-cli -am package >&2)
sandbox="$work/sandbox"
rm -rf "$sandbox"
java -jar "$cli" sandbox init "$sandbox" >"$work/sandbox.log" 2>&1 || { echo "sandbox init failed (see $work/sandbox.log)" >&2; exit 1; }
# Revocation off: the shared 2019 certificates name OCSP responders on the Internet.
QTRUST_SERVER_ARGS="--revocation off --lote $sandbox/lote/pid-providers.json --lote-anchor $sandbox/anchors/lote-signer.pem"
. "$root/app-server/src/test/start-server.sh"

NODE_PATH="$work/node_modules" node "$root/app-server/src/test/browser/page-test.js" \
  "http://127.0.0.1:$port" "$(command -v chromium)" "$shared/trust-data/certs/435504bfd802-EC-DIGIT.pem" "$screenshot"
