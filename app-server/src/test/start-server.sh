# Sourced by browser/run.sh and load/run-wrk.sh: starts the server jar on a free loopback port
# over the shared snapshot, waits until its lists are loaded, and sets $server (the PID, killed
# on exit) and $port. Needs $root, $shared and $work. The server runs through the launcher
# (`qtrust serve`), so what is measured runs with the JVM options users get; QTRUST_JAVA_OPTS
# replaces them, as for the launcher. Extra server flags from QTRUST_SERVER_ARGS (e.g. --revocation off).
jar="$root/app-server/target/qtrust-server.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -o -DskipTests -pl app-server -am package >&2)
log="$work/server.log"
# The launcher execs java: $! is the server's own PID.
"$root/qtrust" serve --port 0 --offline "$shared/trust-data/lotl-snapshot" \
  --oj-keystore "$shared/trust-data/oj-keystore/keystore.p12" --oj-password dss-password ${QTRUST_SERVER_ARGS:-} >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
port=""
for _ in $(seq 1 300); do
  port="$(sed -n 's#.*listening on http://127.0.0.1:\([0-9]*\)/.*#\1#p' "$log" | head -1)"
  if [ -n "$port" ] && curl -fs "http://127.0.0.1:$port/v1/trusted-lists" >/dev/null 2>&1; then
    break
  fi
  kill -0 "$server" 2>/dev/null || { echo "the server stopped:" >&2; cat "$log" >&2; exit 1; }
  sleep 1
done
curl -fs "http://127.0.0.1:$port/v1/trusted-lists" >/dev/null || { echo "the lists did not load in time (see $log)" >&2; exit 1; }
