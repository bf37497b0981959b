#!/usr/bin/env bash
# Times `run --rm busybox true` and `ps` three ways, on the same busybox rootfs, in one run:
#   wharf  -> wharfd,   docker CLI -> wharfd,   docker CLI -> the real Docker engine (Debian's docker.io).
# Prints medians and ratios; root only. Each daemon gets its own temporary socket and data root, and
# dockerd runs with --iptables=false so the host's FORWARD policy is left alone.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-20}
. "$here/scripts/lib/prereqs.sh"
. "$here/scripts/lib/java.sh"
wharf_require_root
wharf_install_prereqs
command -v dockerd >/dev/null || WHARF_APT_PACKAGES="$WHARF_APT_PACKAGES docker.io" wharf_install_prereqs
wharf_find_java
export JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$WHARF_JAVA")")")
[ -f "$here/cli/target/wharf-cli.jar" ] || (cd "$here" && ./mvnw -q -B -DskipTests package)

work=$(mktemp -d /tmp/wharf-bench.XXXXXX)
cleanup() {
  set +e
  [ -n "${wharf_pid:-}" ] && { "$here/bin/wharf" -H "unix://$work/wharf.sock" rm -f $("$here/bin/wharf" -H "unix://$work/wharf.sock" ps -aq) >/dev/null 2>&1; kill "$wharf_pid"; wait "$wharf_pid"; }
  [ -n "${docker_pid:-}" ] && { kill "$docker_pid"; wait "$docker_pid"; }
  umount -R "$work/docker-exec" 2>/dev/null; umount -R "$work/docker-data" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# The same rootfs for both engines: the host's static busybox with its applets.
mkdir -p "$work/rootfs/bin" "$work/rootfs/etc" "$work/rootfs/tmp"
cp /bin/busybox "$work/rootfs/bin/busybox"
for applet in $(/bin/busybox --list); do [ "$applet" = busybox ] || ln -sf busybox "$work/rootfs/bin/$applet"; done
echo 'root:x:0:0:root:/root:/bin/sh' > "$work/rootfs/etc/passwd"; echo 'root:x:0:' > "$work/rootfs/etc/group"
tar -C "$work/rootfs" -cf "$work/rootfs.tar" .

"$here/bin/wharfd" --host "unix://$work/wharf.sock" --data-root "$work/wharf-data" --exec-root "$work/wharf-exec" \
  >"$work/wharfd.log" 2>&1 & wharf_pid=$!
dockerd --host "unix://$work/docker.sock" --data-root "$work/docker-data" --exec-root "$work/docker-exec" \
  --pidfile "$work/docker.pid" --iptables=false --ip-forward=false --bridge=none \
  >"$work/dockerd.log" 2>&1 & docker_pid=$!

W=("$here/bin/wharf" -H "unix://$work/wharf.sock")
DW=(docker -H "unix://$work/wharf.sock")
DD=(docker -H "unix://$work/docker.sock")
export DOCKER_CONFIG="$work/docker-config"; mkdir -p "$DOCKER_CONFIG"
for _ in $(seq 100); do "${W[@]}" version >/dev/null 2>&1 && "${DD[@]}" version >/dev/null 2>&1 && break; sleep 0.2; done
"${W[@]}" import -c 'CMD ["sh"]' "$work/rootfs.tar" bench-busybox >/dev/null
"${DD[@]}" import -c 'CMD ["sh"]' "$work/rootfs.tar" bench-busybox >/dev/null

# median of N timings (ms) of a command
median_ms() {
  local times=() i start end
  # Warm-up (and a check it works): the wharf launcher records a command's first run and builds its
  # AOT cache in the background on the second, so give it a few runs and a moment.
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
  for i in 1 2 3; do "$@" >/dev/null 2>&1; sleep 1; done
  for i in $(seq "$runs"); do
    start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f", m / 1000}'
}

report() { # label, then three medians: wharf, docker->wharfd, docker->dockerd
  awk -v l="$1" -v a="$2" -v b="$3" -v c="$4" 'BEGIN {
    printf "| %-22s | %8.1f | %8.1f | %8.1f | %5.2f | %5.2f |\n", l, a, b, c, a / c, b / c }'
}

echo "runs per figure: $runs; $(nproc) cores; $(uname -r); $(date -u +%Y-%m-%dT%H:%MZ)"
echo "| command                | wharf→wharfd ms | docker→wharfd ms | docker→dockerd ms | wharf/docker | docker→wharfd/docker |"
echo "|---|---:|---:|---:|---:|---:|"
report "run --rm --network none" \
  "$(median_ms "${W[@]}" run --rm --network none bench-busybox true)" \
  "$(median_ms "${DW[@]}" run --rm --network none bench-busybox true)" \
  "$(median_ms "${DD[@]}" run --rm --network none bench-busybox true)"
for i in 1 2 3 4 5; do "${W[@]}" run -d bench-busybox sleep 300 >/dev/null; "${DD[@]}" run -d bench-busybox sleep 300 >/dev/null; done
report "ps (5 running)" \
  "$(median_ms "${W[@]}" ps)" \
  "$(median_ms "${DW[@]}" ps)" \
  "$(median_ms "${DD[@]}" ps)"
"${DD[@]}" rm -f $("${DD[@]}" ps -aq) >/dev/null
echo
echo "daemon memory (RSS, MiB): wharfd $(( $(awk '/VmRSS/ {print $2}' /proc/$wharf_pid/status) / 1024 )), dockerd $(( $(awk '/VmRSS/ {print $2}' /proc/$docker_pid/status) / 1024 )) (+ containerd)"
