#!/usr/bin/env bash
# Runs one benchmark scenario (or all) against the platform and Alertmanager side by side and
# appends the results to benchmarks/results/runs.md. See docs/benchmarks.md.
#   benchmarks/run.sh intake|sustained|burst|rebuild|all [--runs 3] [--duration 60s] ... [--smoke]
# Needs Debian's prometheus-alertmanager. Run it on a quiet machine: anything else running skews it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/select-jdk.sh

needs_build=false
for module in incident-service timeline-service report-service notification-service local-stack benchmarks; do
  jar="$module/target/$module.jar"
  if [ ! -f "$jar" ] || [ -n "$(find pom.xml */pom.xml */src -newer "$jar" -print -quit 2>/dev/null)" ]; then
    needs_build=true
  fi
done
if $needs_build; then
  echo "Building the services and the harness..."
  # Forced: a module whose own classes did not change (local-stack after an embedded-infrastructure
  # change) would otherwise keep its old jar, and the repackaged jar its old nested libraries.
  ./mvnw -q -B -DskipTests -Dmaven.jar.forceCreation=true package
fi

exec "$JAVA_HOME/bin/java" -Xmx2g -jar benchmarks/target/benchmarks.jar "$@"
