#!/usr/bin/env bash
# Networking, wharfd vs the real Docker engine, in one run, on the same busybox rootfs:
#   1. TCP throughput container -> container over each engine's bridge (busybox wget from busybox httpd)
#   2. TCP throughput host -> published port on 127.0.0.1 (curl)
#   3. time from `run -d -p` until the published port answers HTTP
# Root only. Each engine gets its own socket, data root, bridge and subnet. dockerd runs with
# --iptables=false (its userland proxy publishes the ports), so it never changes the FORWARD policy or
# adds chains; wharfd uses the CNI plugins (portmap DNAT). Everything is removed afterwards.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-5}
mib=${MIB:-48}          # size of the served file; /dev/shm in a container is 64 MiB
rounds=${ROUNDS:-10}    # downloads per throughput sample
. "$here/scripts/lib/prereqs.sh"
. "$here/scripts/lib/java.sh"
wharf_require_root
wharf_install_prereqs
command -v dockerd >/dev/null || WHARF_APT_PACKAGES="$WHARF_APT_PACKAGES docker.io" wharf_install_prereqs
command -v curl >/dev/null || WHARF_APT_PACKAGES="$WHARF_APT_PACKAGES curl" wharf_install_prereqs
wharf_find_java
export JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$WHARF_JAVA")")")
[ -f "$here/cli/target/wharf-cli.jar" ] || (cd "$here" && ./mvnw -q -B -DskipTests package)

work=$(mktemp -d /tmp/wharf-netbench.XXXXXX)
wbridge=wnb$$; dbridge=dnb$$
W=(docker -H "unix://$work/wharf.sock")
D=(docker -H "unix://$work/docker.sock")
cleanup() {
  set +e
  if [ -n "${wharf_pid:-}" ]; then
    "${W[@]}" rm -f $("${W[@]}" ps -aq) >/dev/null 2>&1; kill "$wharf_pid"; wait "$wharf_pid"
  fi
  if [ -n "${docker_pid:-}" ]; then
    "${D[@]}" rm -f $("${D[@]}" ps -aq) >/dev/null 2>&1; kill "$docker_pid"; wait "$docker_pid"
  fi
  for bridge in "$wbridge" "$dbridge"; do
    ip link del "$bridge" 2>/dev/null
    c="CNI firewall plugin rules (ingressPolicy: same-bridge)"
    while iptables -w -D CNI-ISOLATION-STAGE-1 -i "$bridge" ! -o "$bridge" -m comment --comment "$c" -j CNI-ISOLATION-STAGE-2 2>/dev/null; do :; done
    while iptables -w -D CNI-ISOLATION-STAGE-2 -o "$bridge" -m comment --comment "$c" -j DROP 2>/dev/null; do :; done
  done
  umount -R "$work/docker-exec" 2>/dev/null; umount -R "$work/docker-data" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/rootfs/bin" "$work/rootfs/etc" "$work/rootfs/tmp"
cp /bin/busybox "$work/rootfs/bin/busybox"
for applet in $(/bin/busybox --list); do [ "$applet" = busybox ] || ln -sf busybox "$work/rootfs/bin/$applet"; done
echo 'root:x:0:0:root:/root:/bin/sh' > "$work/rootfs/etc/passwd"; echo 'root:x:0:' > "$work/rootfs/etc/group"
tar -C "$work/rootfs" -cf "$work/rootfs.tar" .

"$here/bin/wharfd" --host "unix://$work/wharf.sock" --data-root "$work/wharf-data" --exec-root "$work/wharf-exec" \
  --cgroup-parent "/wharf-netbench-$$" --bridge "$wbridge" --bip 10.248.0.1/24 \
  --default-address-pool base=10.248.16.0/20,size=24 >"$work/wharfd.log" 2>&1 & wharf_pid=$!
ip link add "$dbridge" type bridge && ip addr add 10.249.0.1/24 dev "$dbridge" && ip link set "$dbridge" up
dockerd --host "unix://$work/docker.sock" --data-root "$work/docker-data" --exec-root "$work/docker-exec" \
  --pidfile "$work/docker.pid" --iptables=false --ip6tables=false --ip-forward=false --bridge="$dbridge" \
  >"$work/dockerd.log" 2>&1 & docker_pid=$!
export DOCKER_CONFIG="$work/docker-config"; mkdir -p "$DOCKER_CONFIG"
for _ in $(seq 150); do "${W[@]}" version >/dev/null 2>&1 && "${D[@]}" version >/dev/null 2>&1 && break; sleep 0.2; done
for E in W D; do
  declare -n engine=$E
  "${engine[@]}" import -c 'CMD ["sh"]' "$work/rootfs.tar" netbench >/dev/null
done

serve="mkdir -p /www && dd if=/dev/zero of=/dev/shm/big bs=1M count=$mib 2>/dev/null && ln -s /dev/shm/big /www/big && echo ok > /www/index.html && exec httpd -f -p 80 -h /www"

median() { sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f", m}'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# MiB/s of $rounds downloads from the server container, timed inside the client container (/proc/uptime, 10 ms).
c2c() { # engine array name, server ip
  declare -n engine=$1
  "${engine[@]}" run --rm netbench sh -c "read a _ < /proc/uptime; for i in \$(seq $rounds); do wget -q -O /dev/null http://$2/big; done; read b _ < /proc/uptime; echo \$a \$b" |
    awk -v m="$mib" -v r="$rounds" '{ printf "%.1f\n", m * r / ($2 - $1) }'
}

h2p() { # port
  local total=0 i start end
  start=$(now_ms)
  for i in $(seq "$rounds"); do curl -s -o /dev/null "http://127.0.0.1:$1/big"; done
  end=$(now_ms)
  awk -v m="$mib" -v r="$rounds" -v t=$((end - start)) 'BEGIN { printf "%.1f\n", m * r * 1000 / t }'
}

time_to_port() { # engine array name, port
  declare -n engine=$1
  local start end id
  start=$(now_ms)
  id=$("${engine[@]}" run -d -p "127.0.0.1:$2:80" netbench sh -c 'mkdir -p /www && echo ok > /www/index.html && exec httpd -f -p 80 -h /www')
  until curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$2/"; do :; done
  end=$(now_ms)
  "${engine[@]}" rm -f "$id" >/dev/null
  echo $((end - start))
}

measure() { # engine array name, published port of its server
  declare -n e=$1
  "${e[@]}" run -d --name srv -p "127.0.0.1:$2:80" netbench sh -c "$serve" >/dev/null
  until curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$2/index.html"; do sleep 0.1; done
  local ip; ip=$("${e[@]}" inspect -f '{{.NetworkSettings.IPAddress}}' srv)
  local c2c_s=() h2p_s=() ttp_s=() i
  c2c "$1" "$ip" >/dev/null; h2p "$2" >/dev/null # warm-up
  for i in $(seq "$runs"); do
    c2c_s+=("$(c2c "$1" "$ip")"); h2p_s+=("$(h2p "$2")"); ttp_s+=("$(time_to_port "$1" $(( $2 + 10 + i )))")
  done
  "${e[@]}" rm -f srv >/dev/null
  echo "$(printf '%s\n' "${c2c_s[@]}" | median) $(printf '%s\n' "${h2p_s[@]}" | median) $(printf '%s\n' "${ttp_s[@]}" | median)"
}

read -r w_c2c w_h2p w_ttp <<<"$(measure W 18500)"
read -r d_c2c d_h2p d_ttp <<<"$(measure D 18600)"

echo "runs per figure: $runs (medians), $rounds x $mib MiB per throughput sample; $(nproc) cores; $(uname -r); $(date -u +%Y-%m-%dT%H:%MZ)"
echo "| measure (docker CLI to each engine) | wharfd | dockerd | wharfd/dockerd |"
echo "|---|---:|---:|---:|"
awk -v a="$w_c2c" -v b="$d_c2c" 'BEGIN { printf "| TCP container→container over the bridge, MiB/s | %.0f | %.0f | %.2f |\n", a, b, a / b }'
awk -v a="$w_h2p" -v b="$d_h2p" 'BEGIN { printf "| TCP host→published port (127.0.0.1), MiB/s | %.0f | %.0f | %.2f |\n", a, b, a / b }'
awk -v a="$w_ttp" -v b="$d_ttp" 'BEGIN { printf "| run -d -p until the port answers HTTP, ms | %.0f | %.0f | %.2f |\n", a, b, a / b }'
