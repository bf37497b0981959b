#!/usr/bin/env bash
# Sets up a fresh Debian machine (as root): installs what is missing, builds Wharf, installs wharf and
# wharfd on the PATH, starts wharfd, and runs a demo container from the built-in busybox image.
# Safe to run again: each step is skipped when already done.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/scripts/lib/prereqs.sh"
. "$here/scripts/lib/java.sh"
wharf_require_root
wharf_install_prereqs
wharf_find_java
export JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$WHARF_JAVA")")")

echo "==> building (./mvnw -DskipTests package)"
(cd "$here" && ./mvnw -q -B -DskipTests package)

prefix=/usr/local/lib/wharf
echo "==> installing into $prefix, launchers in /usr/local/bin"
rm -rf "$prefix.new" && mkdir -p "$prefix.new/bin" "$prefix.new/scripts/lib" "$prefix.new/lib/cli/lib" "$prefix.new/lib/engine/lib" "$prefix.new/lib/registry/lib"
cp "$here/bin/wharf" "$here/bin/wharfd" "$prefix.new/bin/"
cp "$here/scripts/lib/java.sh" "$prefix.new/scripts/lib/"
cp "$here/cli/target/wharf-cli.jar" "$prefix.new/lib/cli/" && cp "$here"/cli/target/lib/*.jar "$prefix.new/lib/cli/lib/"
cp "$here/engine/target/wharf-engine.jar" "$prefix.new/lib/engine/" && cp "$here"/engine/target/lib/*.jar "$prefix.new/lib/engine/lib/"
cp "$here/registry/target/wharf-registry.jar" "$prefix.new/lib/registry/" && cp "$here"/registry/target/lib/*.jar "$prefix.new/lib/registry/lib/"
rm -rf "$prefix.old"; [ -d "$prefix" ] && mv "$prefix" "$prefix.old"
mv "$prefix.new" "$prefix" && rm -rf "$prefix.old"
ln -sf "$prefix/bin/wharf" /usr/local/bin/wharf
ln -sf "$prefix/bin/wharfd" /usr/local/bin/wharfd

socket=/run/wharf/wharf.sock
if wharf -H "unix://$socket" version >/dev/null 2>&1; then
  echo "==> wharfd already running on $socket (restart it to pick up a new build: kill \$(cat /run/wharf/wharfd.pid))"
else
  echo "==> starting wharfd (log: /var/log/wharfd.log)"
  mkdir -p /run/wharf
  nohup setsid wharfd >>/var/log/wharfd.log 2>&1 </dev/null &
  echo $! > /run/wharf/wharfd.pid
  for _ in $(seq 1 100); do
    wharf version >/dev/null 2>&1 && break
    sleep 0.2
  done
  wharf version >/dev/null || { echo "wharfd did not start; see /var/log/wharfd.log" >&2; tail -20 /var/log/wharfd.log >&2; exit 1; }
fi

echo "==> the built-in image"
wharf images busybox
echo "==> a demo container: its own hostname and process list"
wharf run --rm --hostname wharf-demo busybox sh -c 'echo "hostname: $(hostname)"; ps; echo "(pid 1 is the container'"'"'s shell; no host process is visible)"'
