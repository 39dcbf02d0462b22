#!/usr/bin/env bash
# Builds scheduler-core's test classes and runs its JMH benchmarks (short settings).
# Usage: scheduler-core/bench.sh [extra JMH args, e.g. a benchmark regex]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl scheduler-core test-compile
./mvnw -B -q -pl scheduler-core dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="scheduler-core/target/test-classes:scheduler-core/target/classes:$(cat scheduler-core/target/bench.classpath)"
java -cp "$CP" org.openjdk.jmh.Main -f 1 -wi 2 -i 3 -w 1s -r 1s "${@:-dev.dropsync.scheduler.bench}"
