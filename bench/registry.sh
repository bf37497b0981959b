#!/usr/bin/env bash
# Pushes and pulls two images with skopeo against `wharf registry` and against the CNCF distribution
# registry (Debian's docker-registry) in one run, each server on its own loopback port and temporary
# root: one image with a single 256 MiB layer, one with 500 small layers. Prints medians (RUNS runs)
# with throughput, beside the machine's own sha256 and disk-write throughput.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
. "$here/scripts/lib/prereqs.sh"
. "$here/scripts/lib/java.sh"
wharf_require_root
WHARF_APT_PACKAGES="$WHARF_APT_PACKAGES docker-registry openssl" wharf_install_prereqs
wharf_find_java
export JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$WHARF_JAVA")")")
[ -f "$here/registry/target/wharf-registry.jar" ] || (cd "$here" && ./mvnw -q -B -DskipTests package)

work=$(mktemp -d /tmp/wharf-registry-bench.XXXXXX)
cleanup() {
  set +e
  [ -n "${wharf_pid:-}" ] && { kill "$wharf_pid"; wait "$wharf_pid"; }
  [ -n "${dist_pid:-}" ] && { kill "$dist_pid"; wait "$dist_pid"; }
  rm -rf "$work"
}
trap cleanup EXIT
export TMPDIR="$work/tmp"
mkdir -p "$TMPDIR"
# Only skopeo gets REGISTRY_AUTH_FILE: distribution reads REGISTRY_* variables as configuration. Each skopeo
# runs in a private mount namespace without its on-disk blob-info cache (/var/lib/containers/cache), which
# would otherwise turn every push after the first into a cross-repository mount.
isolate_cache='if [ -d /var/lib/containers ]; then mount -t tmpfs tmpfs /var/lib/containers; else mount --bind /var/lib /var/lib && mount -o remount,bind,ro /var/lib; fi'
skopeo_copy() {
  REGISTRY_AUTH_FILE="$work/auth.json" unshare --mount --propagation private sh -c "$isolate_cache"' && exec skopeo --insecure-policy copy -q "$@"' \
    skopeo "$@" >/dev/null || { echo "failed: skopeo copy $*" >&2; exit 1; }
}

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# An OCI layout with gzip layers (random content: nothing to gain from compression, and skopeo copies
# gzip layers as they are): $1 dir, $2 number of layers, $3 bytes per layer.
make_image() {
  local dir=$1 count=$2 size=$3 i raw digest diffs="" layers="" sep=""
  mkdir -p "$dir/blobs/sha256"
  for i in $(seq "$count"); do
    head -c "$size" /dev/urandom >"$dir/layer"
    raw=$(sha256sum "$dir/layer" | cut -d' ' -f1)
    gzip -1 "$dir/layer"
    digest=$(sha256sum "$dir/layer.gz" | cut -d' ' -f1)
    mv "$dir/layer.gz" "$dir/blobs/sha256/$digest"
    diffs="$diffs$sep\"sha256:$raw\""
    layers="$layers$sep{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"sha256:$digest\",\"size\":$(stat -c %s "$dir/blobs/sha256/$digest")}"
    sep=,
  done
  printf '{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[%s]}}' "$diffs" >"$dir/config.json"
  local config; config=$(sha256sum "$dir/config.json" | cut -d' ' -f1)
  printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:%s","size":%s},"layers":[%s]}' \
    "$config" "$(stat -c %s "$dir/config.json")" "$layers" >"$dir/manifest.json"
  mv "$dir/config.json" "$dir/blobs/sha256/$config"
  local manifest; manifest=$(sha256sum "$dir/manifest.json" | cut -d' ' -f1)
  printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"latest"}}]}' \
    "$manifest" "$(stat -c %s "$dir/manifest.json")" >"$dir/index.json"
  mv "$dir/manifest.json" "$dir/blobs/sha256/$manifest"
  echo '{"imageLayoutVersion":"1.0.0"}' >"$dir/oci-layout"
}

echo "==> making images in $work"
make_image "$work/big" 1 $((256 << 20))
make_image "$work/small" 500 4096
big_bytes=$(du -sb "$work/big/blobs" | cut -f1)
small_bytes=$(du -sb "$work/small/blobs" | cut -f1)

# Starts $2…, sets ready_ms to the milliseconds until GET /v2/ on port $1 answers, leaves it running as $started_pid.
start_timed() {
  local port=$1 start; shift
  start=$(date +%s%N)
  "$@" >>"$work/start.log" 2>&1 & started_pid=$!
  until curl -s -o /dev/null "http://127.0.0.1:$port/v2/"; do sleep 0.01; done
  ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
}

# wharf registry keeps an AOT cache made on its first runs (record, then assemble in the background), as an
# installed registry would have: make it first, then time a start with it.
echo "==> wharf registry start-up (making its AOT cache first)"
for _ in 1 2; do
  port=$(free_port); start_timed "$port" "$here/bin/wharf" registry serve --addr "127.0.0.1:$port" --root "$work/warm-root"
  kill "$started_pid"; wait "$started_pid" 2>/dev/null || true
done
rlib="$here/registry/target"; [ -f "$rlib/wharf-registry.jar" ] || rlib="$here/lib/registry"
for _ in $(seq 120); do [ "$rlib/wharf-registry.aot" -nt "$rlib/wharf-registry.jar" ] && break; sleep 0.5; done
port=$(free_port); start_timed "$port" "$here/bin/wharf" registry serve --addr "127.0.0.1:$port" --root "$work/warm-root"
wharf_ready=$ready_ms
wharf_start_cpu=$(awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$started_pid/stat")
kill "$started_pid"; wait "$started_pid" 2>/dev/null || true

echo "==> starting both registries"
wharf_port=$(free_port)
"$here/bin/wharf" registry serve --addr "127.0.0.1:$wharf_port" --root "$work/wharf-root" --no-access-log \
  >"$work/wharf.log" 2>&1 & wharf_pid=$!
dist_port=$(free_port)
cat >"$work/distribution.yml" <<YAML
version: 0.1
log: {level: error, accesslog: {disabled: true}}
storage: {filesystem: {rootdirectory: $work/dist-root}, delete: {enabled: true}}
http: {addr: 127.0.0.1:$dist_port}
YAML
/usr/bin/docker-registry serve "$work/distribution.yml" >"$work/distribution.log" 2>&1 & dist_pid=$!
up() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for _ in $(seq 100); do up "$wharf_port" && up "$dist_port" && break; sleep 0.1; done
up "$wharf_port" || { cat "$work/wharf.log" >&2; exit 1; }
up "$dist_port" || { cat "$work/distribution.log" >&2; exit 1; }

# median seconds of RUNS runs of: $1 kind (push|pull), $2 port, $3 image name
median_s() {
  local kind=$1 port=$2 image=$3 times=() i start end
  for i in $(seq "$runs"); do
    rm -rf "$work/pulled"
    start=$(date +%s%N)
    if [ "$kind" = push ]; then
      skopeo_copy --dest-tls-verify=false "oci:$work/$image:latest" "docker://127.0.0.1:$port/bench/$image-$i:1"
    else
      skopeo_copy --src-tls-verify=false "docker://127.0.0.1:$port/bench/$image-$i:1" "dir:$work/pulled"
    fi
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)] / 1e6}'
}

echo "==> the machine's limits"
openssl_sha=$( { TIMEFORMAT=%R; time openssl dgst -sha256 "$work/big/blobs/sha256/"* >/dev/null; } 2>&1 )
sha_mibs=$(awk -v b="$big_bytes" -v t="$openssl_sha" 'BEGIN {printf "%.0f", b / 1048576 / t}')
dd_out=$(dd if=/dev/zero of="$work/dd.test" bs=1M count=256 conv=fdatasync 2>&1 | tail -1); rm -f "$work/dd.test"
disk_mibs=$(awk -v line="$dd_out" 'BEGIN {n = split(line, f, ","); split(f[n-1], t, " "); printf "%.0f", 256 / t[1]}')

printf '\n| operation | wharf registry s | distribution s | wharf MiB/s | distribution MiB/s | wharf/distribution speed |\n|---|---:|---:|---:|---:|---:|\n'
for image in big small; do
  bytes=$big_bytes; [ "$image" = small ] && bytes=$small_bytes
  for kind in push pull; do
    w=$(median_s "$kind" "$wharf_port" "$image") || exit 1
    d=$(median_s "$kind" "$dist_port" "$image") || exit 1
    label="$kind 1×256 MiB"; [ "$image" = small ] && label="$kind 500×4 KiB"
    awk -v l="$label" -v w="$w" -v d="$d" -v b="$bytes" 'BEGIN {
      printf "| %s | %.2f | %.2f | %.0f | %.0f | %.2f× |\n", l, w, d, b / 1048576 / w, b / 1048576 / d, d / w }'
  done
done

# The registries' own speed for one 256 MiB blob, with curl as the client: skopeo spends about a CPU-second
# of its own per 256 MiB (hashing, copying), which caps the table above near 250 MiB/s whatever the server.
# A monolithic upload (POST, then one PUT with the digest) and a GET; each run a fresh blob that neither
# registry has seen, so both store it (no deduplication shortcut).
curl_put() { # $1 port, $2 repository, $3 file
  local loc
  loc=$(curl -sf -o /dev/null -D - -X POST "http://127.0.0.1:$1/v2/$2/blobs/uploads/" | tr -d '\r' |
    awk 'tolower($1) == "location:" {print $2}')
  case "$loc" in http*) ;; *) loc="http://127.0.0.1:$1$loc" ;; esac
  case "$loc" in *\?*) loc="$loc&" ;; *) loc="$loc?" ;; esac
  curl -sf -o /dev/null -H 'Content-Type: application/octet-stream' -T "$3" "${loc}digest=sha256:$(basename "$3")"
}
curl_get() { curl -sf -o /dev/null "http://127.0.0.1:$1/v2/$2/blobs/sha256:$(basename "$3")"; }
elapsed_us() { local start; start=$(date +%s%N); "$@" || { echo "failed: $*" >&2; exit 1; }; echo $(( ($(date +%s%N) - start) / 1000 )); }
declare -A curl_times
for i in $(seq "$runs"); do
  head -c $((256 << 20)) /dev/urandom >"$work/raw-blob"
  blob="$work/$(sha256sum "$work/raw-blob" | cut -d' ' -f1)"; mv "$work/raw-blob" "$blob"
  for who in wharf dist; do
    port=$wharf_port; [ "$who" = dist ] && port=$dist_port
    curl_times[$who-put]+="$(elapsed_us curl_put "$port" "bench/raw-$i" "$blob") "
    curl_times[$who-get]+="$(elapsed_us curl_get "$port" "bench/raw-$i" "$blob") "
  done
  rm -f "$blob"
done
median_of() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)] / 1e6}'; }
limit_mibs=$(( sha_mibs < disk_mibs ? sha_mibs : disk_mibs ))
printf '\n| curl, one 256 MiB blob | wharf registry s | distribution s | wharf MiB/s | distribution MiB/s | wharf/distribution speed | machine limit / wharf |\n|---|---:|---:|---:|---:|---:|---:|\n'
for kind in put get; do
  w=$(median_of "${curl_times[wharf-$kind]}"); d=$(median_of "${curl_times[dist-$kind]}")
  label="upload (POST + PUT)"; [ "$kind" = get ] && label="download (GET)"
  awk -v l="$label" -v w="$w" -v d="$d" -v lim="$limit_mibs" 'BEGIN {
    printf "| %s | %.2f | %.2f | %.0f | %.0f | %.2f× | %.2f× |\n", l, w, d, 256 / w, 256 / d, d / w, lim / (256 / w) }'
done
echo
echo "machine: sha256 (openssl, one core) ${sha_mibs} MiB/s; disk write (dd 256 MiB, fdatasync) ${disk_mibs} MiB/s; $(nproc) cores"
echo "start-up to the first answer of GET /v2/: wharf registry ${wharf_ready} ms (${wharf_start_cpu} s CPU)"
echo "registries' CPU for the whole run: wharf registry $(awk '{printf "%.2f", ($14 + $15) / 100}' /proc/$wharf_pid/stat) s;" \
  "distribution $(awk '{printf "%.2f", ($14 + $15) / 100}' /proc/$dist_pid/stat) s"
echo "wharf registry RSS after the run: $(( $(awk '/VmRSS/ {print $2}' /proc/$wharf_pid/status) / 1024 )) MiB;" \
  "distribution: $(( $(awk '/VmRSS/ {print $2}' /proc/$dist_pid/status) / 1024 )) MiB"
