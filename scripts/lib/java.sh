# Sourced: sets WHARF_JAVA to a java binary of version 25 or later (JAVA_HOME first, then /usr/lib/jvm).
wharf_java_version() { "$1" -XX:+IgnoreUnrecognizedVMOptions -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1; }

wharf_find_java() {
  local candidate
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" /usr/lib/jvm/temurin-25*/bin/java /usr/lib/jvm/*-25*/bin/java \
                   /usr/lib/jvm/*/bin/java "$(command -v java 2>/dev/null)"; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    if [ "$(wharf_java_version "$candidate")" -ge 25 ] 2>/dev/null; then
      WHARF_JAVA=$candidate
      return 0
    fi
  done
  echo "wharf: no Java 25 found (set JAVA_HOME or install a JDK 25 under /usr/lib/jvm)" >&2
  return 1
}
