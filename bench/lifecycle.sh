#!/usr/bin/env bash
# Issue 3's benchmark: 50 containers started detached by 4 clients in parallel, until all run —
# containers per second — and the memory of the engine holding them: wharfd plus every conmon, against
# dockerd plus containerd plus every shim. The docker CLI drives both engines, so only the engines differ.
# Memory is PSS (shared pages split between the processes that map them) and RSS. Root only.
set -euo pipefail
count=${COUNT:-50}
clients=${CLIENTS:-4}
. "$(dirname "$0")/lib/engines.sh"
bench_setup
bench_start_engines

start_all() { # docker CLI argv... : prints seconds until $count containers run
  local start end
  start=$(date +%s%N)
  seq "$count" | xargs -P "$clients" -I{} "$@" run -d bench-busybox sleep 600 >/dev/null
  until [ "$("$@" ps -q | wc -l)" -ge "$count" ]; do sleep 0.05; done
  end=$(date +%s%N)
  awk -v ns=$(( end - start )) 'BEGIN { printf "%.2f", ns / 1e9 }'
}

echo "$count containers, $clients clients in parallel; $(nproc) cores; $(uname -r); $(date -u +%Y-%m-%dT%H:%MZ)"
"${DW[@]}" run --rm bench-busybox true >/dev/null; "${DD[@]}" run --rm bench-busybox true >/dev/null # warm
# CPU per start is the figure a loaded machine cannot skew; wall time is what users see.
wharf_cpu0=$(cpu_seconds "$work/wharf-"); wharf_s=$(start_all "${DW[@]}"); wharf_cpu=$(cpu_seconds "$work/wharf-")
docker_cpu0=$(cpu_seconds "$work/docker-"); docker_s=$(start_all "${DD[@]}"); docker_cpu=$(cpu_seconds "$work/docker-")
sleep 2
wharf_pss=$(memory_kb "$work/wharf-" Pss); wharf_rss=$(memory_kb "$work/wharf-" Rss)
docker_pss=$(memory_kb "$work/docker-" Pss); docker_rss=$(memory_kb "$work/docker-" Rss)
awk -v wc="$(awk -v a="$wharf_cpu0" -v b="$wharf_cpu" 'BEGIN {print b - a}')" \
    -v dc="$(awk -v a="$docker_cpu0" -v b="$docker_cpu" 'BEGIN {print b - a}')" -v ws="$wharf_s" -v ds="$docker_s" -v n="$count" -v wp="$wharf_pss" -v dp="$docker_pss" -v wr="$wharf_rss" -v dr="$docker_rss" 'BEGIN {
  printf "| figure | wharfd | dockerd | wharfd/dockerd |\n|---|---:|---:|---:|\n"
  printf "| start %d detached (s) | %.2f | %.2f | %.2f |\n", n, ws, ds, ws / ds
  printf "| containers per second | %.1f | %.1f | %.2f |\n", n / ws, n / ds, (n / ws) / (n / ds)
  printf "| engine CPU per start (ms) | %.1f | %.1f | %.2f |\n", wc * 1000 / n, dc * 1000 / n, wc / dc
  printf "| engine PSS with %d running (MiB) | %.1f | %.1f | %.2f |\n", n, wp / 1024, dp / 1024, wp / dp
  printf "| engine RSS with %d running (MiB) | %.1f | %.1f | %.2f |\n", n, wr / 1024, dr / 1024, wr / dr
}'
echo "(wharfd + conmons: $(pgrep -fc -- "$work/wharf-") processes; dockerd + containerd + shims: $(pgrep -fc -- "$work/docker-") processes)"
