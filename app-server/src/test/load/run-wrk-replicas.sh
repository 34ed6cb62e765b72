#!/usr/bin/env bash
# Load run for issue 17: wrk on loopback against two `serve --store` replicas that share one Redis
# (each measured on its own, no balancer in front) and against a single server on a file cache
# (`serve --cache DIR`), with the same question as run-wrk.sh (EC_DIGIT at 2019-10-01, revocation
# off). Everything stays on 127.0.0.1: the September 2019 snapshot is published by a loopback
# HTTP server, every list location is rewritten to it, a redis-server is started on a free port.
#
#   app-server/src/test/load/run-wrk-replicas.sh [DURATION=20s] [CONNECTIONS=16] [THREADS=2]   (WARMUP=60s)
#
# The store is filled by `qtrust lists refresh --store` and the cache by `qtrust lists refresh
# --cache`, both from the loopback publisher. The servers run through the launcher (`qtrust
# serve`, as start-server.sh: the JVM options users get; QTRUST_JAVA_OPTS replaces them). The
# three run side by side; each is warmed up, then measured while the others idle. On a busy machine absolute req/s are unreliable: the
# comparable number is the server's CPU time per request (from /proc/PID/stat).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
shared="${QTRUST_SHARED:-$root/../shared}"
duration="${1:-20s}"; connections="${2:-16}"; threads="${3:-2}"; warmup="${WARMUP:-60s}"
work="$root/app-server/target/load-replicas"
rm -rf "$work"; mkdir -p "$work"
need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk || ! need redis-server; then
  apt-get update -qq && apt-get install -y -qq wrk redis-server >/dev/null
fi
jar="$root/app-server/target/qtrust-server.jar"
cli="$root/app-cli/target/qtrust.jar"
if [ ! -f "$jar" ] || [ ! -f "$cli" ]; then
  (cd "$root" && mvn -B -q -o -DskipTests -DskipCdsArchive -pl app-server,app-cli -am package >&2)
fi

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# The 2019 snapshot on loopback, and a rewrite of every location the LOTL names to it (anything
# else goes to a 404 on the same server: nothing leaves the machine).
publisher_port="$(free_port)"
python3 -m http.server "$publisher_port" --bind 127.0.0.1 --directory "$shared/trust-data/lotl-snapshot" \
  >"$work/publisher.log" 2>&1 &
pids+=("$!")
base="http://127.0.0.1:$publisher_port/"
mapfile -t rewrites < <(python3 - "$shared/trust-data/lotl-snapshot/EU.xml" "$base" <<'PY'
import re, sys
lotl, base = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2]
rules = ["https://ec.europa.eu/tools/lotl/eu-lotl.xml=" + base + "EU.xml"]
for pointer in re.findall(r"<(?:\w+:)?OtherTSLPointer>(.*?)</(?:\w+:)?OtherTSLPointer>", lotl, re.S):
    location = re.search(r"<(?:\w+:)?TSLLocation>\s*(.*?)\s*</", pointer, re.S)
    territory = re.search(r"<(?:\w+:)?SchemeTerritory>\s*(.*?)\s*</", pointer, re.S)
    mime = re.search(r"<(?:\w+:)?MimeType>\s*(.*?)\s*</", pointer, re.S)
    if location and territory and territory.group(1) != "EU" and (mime is None or "xml" in mime.group(1)):
        rules.append(location.group(1) + "=" + base + territory.group(1) + ".xml")
rules += ["http://=" + base + "unmapped/", "https://=" + base + "unmapped/"]
for rule in rules:
    print("--rewrite")
    print(rule)
PY
)
oj=(--oj-keystore "$shared/trust-data/oj-keystore/keystore.p12" --oj-password dss-password)

redis_port="$(free_port)"
redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$work" --daemonize no \
  --protected-mode yes --loglevel warning >"$work/redis.log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$redis_port" && printf 'PING\r\n' >&3 && read -r -t 1 line <&3 && [[ "$line" == +PONG* ]]) 2>/dev/null; then
    break
  fi
  sleep 0.1
done
store="redis://127.0.0.1:$redis_port/0"

echo "filling the store ($store) and the file cache from the loopback publisher…"
"$root/qtrust" lists refresh --store "$store" --at 2019-10-01T00:00:00Z --allow-loopback-http "${oj[@]}" "${rewrites[@]}" \
  --json >"$work/refresh-store.json" 2>"$work/refresh-store.err"
"$root/qtrust" lists refresh --cache "$work/cache" --at 2019-10-01T00:00:00Z --allow-loopback-http "${oj[@]}" "${rewrites[@]}" \
  --json >"$work/refresh-cache.json" 2>"$work/refresh-cache.err"
snapshot="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["snapshot"])' "$work/refresh-store.json")"
echo "store snapshot $snapshot"

# start_server NAME ARGS…: the server jar on a free port; sets NAME_pid and NAME_port once its lists answer.
start_server() {
  local name="$1"; shift
  # The launcher execs java: $! is the server's own PID.
  "$root/qtrust" serve --port 0 --revocation off --allow-loopback-http "${oj[@]}" "${rewrites[@]}" "$@" \
    >"$work/$name.log" 2>&1 &
  local pid=$! port=""
  pids+=("$pid")
  for _ in $(seq 1 300); do
    port="$(sed -n 's#.*listening on http://127.0.0.1:\([0-9]*\)/.*#\1#p' "$work/$name.log" | head -1)"
    if [ -n "$port" ] && curl -fs "http://127.0.0.1:$port/v1/trusted-lists" >/dev/null 2>&1; then
      break
    fi
    kill -0 "$pid" 2>/dev/null || { echo "$name stopped:" >&2; cat "$work/$name.log" >&2; exit 1; }
    sleep 1
  done
  curl -fs "http://127.0.0.1:$port/v1/trusted-lists" >/dev/null || { echo "$name: lists not loaded in time (see $work/$name.log)" >&2; exit 1; }
  printf -v "${name}_pid" '%s' "$pid"
  printf -v "${name}_port" '%s' "$port"
}
start_server replica_a --store "$store"
start_server replica_b --store "$store"
start_server single --cache "$work/cache"
for name in replica_a replica_b; do
  port_var="${name}_port"
  served="$(curl -fs "http://127.0.0.1:${!port_var}/v1/trusted-lists" | python3 -c 'import json, sys; print(json.load(sys.stdin).get("snapshot"))')"
  [ "$served" = "$snapshot" ] || { echo "$name answers from snapshot $served, not $snapshot" >&2; exit 1; }
done
echo "both replicas answer from snapshot $snapshot; the single server from $work/cache"

python3 - "$shared/trust-data/certs/435504bfd802-EC-DIGIT.pem" >"$work/question.json" <<'PY'
import json, sys
print(json.dumps({"certificate": open(sys.argv[1]).read(), "at": "2019-10-01T00:00:00Z"}))
PY
lua="$root/app-server/src/test/load/post-certificate.lua"
ticks="$(getconf CLK_TCK)"
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
results=()
measure() {
  local name="$1" pid="$2" port="$3"
  local url="http://127.0.0.1:$port/v1/certificates/verify"
  curl -fs -H 'Content-Type: application/json' --data @"$work/question.json" "$url" | grep -q '"trusted":true' \
    || { echo "$name does not answer the question trusted; not measuring" >&2; exit 1; }
  echo "== $name (port $port): warm-up ($warmup)…"
  QTRUST_BODY="$work/question.json" wrk -t"$threads" -c"$connections" -d"$warmup" -s "$lua" "$url" >/dev/null
  echo "machine before the run: $(uptime)"
  local before after
  before="$(cpu "$pid")"
  QTRUST_BODY="$work/question.json" wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$lua" "$url" \
    | tee "$work/wrk-$name.txt"
  after="$(cpu "$pid")"
  local requests rate p99
  requests="$(awk '/requests in/ {print $1}' "$work/wrk-$name.txt")"
  rate="$(awk '/Requests\/sec/ {print $2}' "$work/wrk-$name.txt")"
  p99="$(awk '$1 == "99%" {print $2}' "$work/wrk-$name.txt")"
  local us
  us="$(awk -v b="$before" -v a="$after" -v n="$requests" -v t="$ticks" 'BEGIN { printf "%.0f", (a - b) / t / n * 1e6 }')"
  results+=("$name $rate $p99 $us")
}
measure single "$single_pid" "$single_port"
measure replica_a "$replica_a_pid" "$replica_a_port"
measure replica_b "$replica_b_pid" "$replica_b_port"

echo
echo "server                 req/s      p99   CPU us/request   vs single (req/s, CPU us/request)"
read -r _ single_rate _ single_us <<<"${results[0]}"
for result in "${results[@]}"; do
  read -r name rate p99 us <<<"$result"
  awk -v n="$name" -v r="$rate" -v p="$p99" -v u="$us" -v sr="$single_rate" -v su="$single_us" 'BEGIN {
    printf "%-18s %9.0f %8s %16.0f   %+.1f %%, %+.1f %%%s\n", n, r, p, u, (r / sr - 1) * 100, (u / su - 1) * 100,
      (n == "single" ? "" : ((r >= 0.9 * sr && u <= 1.1 * su) ? "   within 10 %" : "   NOT within 10 %")) }'
done
echo "machine after the runs: $(uptime)"
for name in replica_a replica_b; do
  port_var="${name}_port"
  code="$(curl -s -o "$work/ready-$name.json" -w '%{http_code}' "http://127.0.0.1:${!port_var}/ready")"
  echo "$name /ready: HTTP $code, $(python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print("store", d.get("store", {}).get("state"), "snapshot", d.get("snapshot"))' "$work/ready-$name.json")"
done
