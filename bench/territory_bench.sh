#!/usr/bin/env bash
# The territory benchmark (issue 3): 100,000 employees over 10,000 org units 8 levels deep with
# years of assignment history. Reads of the org through the host over HTTP (subtree, manager
# chain, the org as of a past date) and the CSV import of 100,000 employees, each against the
# same operation in raw SQL on the same SQLite file in the same run. Prints a table with the
# ratios (cadre time / raw SQL time).
#
# Usage: bench/territory_bench.sh BUILD_DIR
#   BUILD_DIR holds bin/cadre, lib/cadre/plugins (the territory plugin) and
#   bench/cadre_bench_territory (cmake --build BUILD_DIR --target cadre cadre_territory
#   cadre_bench_territory).
# Settings (environment):
#   BENCH_ROUNDS         rounds of the reads, the median is shown    (default 5)
#   BENCH_IMPORT_ROUNDS  rounds of the import (each adds 200,000 people) (default 3)
#   BENCH_KEEP=1         keep the work folder (the database) afterwards
# Everything listens on and connects to 127.0.0.1 only; every process started here is stopped
# on exit; every step has a time limit.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 64
fi
build_dir=$(cd "$1" && pwd)
cadre=$build_dir/bin/cadre
tool=$build_dir/bench/cadre_bench_territory
for exe in "$cadre" "$tool"; do
  [ -x "$exe" ] || { echo "territory_bench: $exe is missing; build the targets cadre cadre_territory cadre_bench_territory" >&2; exit 1; }
done
command -v curl >/dev/null || { echo "territory_bench: curl is not installed" >&2; exit 1; }

rounds=${BENCH_ROUNDS:-5}
import_rounds=${BENCH_IMPORT_ROUNDS:-3}
password='password-of-12+'

bench_name=territory_bench
source "$(dirname "$0")/bench_support.sh"
bench_work cadre-territory-bench

db_file=$work/territory.db
port=$(free_port)
settings=(--set "db.url=sqlite:$db_file" --set log.level=warning --set http.address=127.0.0.1
  --set "http.port=$port" --set http.maxBodyBytes=67108864)

echo "territory_bench: setting up in $work" >&2
timeout 60 "$cadre" migrate "${settings[@]}" >"$work/migrate.log" 2>&1 ||
  { echo "territory_bench: cadre migrate failed:" >&2; cat "$work/migrate.log" >&2; exit 1; }
timeout 120 "$tool" generate "$db_file"
printf '%s\n' "$password" | timeout 60 "$cadre" user add benchhr --role hr "${settings[@]}" \
  >"$work/user-add.log" 2>&1 ||
  { echo "territory_bench: cadre user add failed:" >&2; cat "$work/user-add.log" >&2; exit 1; }

"$cadre" serve "${settings[@]}" >"$work/cadre.log" 2>&1 &
pids+=($!)
for _ in $(seq 200); do
  [ "$(curl -s -o /dev/null -m 1 -w '%{http_code}' "http://127.0.0.1:$port/healthz" || true)" = 200 ] && break
  kill -0 "${pids[-1]}" 2>/dev/null || { echo "territory_bench: cadre exited while starting:" >&2; cat "$work/cadre.log" >&2; exit 1; }
  sleep 0.1
done

login=$(curl -s -m 30 -X POST -H 'Content-Type: application/json' \
  --data "{\"username\":\"benchhr\",\"password\":\"$password\"}" \
  "http://127.0.0.1:$port/api/v1/auth/login")
token=$(printf '%s' "$login" | sed -n 's/.*"token" *: *"\([A-Za-z0-9_-]*\)".*/\1/p')
[ -n "$token" ] || { echo "territory_bench: login gave no token: $login" >&2; exit 1; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "cadre territory benchmark: median of $rounds round(s) of the reads, $import_rounds of the import"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); load average before $load_before"
status=0
timeout 1800 "$tool" run "$db_file" "$port" "$token" "$rounds" "$import_rounds" "$work" || status=$?
echo "load average after $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
