#!/usr/bin/env bash
# Load run: wrk on loopback against POST /v1/certificates/verify with a real certificate
# (EC_DIGIT, chained to a granted Belgian CA/QC) at a fixed validation time, after a warm-up.
# The server runs with --revocation off (the issue's load target is with revocation off; eu-eidas
# would otherwise prefer an OCSP/CRL check over the network).
#
#   app-server/src/test/load/run-wrk.sh [DURATION=20s] [CONNECTIONS=16] [THREADS=2]   (WARMUP=60s)
#   SLOW_CLIENTS=100 app-server/src/test/load/run-wrk.sh …   the same while 100 connections trickle bodies
#                                                            (slow-clients.py: one byte per second, reconnecting after each 408)
#   HANGING_RESPONDER=20 app-server/src/test/load/run-wrk.sh …   the same while 20 clients ask about a certificate whose
#                                                            OCSP responder and CRL hang (hanging-responder.py: headers, then
#                                                            one byte per second); combine with SLOW_CLIENTS=100. The server
#                                                            then runs with --revocation prefer, its OCSP and CRL URLs rewritten
#                                                            to the responder; the measured question lowers revocation to off.
#
# The warm-up matters: on a busy machine the JIT needs a minute of traffic before the server
# reaches its steady state.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
shared="${QTRUST_SHARED:-$root/../shared}"
duration="${1:-20s}"; connections="${2:-16}"; threads="${3:-2}"
work="$root/app-server/target/load"
mkdir -p "$work"
command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

python3 - "$shared/trust-data/certs/435504bfd802-EC-DIGIT.pem" >"$work/question.json" <<'PY'
import json, sys
print(json.dumps({"certificate": open(sys.argv[1]).read(), "at": "2019-10-01T00:00:00Z"}))
PY

QTRUST_SERVER_ARGS="--revocation off"
if [ -n "${HANGING_RESPONDER:-}" ]; then
  # The attackers' question (no revocation field: the server's prefer) and the measured one (revocation off).
  cp "$work/question.json" "$work/behind-hanging.json"
  python3 - "$work/question.json" <<'PY'
import json, sys
q = json.load(open(sys.argv[1])); q["revocation"] = "off"; json.dump(q, open(sys.argv[1], "w"))
PY
  rm -f "$work/hanging.port"
  python3 "$root/app-server/src/test/load/hanging-responder.py" serve "$work/hanging.port" &
  hanging=$!
  for _ in $(seq 1 50); do [ -s "$work/hanging.port" ] && break; sleep 0.1; done
  hport="$(cat "$work/hanging.port")"
  # EC_DIGIT's OCSP responder and CRL (QuoVadis) lead to the hanging responder, on loopback.
  QTRUST_SERVER_ARGS="--revocation prefer --allow-loopback-http --rewrite http://uw.ocsp.quovadisglobal.com=http://127.0.0.1:$hport/ocsp --rewrite http://crl.quovadisglobal.com/=http://127.0.0.1:$hport/crl/"
fi
. "$root/app-server/src/test/start-server.sh"
url="http://127.0.0.1:$port/v1/certificates/verify"
curl -fs -H 'Content-Type: application/json' --data @"$work/question.json" "$url" | grep -q '"trusted":true' \
  || { echo "the question is not answered trusted; not measuring" >&2; exit 1; }

attackers=()
if [ -n "${HANGING_RESPONDER:-}" ]; then
  attackers+=("$hanging")
  python3 "$root/app-server/src/test/load/hanging-responder.py" ask "$port" "$HANGING_RESPONDER" "$work/behind-hanging.json" \
    >"$work/hanging-responder.log" 2>&1 &
  attackers+=("$!")
  trap 'kill "${attackers[@]}" "$server" 2>/dev/null || true' EXIT
  echo "$HANGING_RESPONDER clients behind a hanging OCSP responder and CRL (port $hport)"
fi
if [ -n "${SLOW_CLIENTS:-}" ]; then
  python3 "$root/app-server/src/test/load/slow-clients.py" "$port" "$SLOW_CLIENTS" >"$work/slow-clients.log" 2>&1 &
  attackers+=("$!")
  trap 'kill "${attackers[@]}" "$server" 2>/dev/null || true' EXIT
  echo "$SLOW_CLIENTS slow clients trickling bodies"
fi
warmup="${WARMUP:-60s}"
echo "warm-up ($warmup)…"
QTRUST_BODY="$work/question.json" wrk -t"$threads" -c"$connections" -d"$warmup" -s "$root/app-server/src/test/load/post-certificate.lua" "$url" >/dev/null
echo "machine before the run: $(uptime)"
vmstat 5 > "$work/vmstat.log" &
vm=$!
# utime, stime (clock ticks) and minor page faults of the server process
cpu() { awk '{print $14, $15, $10}' "/proc/$server/stat"; }
before="$(cpu)"
QTRUST_BODY="$work/question.json" wrk -t"$threads" -c"$connections" -d"$duration" --latency \
  -s "$root/app-server/src/test/load/post-certificate.lua" "$url" | tee "$work/wrk.txt"
after="$(cpu)"
kill "$vm" 2>/dev/null || true
requests="$(awk '/requests in/ {print $1}' "$work/wrk.txt")"
ticks="$(getconf CLK_TCK)"
awk -v b="$before" -v a="$after" -v n="$requests" -v t="$ticks" -v cores="$(nproc)" 'BEGIN {
  split(b, b0, " "); split(a, a0, " ");
  user = a0[1] - b0[1]; sys = a0[2] - b0[2]; us = (user + sys) / t / n * 1e6;
  printf "server CPU: %.1f s for %d requests = %.0f us per request (user %.0f, system %.0f; %.2f minor page faults per request) (at most %.0f req/s on %d idle cores for the server alone)\n",
    (user + sys) / t, n, us, user / t / n * 1e6, sys / t / n * 1e6, (a0[3] - b0[3]) / n, cores * 1e6 / us, cores }'
echo "machine after the run: $(uptime)"
echo "CPU during the run (vmstat, 5 s samples: us sy id):"
awk 'NR>2 {print "  " $13, $14, $15}' "$work/vmstat.log"
curl -fs "http://127.0.0.1:$port/metrics" | grep -E 'qtrust_http_requests_total\{endpoint="certificates_verify"' || true
if [ -n "${HANGING_RESPONDER:-}" ]; then
  tail -1 "$work/hanging-responder.log" || true
  echo "one question behind the hanging responder: $(curl -s -o "$work/behind-hanging.out" -w '%{http_code} in %{time_total} s' \
    -H 'Content-Type: application/json' --data @"$work/behind-hanging.json" "$url") \
($(grep -o '"code":"[a-z_]*"' "$work/behind-hanging.out" | head -1); $(grep -o 'out of budget\|not asked again' "$work/behind-hanging.out" | head -1))"
fi
if [ -n "${SLOW_CLIENTS:-}" ]; then
  tail -1 "$work/slow-clients.log"
fi
if [ -n "${SLOW_CLIENTS:-}${HANGING_RESPONDER:-}" ]; then
  echo "/health during the attack: $(curl -s -o /dev/null -w '%{http_code} in %{time_total} s' "http://127.0.0.1:$port/health")"
fi
