#!/usr/bin/env bash
# Times `build` of one ~10-step Dockerfile (RUN steps writing a few MB, COPY of 2,000 small files and one
# 50 MB file, ENV/WORKDIR/CMD) three ways, in one run: cold (--no-cache), fully cached, and after one changed
# file; wharf -> wharfd, docker CLI -> wharfd, docker CLI -> the real Docker engine (classic builder: no buildx).
# Prints medians and ratios; root only. Each daemon has its own temporary socket and data root.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
. "$here/scripts/lib/prereqs.sh"
. "$here/scripts/lib/java.sh"
wharf_require_root
wharf_install_prereqs
command -v dockerd >/dev/null || WHARF_APT_PACKAGES="$WHARF_APT_PACKAGES docker.io" wharf_install_prereqs
wharf_find_java
export JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$WHARF_JAVA")")")
[ -f "$here/cli/target/wharf-cli.jar" ] || (cd "$here" && ./mvnw -q -B -DskipTests package)

work=$(mktemp -d /tmp/wharf-bench-build.XXXXXX)
cleanup() {
  set +e
  [ -n "${wharf_pid:-}" ] && { kill "$wharf_pid"; wait "$wharf_pid"; }
  [ -n "${docker_pid:-}" ] && { kill "$docker_pid"; wait "$docker_pid"; }
  umount -R "$work/docker-exec" 2>/dev/null; umount -R "$work/docker-data" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# The same base image for both engines: the host's static busybox with its applets.
mkdir -p "$work/rootfs/bin" "$work/rootfs/etc" "$work/rootfs/tmp"
cp /bin/busybox "$work/rootfs/bin/busybox"
for applet in $(/bin/busybox --list); do [ "$applet" = busybox ] || ln -sf busybox "$work/rootfs/bin/$applet"; done
echo 'root:x:0:0:root:/root:/bin/sh' > "$work/rootfs/etc/passwd"; echo 'root:x:0:' > "$work/rootfs/etc/group"
tar -C "$work/rootfs" -cf "$work/rootfs.tar" .

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

"$here/bin/wharfd" --host "unix://$work/wharf.sock" --data-root "$work/wharf-data" --exec-root "$work/wharf-exec" \
  --cgroup-parent /wharf-bench-build >"$work/wharfd.log" 2>&1 & wharf_pid=$!
dockerd --host "unix://$work/docker.sock" --data-root "$work/docker-data" --exec-root "$work/docker-exec" \
  --pidfile "$work/docker.pid" --iptables=false --ip6tables=false --ip-forward=false --bridge=none \
  >"$work/dockerd.log" 2>&1 & docker_pid=$!

W=("$here/bin/wharf" -H "unix://$work/wharf.sock")
DW=(docker -H "unix://$work/wharf.sock")
DD=(docker -H "unix://$work/docker.sock")
export DOCKER_CONFIG="$work/docker-config" DOCKER_BUILDKIT=0; mkdir -p "$DOCKER_CONFIG"
for _ in $(seq 150); do "${W[@]}" version >/dev/null 2>&1 && "${DD[@]}" version >/dev/null 2>&1 && break; sleep 0.2; done
"${W[@]}" import -c 'CMD ["sh"]' "$work/rootfs.tar" bench-busybox >/dev/null
"${DD[@]}" import -c 'CMD ["sh"]' "$work/rootfs.tar" bench-busybox >/dev/null

ms() { # one timing (ms) of a command that must succeed
  local start end
  start=$(date +%s%N); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }; end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
counter=0
case_ms() { # case, client... -> median ms
  local kind=$1; shift
  "$@" build -t bench-build "$ctx" >/dev/null 2>&1 || { echo "failed: $* build" >&2; exit 1; } # warm-up
  for _ in $(seq "$runs"); do
    case $kind in
      cold) ms "$@" build --no-cache -t bench-build "$ctx" ;;
      cached) ms "$@" build -t bench-build "$ctx" ;;
      changed) counter=$((counter + 1)); echo "changed $counter" > "$ctx/small/f1000.txt"; ms "$@" build -t bench-build "$ctx" ;;
    esac
  done | median
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
