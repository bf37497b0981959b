# Sourced: installs what Wharf needs from Debian when it is missing (idempotent; root only).
WHARF_APT_PACKAGES="runc conmon iptables containernetworking-plugins busybox-static iproute2 procps tini docker-compose skopeo openssl docker-registry apache2-utils curl"

wharf_install_prereqs() {
  local missing=() pkg
  for pkg in $WHARF_APT_PACKAGES; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  # The tests also drive the real docker CLI; Debian's docker.io brings one when none is on the PATH.
  if [ "${WHARF_NEED_DOCKER_CLI:-0}" = 1 ] && ! command -v docker >/dev/null 2>&1; then
    missing+=(docker.io)
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    echo "==> apt-get install ${missing[*]}"
    apt-get update -qq
    # policy-rc.d keeps packages from starting services (docker.io would start a dockerd that sets the
    # iptables FORWARD policy to DROP); only the package is wanted.
    local guard=/usr/sbin/policy-rc.d placed=0 status=0
    if [ ! -e "$guard" ]; then printf '#!/bin/sh\nexit 101\n' > "$guard" && chmod +x "$guard" && placed=1; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || status=$?
    if [ "$placed" = 1 ]; then rm -f "$guard"; fi
    return "$status"
  fi
}

wharf_require_root() {
  if [ "$(id -u)" != 0 ]; then
    echo "$0: must run as root (containers need mounts, namespaces and cgroups)" >&2
    exit 1
  fi
}
