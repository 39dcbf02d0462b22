#!/usr/bin/env bash
# Full-sync benchmark of the CJ catalogue adapter: starts the standalone CJ simulator (its own JVM,
# real HTTP, QPS enforced on real time), then runs dev.dropsync.cj.supplier.bench.SyncBenchmark
# against it with the real client: our sync vs the seed-style batch-and-sleep loop.
# Usage: cj-supplier/bench.sh [--products 2000] [--qps 20] [--concurrency 8] [--seed 1]
# Extra Maven flags (e.g. -Dmaven.repo.local=...) can be passed in MVN_ARGS.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
products=2000; qps=20; seed=1; rest=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --products) products="$2"; shift 2 ;;
    --qps) qps="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    *) rest+=("$1"); shift ;;
  esac
done
# the standalone simulator jar, then cj-supplier's test classes with the reactor's own classes on the path
# shellcheck disable=SC2086
./mvnw -q ${MVN_ARGS:-} -pl cj-testkit -am -DskipTests package
# shellcheck disable=SC2086
./mvnw -q ${MVN_ARGS:-} -pl cj-supplier -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
cp="cj-supplier/target/test-classes:cj-supplier/target/classes:$(cat cj-supplier/target/bench.cp)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
log="$(mktemp)"
java -Xmx1g -jar cj-testkit/target/dropsync-cj-testkit.jar --port "$port" --products "$products" \
  --qps "$qps" --seed "$seed" --points 50000 >"$log" 2>&1 &
sim=$!
trap 'kill "$sim" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 300); do
  grep -q '^API key:' "$log" && break
  kill -0 "$sim" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.2
done
base_url=$(sed -n 's/^base URL: //p' "$log")
api_key=$(sed -n 's/^API key:  //p' "$log")
echo "uptime: $(uptime)"
java -Xmx1g -cp "$cp" dev.dropsync.cj.supplier.bench.SyncBenchmark --products "$products" --qps "$qps" \
  --seed "$seed" --base-url "$base_url" --api-key "$api_key" "${rest[@]}"
echo "uptime: $(uptime)"
