#!/usr/bin/env bash
# Builds the test classes and runs the analytics/forecast benchmark harness
# (dev.dropsync.inventory.analytics.bench.AnalyticsBench). Args: [warm-up iterations] [measured iterations].
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl inventory-core test-compile
CP="$(./mvnw -B -q -pl inventory-core dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
exec java -Xms1g -Xmx1g -cp "inventory-core/target/test-classes:inventory-core/target/classes:${CP}" \
  dev.dropsync.inventory.analytics.bench.AnalyticsBench "$@"
