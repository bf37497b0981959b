#!/usr/bin/env bash
# Times `build` of one ~10-step Dockerfile (RUN steps writing a few MB, COPY of 2,000 small files and one
# 50 MB file, ENV/WORKDIR/CMD) three ways, in one run: cold (--no-cache), fully cached, and after one changed
# file; wharf -> wharfd, docker CLI -> wharfd, docker CLI -> the real Docker engine (its classic builder:
# DOCKER_BUILDKIT=0, no buildx). Prints medians and ratios; root only.
set -euo pipefail
runs=${RUNS:-3}
. "$(dirname "$0")/lib/engines.sh"
bench_setup
bench_start_engines
export DOCKER_BUILDKIT=0

# The context: 2,000 small files, one 50 MB file.
ctx="$work/ctx"
mkdir -p "$ctx/small"
for i in $(seq 2000); do echo "file $i" > "$ctx/small/f$i.txt"; done
head -c 50000000 /dev/urandom > "$ctx/big.bin"
cat > "$ctx/Dockerfile" <<'DOCKERFILE'
FROM bench-busybox
ENV APP=/app MODE=bench
WORKDIR /app
RUN dd if=/dev/urandom of=/data1 bs=1M count=3 2>/dev/null
RUN dd if=/dev/zero of=/data2 bs=1M count=2 2>/dev/null && echo written
COPY big.bin /app/big.bin
COPY small/ /app/small/
RUN ls /app/small | wc -l > /count
ENV DONE=1
CMD ["sh"]
DOCKERFILE

ms() { # one timing (ms) of a command that must succeed
  local start end
  start=$(date +%s%N); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }; end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
case_ms() { # case, client... -> median ms of $runs builds after one warm-up build
  local kind=$1; shift
  "$@" build -t bench-build "$ctx" >/dev/null 2>&1 || { echo "failed: $* build" >&2; exit 1; }
  for _ in $(seq "$runs"); do
    case $kind in
      cold) ms "$@" build --no-cache -t bench-build "$ctx" ;;
      cached) ms "$@" build -t bench-build "$ctx" ;;
      # new content every time (case_ms runs in a subshell per client, so a counter would repeat
      # across clients and the second client's "changed" builds would hit the first one's cache)
      changed) echo "changed $(date +%s%N)" > "$ctx/small/f1000.txt"; ms "$@" build -t bench-build "$ctx" ;;
    esac
  done | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'
}
report() { # label, wharf, docker->wharfd, docker->dockerd
  awk -v l="$1" -v a="$2" -v b="$3" -v c="$4" 'BEGIN {
    printf "| %-20s | %8d | %8d | %8d | %5.2f | %5.2f |\n", l, a, b, c, a / c, b / c }'
}

echo "runs per figure: $runs; $(nproc) cores; $(uname -r); $(date -u +%Y-%m-%dT%H:%MZ)"
echo "| build                | wharf→wharfd ms | docker→wharfd ms | docker→dockerd ms | wharf/docker | docker→wharfd/docker |"
echo "|---|---:|---:|---:|---:|---:|"
for kind in cold cached changed; do
  report "$kind" "$(case_ms "$kind" "${W[@]}")" "$(case_ms "$kind" "${DW[@]}")" "$(case_ms "$kind" "${DD[@]}")"
done

# Load-insensitive: the engines' CPU (with their children) per fully cached build, docker CLI as the client.
engine_cpu() { # pattern, client... -> CPU seconds per cached build
  local pattern=$1 before after; shift
  before=$(cpu_seconds "$pattern")
  for _ in $(seq "$runs"); do "$@" build -t bench-build "$ctx" >/dev/null 2>&1; done
  after=$(cpu_seconds "$pattern")
  awk -v a="$before" -v b="$after" -v n="$runs" 'BEGIN { printf "%.2f", (b - a) / n }'
}
echo "engine CPU per cached build (docker CLI): wharfd $(engine_cpu "$work/wharf-" "${DW[@]}") s," \
  "dockerd + containerd $(engine_cpu "$work/docker-" "${DD[@]}") s"
