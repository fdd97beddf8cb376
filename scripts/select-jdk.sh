# Sourced by run.sh and .ci/run: makes JAVA_HOME point at a JDK 21 or newer.
# Keeps a suitable JAVA_HOME; otherwise uses `java` on the PATH if it is new enough; otherwise
# picks the newest JDK under /usr/lib/jvm (Debian's layout).

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

jdk_ok() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(java_major "$1/bin/java")" -ge 21 ] 2>/dev/null
}

if [ -n "${JAVA_HOME:-}" ] && jdk_ok "$JAVA_HOME"; then
  :
elif command -v javac >/dev/null 2>&1 && jdk_ok "$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
else
  best=""; best_major=0
  for candidate in /usr/lib/jvm/*; do
    if jdk_ok "$candidate"; then
      major="$(java_major "$candidate/bin/java")"
      if [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major="$major"; fi
    fi
  done
  if [ -z "$best" ]; then
    echo "This project needs JDK 21 or newer. Install one and set JAVA_HOME to it." >&2
    exit 1
  fi
  JAVA_HOME="$best"
fi
export JAVA_HOME
