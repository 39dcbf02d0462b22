#!/usr/bin/env bash
# Builds cj-client's test classes and runs its JMH benchmarks with short settings.
# Usage: cj-client/bench.sh [extra JMH args]   (run from the repository root or anywhere)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
./mvnw -q -pl cj-client -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
cp="cj-client/target/test-classes:cj-client/target/classes:$(cat cj-client/target/bench.cp)"
exec java -cp "$cp" org.openjdk.jmh.Main 'dev.dropsync.cj.bench.ClientBench' -f 1 -wi 3 -i 5 -w 1s -r 1s "$@"
