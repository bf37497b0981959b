#!/usr/bin/env bash
# Times `run --rm busybox true` and `ps` three ways, on the same busybox rootfs, in one run:
#   wharf  -> wharfd,   docker CLI -> wharfd,   docker CLI -> the real Docker engine (Debian's docker.io).
# Prints medians and ratios; root only.
set -euo pipefail
runs=${RUNS:-20}
. "$(dirname "$0")/lib/engines.sh"
bench_setup
bench_start_engines

report() { # label, then three medians: wharf, docker->wharfd, docker->dockerd
  awk -v l="$1" -v a="$2" -v b="$3" -v c="$4" 'BEGIN {
    printf "| %-22s | %8.1f | %8.1f | %8.1f | %5.2f | %5.2f |\n", l, a, b, c, a / c, b / c }'
}

echo "runs per figure: $runs; $(nproc) cores; $(uname -r); $(date -u +%Y-%m-%dT%H:%MZ)"
echo "| command                | wharf→wharfd ms | docker→wharfd ms | docker→dockerd ms | wharf/docker | docker→wharfd/docker |"
echo "|---|---:|---:|---:|---:|---:|"
report "run --rm busybox true" \
  "$(median_ms "${W[@]}" run --rm bench-busybox true)" \
  "$(median_ms "${DW[@]}" run --rm bench-busybox true)" \
  "$(median_ms "${DD[@]}" run --rm bench-busybox true)"
for i in 1 2 3 4 5; do "${W[@]}" run -d bench-busybox sleep 300 >/dev/null; "${DD[@]}" run -d bench-busybox sleep 300 >/dev/null; done
report "ps (5 running)" \
  "$(median_ms "${W[@]}" ps)" \
  "$(median_ms "${DW[@]}" ps)" \
  "$(median_ms "${DD[@]}" ps)"
"${DD[@]}" rm -f $("${DD[@]}" ps -aq) >/dev/null
echo
echo "daemon memory (RSS, MiB): wharfd $(( $(awk '/VmRSS/ {print $2}' /proc/$wharf_pid/status) / 1024 )), dockerd $(( $(awk '/VmRSS/ {print $2}' /proc/$docker_pid/status) / 1024 )) (+ containerd)"
