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
source "$(dirname "$0")/bench_host.sh"
bench_start territory_bench "$1" cadre_bench_territory \
  "cadre cadre_territory cadre_bench_territory"
rounds=${BENCH_ROUNDS:-5}
import_rounds=${BENCH_IMPORT_ROUNDS:-3}
db_file=$work/territory.db
# The import posts a CSV of about 10 MB.
bench_host_up "$db_file" --set http.maxBodyBytes=67108864
bench_run "cadre territory benchmark: median of $rounds round(s) of the reads, $import_rounds of the import" \
  run "$db_file" "$port" "$token" "$rounds" "$import_rounds" "$work"
