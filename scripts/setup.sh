#!/usr/bin/env bash
# Installs the Debian 12 packages Cadre needs when any is missing, then configures and builds.
# Usage: scripts/setup.sh [BUILD_DIR] [extra cmake args...]
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config clang-format
  libpoco-dev libboost-dev libboost-filesystem-dev libssl-dev libldap2-dev unixodbc-dev
  libsqlite3-dev libpq-dev googletest libgtest-dev libgmock-dev libgoogle-perftools-dev
  postgresql sqlite3 unixodbc slapd ldap-utils openssl python3-aiosmtpd
  wrk curl nodejs npm chromium
)

missing=()
for p in "${packages[@]}"; do
  # A Node.js from outside Debian (NodeSource's nodejs "Provides: npm" and conflicts with Debian's
  # npm package) already brings npm; asking apt for Debian's npm then fails the whole install.
  if [ "$p" = npm ] && command -v npm >/dev/null; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

build_dir=${1:-build}
shift || true
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
