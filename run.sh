#!/usr/bin/env bash
# Starts the whole incident platform on this machine: a Kafka broker, a file-backed MongoDB
# server and the four services. Needs only JDK 21 or newer. Ctrl-C or SIGTERM stops it cleanly.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/select-jdk.sh

# Build only when a jar is missing or a source is newer than the jars, so restarts are quick.
needs_build=false
for module in incident-service timeline-service report-service notification-service local-stack; do
  jar="$module/target/$module.jar"
  if [ ! -f "$jar" ] || [ -n "$(find pom.xml */pom.xml */src -newer "$jar" -print -quit 2>/dev/null)" ]; then
    needs_build=true
  fi
done
if $needs_build; then
  echo "Building the services (first run or changed sources)..."
  # Forced: a module whose own classes did not change (local-stack after an embedded-infrastructure
  # change) would otherwise keep its old jar, and the repackaged jar its old nested libraries.
  ./mvnw -q -B -DskipTests -Dmaven.jar.forceCreation=true package
fi

# Everything the stack writes (data, logs, the admin key) is readable by this user only, including
# the files the broker and the store create themselves.
umask 077
exec "$JAVA_HOME/bin/java" @local-stack/launcher.jvm-options -jar local-stack/target/local-stack.jar
