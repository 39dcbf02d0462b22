#!/usr/bin/env bash
# Builds fulfillment-core's test classes and runs its JMH benchmarks (short settings).
# Usage: fulfillment-core/bench.sh [extra JMH args, e.g. -t 2]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl fulfillment-core -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
CP="fulfillment-core/target/test-classes:fulfillment-core/target/classes:$(cat fulfillment-core/target/bench.cp)"
java -Djmh.ignoreLock=true -cp "$CP" org.openjdk.jmh.Main 'dev.dropsync.fulfillment.bench.*' -f 1 -wi 2 -i 3 -w 1s -r 1s "$@"
# CPU time per order (independent of how busy the shared machine is)
java -cp "$CP" dev.dropsync.fulfillment.bench.CpuTimePerOrder
