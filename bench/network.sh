#!/usr/bin/env bash
# Networking, wharfd vs the real Docker engine, in one run, on the same busybox rootfs:
#   1. TCP throughput container -> container over each engine's bridge (busybox wget from busybox httpd)
#   2. TCP throughput host -> published port on 127.0.0.1 (curl)
#   3. time from `run -d -p` until the published port answers HTTP
# Root only. Each engine gets its own socket, data root, bridge and subnet (bench/lib/engines.sh). dockerd
# runs with --iptables=false (its userland proxy publishes the ports), so it never changes the FORWARD
# policy or adds chains; wharfd writes its own DNAT rules (network.cni.BridgeRules, one iptables-restore per start). Everything is removed afterwards.
set -euo pipefail
runs=${RUNS:-5}
mib=${MIB:-48}          # size of the served file; /dev/shm in a container is 64 MiB
rounds=${ROUNDS:-10}    # downloads per throughput sample
. "$(dirname "$0")/lib/engines.sh"
bench_setup

W=("${DW[@]}") # both engines through the docker CLI: the engines are compared, not the clients
bench_start_engines
D=("${DD[@]}")

serve="mkdir -p /www && dd if=/dev/zero of=/dev/shm/big bs=1M count=$mib 2>/dev/null && ln -s /dev/shm/big /www/big && echo ok > /www/index.html && exec httpd -f -p 80 -h /www"

median() { sort -n | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.1f", m}'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# MiB/s of $rounds downloads from the server container, timed inside the client container (/proc/uptime, 10 ms).
c2c() { # engine array name, server ip
  declare -n engine=$1
  "${engine[@]}" run --rm bench-busybox sh -c "read a _ < /proc/uptime; for i in \$(seq $rounds); do wget -q -O /dev/null http://$2/big; done; read b _ < /proc/uptime; echo \$a \$b" |
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
  id=$("${engine[@]}" run -d -p "127.0.0.1:$2:80" bench-busybox sh -c 'mkdir -p /www && echo ok > /www/index.html && exec httpd -f -p 80 -h /www')
  # Polled every 10 ms: a busy loop of curl processes would take one of the two cores from the engine.
  until curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$2/"; do sleep 0.01; done
  end=$(now_ms)
  "${engine[@]}" rm -f "$id" >/dev/null
  echo $((end - start))
}

measure() { # engine array name, published port of its server
  declare -n e=$1
  "${e[@]}" run -d --name srv -p "127.0.0.1:$2:80" bench-busybox sh -c "$serve" >/dev/null
  until curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$2/index.html"; do sleep 0.1; done
  local ip; ip=$("${e[@]}" inspect -f '{{.NetworkSettings.IPAddress}}' srv)
  local c2c_s=() h2p_s=() i
  c2c "$1" "$ip" >/dev/null; h2p "$2" >/dev/null # warm-up
  for i in $(seq "$runs"); do
    c2c_s+=("$(c2c "$1" "$ip")"); h2p_s+=("$(h2p "$2")")
  done
  "${e[@]}" rm -f srv >/dev/null
  echo "$(printf '%s\n' "${c2c_s[@]}" | median) $(printf '%s\n' "${h2p_s[@]}" | median)"
}

read -r w_c2c w_h2p <<<"$(measure W 18500)"
read -r d_c2c d_h2p <<<"$(measure D 18600)"
# The engines take turns, so a change of the machine's load during the run affects both alike.
w_ttps=(); d_ttps=()
time_to_port W 18510 >/dev/null; time_to_port D 18610 >/dev/null # warm-up
for i in $(seq "$runs"); do
  w_ttps+=("$(time_to_port W $(( 18510 + i )))"); d_ttps+=("$(time_to_port D $(( 18610 + i )))")
done
w_ttp=$(printf '%s\n' "${w_ttps[@]}" | median); d_ttp=$(printf '%s\n' "${d_ttps[@]}" | median)

echo "runs per figure: $runs (medians), $rounds x $mib MiB per throughput sample; $(nproc) cores; $(uname -r); $(date -u +%Y-%m-%dT%H:%MZ)"
echo "| measure (docker CLI to each engine) | wharfd | dockerd | wharfd/dockerd |"
echo "|---|---:|---:|---:|"
awk -v a="$w_c2c" -v b="$d_c2c" 'BEGIN { printf "| TCP container→container over the bridge, MiB/s | %.0f | %.0f | %.2f |\n", a, b, a / b }'
awk -v a="$w_h2p" -v b="$d_h2p" 'BEGIN { printf "| TCP host→published port (127.0.0.1), MiB/s | %.0f | %.0f | %.2f |\n", a, b, a / b }'
awk -v a="$w_ttp" -v b="$d_ttp" 'BEGIN { printf "| run -d -p until the port answers HTTP, ms | %.0f | %.0f | %.2f |\n", a, b, a / b }'
