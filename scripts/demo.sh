#!/usr/bin/env bash
# Installs what is missing, builds, seeds the demo on SQLite and serves it.
# The admin login is printed on the console. Stop with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
mkdir -p var
build/bin/cadre demo --set db.url=sqlite:var/demo.db "$@"
exec build/bin/cadre serve --set db.url=sqlite:var/demo.db "$@"
