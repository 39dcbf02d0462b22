#!/usr/bin/env bash
# Builds inventory-core's test classes and runs its JMH benchmarks (short settings).
# Usage: inventory-core/bench.sh [extra JMH args, e.g. a benchmark regex]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl inventory-core -am test-compile
./mvnw -q -pl inventory-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="inventory-core/target/test-classes:inventory-core/target/classes:$(cat inventory-core/target/bench.classpath)"
exec java -Xmx2g -Djmh.ignoreLock=true -cp "$CP" org.openjdk.jmh.Main -f 1 -wi 2 -i 3 -w 1s -r 1s "${@:-dev.dropsync.inventory.bench}"
