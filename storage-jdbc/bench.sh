#!/usr/bin/env bash
# Builds storage-jdbc's test classes and runs its benchmark harness (dev.dropsync.storage.jdbc.bench.StorageBench)
# against an embedded PostgreSQL it starts itself (zonky; nothing to install).
# Usage: storage-jdbc/bench.sh [tasks=100000] [workers=4] [batch=100] [seconds=10] [durable=false]
# Extra Maven arguments (e.g. -o or -Dmaven.repo.local=...) go in MVN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."
MVN_ARGS="${MVN_ARGS:-}"
# shellcheck disable=SC2086
./mvnw -B -q $MVN_ARGS -pl storage-jdbc -am -DskipTests install
# shellcheck disable=SC2086
./mvnw -B -q $MVN_ARGS -pl storage-jdbc dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="storage-jdbc/target/test-classes:storage-jdbc/target/classes:$(cat storage-jdbc/target/bench.classpath)"
echo "load average before: $(uptime)"
java -Xmx1g -cp "$CP" dev.dropsync.storage.jdbc.bench.StorageBench "$@"
echo "load average after: $(uptime)"
