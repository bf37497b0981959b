#!/usr/bin/env bash
# Runs the whole test suite as root: unit tests and the end-to-end tests, which start their own wharfd
# on a temporary socket and data root and run real containers. Installs what the tests need first.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/scripts/lib/prereqs.sh"
. "$here/scripts/lib/java.sh"
wharf_require_root
WHARF_NEED_DOCKER_CLI=1 wharf_install_prereqs
wharf_find_java
export JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$WHARF_JAVA")")")
cd "$here"
exec ./mvnw -B -ntp verify "$@"
