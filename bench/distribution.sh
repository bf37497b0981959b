#!/usr/bin/env bash
# Pull and push throughput, wharf vs the real Docker engine, against the same registries:
#   an image with one 256 MiB layer, and one with 20 layers of 8 MiB (both incompressible, gzip); smaller
#   for a quick check with BIG_MIB=, LAYERS=, LAYER_MIB=.
# Two private docker-registry instances on loopback: A holds the images (pulls), B receives the pushes
# (emptied before each push, so every layer is uploaded). Root only; one run, figures in seconds.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/scripts/lib/prereqs.sh"
. "$here/scripts/lib/java.sh"
wharf_require_root
wharf_install_prereqs
command -v dockerd >/dev/null || WHARF_APT_PACKAGES="$WHARF_APT_PACKAGES docker.io" wharf_install_prereqs
wharf_find_java
export JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$WHARF_JAVA")")")
[ -f "$here/cli/target/wharf-cli.jar" ] || (cd "$here" && ./mvnw -q -B -DskipTests package)

work=$(mktemp -d /tmp/wharf-bench-dist.XXXXXX)
pids=()
cleanup() {
  set +e
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  umount -R "$work/docker-exec" 2>/dev/null; umount -R "$work/docker-data" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
start_registry() { # name, port: storage under $work/name, emptied first
  rm -rf "$work/$1"; mkdir -p "$work/$1"
  cat >"$work/$1.yml" <<YML
version: 0.1
log:
  level: error
storage:
  filesystem:
    rootdirectory: $work/$1
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$2
YML
  docker-registry serve "$work/$1.yml" >>"$work/$1.log" 2>&1 & pids+=($!)
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$2/v2/" >/dev/null && break; sleep 0.1; done
}
port_a=$(free_port); port_b=$(free_port)
A=127.0.0.1:$port_a; B=127.0.0.1:$port_b
start_registry source "$port_a"
start_registry target "$port_b"; target_pid=${pids[-1]}

# Hand-made schema 2 images in A: random (incompressible) files, one per layer, gzip level 1.
big_mib=${BIG_MIB:-256} layers=${LAYERS:-20} layer_mib=${LAYER_MIB:-8}
python3 - "$A" "$big_mib" "$layers" "$layer_mib" <<'PY'
import gzip, hashlib, io, json, os, sys, tarfile, urllib.request
base = "http://" + sys.argv[1]
def put_blob(repo, data):
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    r = urllib.request.urlopen(urllib.request.Request(f"{base}/v2/{repo}/blobs/uploads/", method="POST"))
    loc = r.headers["Location"]; loc = loc if loc.startswith("http") else base + loc
    sep = "&" if "?" in loc else "?"
    urllib.request.urlopen(urllib.request.Request(loc + sep + "digest=" + digest, data=data, method="PUT",
                           headers={"Content-Type": "application/octet-stream"}))
    return digest
def image(repo, layer_sizes):
    layers, diff_ids = [], []
    for i, size in enumerate(layer_sizes):
        raw = io.BytesIO()
        with tarfile.open(fileobj=raw, mode="w") as t:
            info = tarfile.TarInfo(f"layer-{i}.bin"); info.size = size
            t.addfile(info, io.BytesIO(os.urandom(size)))
        tar = raw.getvalue()
        gz = gzip.compress(tar, compresslevel=1)
        diff_ids.append("sha256:" + hashlib.sha256(tar).hexdigest())
        layers.append({"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "size": len(gz),
                       "digest": put_blob(repo, gz)})
    config = json.dumps({"architecture": "amd64", "os": "linux", "config": {},
                         "rootfs": {"type": "layers", "diff_ids": diff_ids}}).encode()
    manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                           "config": {"mediaType": "application/vnd.docker.container.image.v1+json",
                                      "size": len(config), "digest": put_blob(repo, config)},
                           "layers": layers}).encode()
    urllib.request.urlopen(urllib.request.Request(f"{base}/v2/{repo}/manifests/1", data=manifest, method="PUT",
                           headers={"Content-Type": "application/vnd.docker.distribution.manifest.v2+json"}))
big_mib, layers, layer_mib = map(int, sys.argv[2:5])
image("bench/warm", [1024])
image("bench/big", [big_mib << 20])
image("bench/layers20", [layer_mib << 20] * layers)
PY

"$here/bin/wharfd" --host "unix://$work/wharf.sock" --data-root "$work/wharf-data" --exec-root "$work/wharf-exec" \
  --cgroup-parent /wharf-bench-dist >"$work/wharfd.log" 2>&1 & pids+=($!)
dockerd --host "unix://$work/docker.sock" --data-root "$work/docker-data" --exec-root "$work/docker-exec" \
  --pidfile "$work/docker.pid" --iptables=false --ip6tables=false --ip-forward=false --bridge=none \
  >"$work/dockerd.log" 2>&1 & pids+=($!)
W=("$here/bin/wharf" -H "unix://$work/wharf.sock")
DD=(docker -H "unix://$work/docker.sock")
export DOCKER_CONFIG="$work/docker-config"; mkdir -p "$DOCKER_CONFIG"
for _ in $(seq 150); do "${W[@]}" version >/dev/null 2>&1 && "${DD[@]}" version >/dev/null 2>&1 && break; sleep 0.2; done

seconds() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); awk -v n=$((e - s)) 'BEGIN {printf "%.2f", n / 1e9}'; }
empty_target() { # a fresh target registry, so every layer is uploaded
  kill "$target_pid"; wait "$target_pid" 2>/dev/null || true
  start_registry target "$port_b"; target_pid=${pids[-1]}
}

echo "$(nproc) cores; $(uname -r); $(date -u +%Y-%m-%dT%H:%MZ); docker $("${DD[@]}" version --format '{{.Server.Version}}')"
echo "| image | operation | wharf s | docker s | wharf MiB/s | docker MiB/s | speed-up |"
echo "|---|---|---:|---:|---:|---:|---:|"
# Untimed first: a small pull and push with each CLI, twice (wharf's CLI makes its AOT cache per command on
# its first runs, the daemons load their code), so the figures are of transfers, not of first use.
for _ in 1 2; do
  "${W[@]}" pull -q "$A/bench/warm:1" >/dev/null; "${DD[@]}" pull -q "$A/bench/warm:1" >/dev/null
  "${W[@]}" tag "$A/bench/warm:1" "$B/bench/warm:1"; "${DD[@]}" tag "$A/bench/warm:1" "$B/bench/warm:1"
  "${W[@]}" push -q "$B/bench/warm:1" >/dev/null; "${DD[@]}" push -q "$B/bench/warm:1" >/dev/null
  "${W[@]}" rmi "$A/bench/warm:1" "$B/bench/warm:1" >/dev/null; "${DD[@]}" rmi "$A/bench/warm:1" "$B/bench/warm:1" >/dev/null
done
for img in big layers20; do
  [ "$img" = big ] && bytes=$((big_mib << 20)) || bytes=$((layers * (layer_mib << 20)))
  wp=$(seconds "${W[@]}" pull -q "$A/bench/$img:1")
  dp=$(seconds "${DD[@]}" pull -q "$A/bench/$img:1")
  awk -v i="$img" -v w="$wp" -v d="$dp" -v b="$bytes" 'BEGIN {printf "| %s | pull | %.2f | %.2f | %.0f | %.0f | %.2f× |\n", i, w, d, b/1048576/w, b/1048576/d, d/w}'
  "${W[@]}" tag "$A/bench/$img:1" "$B/bench/$img:1"; "${DD[@]}" tag "$A/bench/$img:1" "$B/bench/$img:1"
  empty_target; wu=$(seconds "${W[@]}" push -q "$B/bench/$img:1")
  empty_target; du=$(seconds "${DD[@]}" push -q "$B/bench/$img:1")
  awk -v i="$img" -v w="$wu" -v d="$du" -v b="$bytes" 'BEGIN {printf "| %s | push | %.2f | %.2f | %.0f | %.0f | %.2f× |\n", i, w, d, b/1048576/w, b/1048576/d, d/w}'
done
