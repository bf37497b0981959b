# Sourced by the benchmarks: wharfd and the real Docker engine side by side on one busybox rootfs, each
# with its own temporary socket, data root and default bridge network (so every container of both gets
# a veth, an address and a route, as `docker run` does by default; dockerd with --iptables=false leaves
# the host's FORWARD policy alone and publishes ports through its userland proxy, wharfd keeps its
# per-network rules and portmap's DNAT), and the helpers to time and report. Root only.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$here/scripts/lib/prereqs.sh"
. "$here/scripts/lib/java.sh"

bench_setup() {
  wharf_require_root
  wharf_install_prereqs
  command -v dockerd >/dev/null || WHARF_APT_PACKAGES="$WHARF_APT_PACKAGES docker.io" wharf_install_prereqs
  wharf_find_java
  export JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$WHARF_JAVA")")")
  [ -f "$here/cli/target/wharf-cli.jar" ] || (cd "$here" && ./mvnw -q -B -DskipTests package)
  work=$(mktemp -d /tmp/wharf-bench.XXXXXX)
  trap bench_cleanup EXIT
  W=("$here/bin/wharf" -H "unix://$work/wharf.sock")
  DW=(docker -H "unix://$work/wharf.sock")
  DD=(docker -H "unix://$work/docker.sock")
  export DOCKER_CONFIG="$work/docker-config"; mkdir -p "$DOCKER_CONFIG"
}

bench_cleanup() {
  set +e
  local bridge
  if [ -n "${wharf_pid:-}" ]; then
    "${W[@]}" rm -f $("${W[@]}" ps -aq) >/dev/null 2>&1; kill "$wharf_pid"; wait "$wharf_pid"
  fi
  if [ -n "${docker_pid:-}" ]; then
    "${DD[@]}" rm -f $("${DD[@]}" ps -aq) >/dev/null 2>&1; kill "$docker_pid"; wait "$docker_pid"
  fi
  umount -R "$work/docker-exec" 2>/dev/null; umount -R "$work/docker-data" 2>/dev/null
  rm -rf "$work"
  for bridge in "${wbridge:-}" "${dbridge:-}"; do [ -z "$bridge" ] || ip link del "$bridge" 2>/dev/null; done
  for cg in /sys/fs/cgroup/*/wharf-bench; do rmdir "$cg"/* "$cg" 2>/dev/null; done
}

# $work/rootfs.tar: the host's static busybox with its applets, the same image for both engines.
bench_rootfs() {
  mkdir -p "$work/rootfs/bin" "$work/rootfs/etc" "$work/rootfs/tmp"
  cp /bin/busybox "$work/rootfs/bin/busybox"
  for applet in $(/bin/busybox --list); do [ "$applet" = busybox ] || ln -sf busybox "$work/rootfs/bin/$applet"; done
  echo 'root:x:0:0:root:/root:/bin/sh' > "$work/rootfs/etc/passwd"; echo 'root:x:0:' > "$work/rootfs/etc/group"
  tar -C "$work/rootfs" -cf "$work/rootfs.tar" .
}

# Both daemons' sockets answer, and each has the rootfs imported as bench-busybox.
bench_import() {
  for _ in $(seq 150); do "${W[@]}" version >/dev/null 2>&1 && "${DD[@]}" version >/dev/null 2>&1 && break; sleep 0.2; done
  "${W[@]}" import -c 'CMD ["sh"]' "$work/rootfs.tar" bench-busybox >/dev/null
  "${DD[@]}" import -c 'CMD ["sh"]' "$work/rootfs.tar" bench-busybox >/dev/null
}

# bin/wharfd keeps an AOT cache next to its jar, recorded by the first run after a build and assembled
# in the background by the second. Both happen here, before anything is measured: otherwise the figures
# would carry the recording's overhead or the assembler's CPU instead of the steady state.
bench_prime_wharfd() {
  local lib="$here/engine/target" prime="$work/prime" round i
  [ -f "$lib/wharf-engine.jar" ] && [ ! "$lib/wharf-engine.aot" -nt "$lib/wharf-engine.jar" ] || return 0
  for round in record assemble; do
    "$here/bin/wharfd" --host "unix://$prime/w.sock" --data-root "$prime/data" --exec-root "$prime/exec" \
      --cgroup-parent /wharf-bench --bridge "wpb$$" --bip 10.248.8.1/24 \
      --default-address-pool base=10.248.32.0/20,size=24 >"$work/wharfd-prime.log" 2>&1 & local pid=$!
    for i in $(seq 150); do docker -H "unix://$prime/w.sock" run --rm busybox true >/dev/null 2>&1 && break; sleep 0.2; done
    kill "$pid"; wait "$pid" || true
  done
  for i in $(seq 600); do [ "$lib/wharf-engine.aot" -nt "$lib/wharf-engine.jar" ] && break; sleep 0.5; done
  ip link del "wpb$$" 2>/dev/null || true
  umount -R "$prime" 2>/dev/null || true; rm -rf "$prime"
}

# Both daemons, each on a bridge of its own (wharfd 10.248.0.0/24, dockerd 10.249.0.0/24), and the same
# busybox rootfs imported into each as bench-busybox.
bench_start_engines() {
  bench_prime_wharfd
  bench_rootfs
  wbridge=wnb$$; dbridge=dnb$$
  "$here/bin/wharfd" --host "unix://$work/wharf.sock" --data-root "$work/wharf-data" --exec-root "$work/wharf-exec" \
    --cgroup-parent /wharf-bench --bridge "$wbridge" --bip 10.248.0.1/24 \
    --default-address-pool base=10.248.16.0/20,size=24 >"$work/wharfd.log" 2>&1 & wharf_pid=$!
  ip link add "$dbridge" type bridge && ip addr add 10.249.0.1/24 dev "$dbridge" && ip link set "$dbridge" up
  dockerd --host "unix://$work/docker.sock" --data-root "$work/docker-data" --exec-root "$work/docker-exec" \
    --pidfile "$work/docker.pid" --iptables=false --ip6tables=false --ip-forward=false --bridge="$dbridge" \
    >"$work/dockerd.log" 2>&1 & docker_pid=$!
  bench_import
}

# median of $runs timings (ms) of a command, after warm-up runs (the wharf launcher records a command's
# first run and builds its AOT cache in the background on the second)
median_ms() {
  local times=() i start end
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
  for i in 1 2 3; do "$@" >/dev/null 2>&1; sleep 1; done
  for i in $(seq "$runs"); do
    start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f", m / 1000}'
}

# Sum of a memory field (kB) over the processes whose command line mentions $1: Rss or Pss (smaps_rollup)
memory_kb() {
  local pattern=$1 field=$2 total=0 pid value
  for pid in $(pgrep -f -- "$pattern"); do
    value=$(awk -v f="$field:" '$1 == f {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null)
    total=$(( total + ${value:-0} ))
  done
  echo "$total"
}

# CPU seconds (user + system, with reaped children: runc under conmon or under the shim) of the processes
# whose command line mentions $1
cpu_seconds() {
  local pattern=$1 total=0 pid ticks
  for pid in $(pgrep -f -- "$pattern"); do
    ticks=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat" 2>/dev/null)
    total=$(( total + ${ticks:-0} ))
  done
  awk -v t="$total" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", t / hz }'
}
