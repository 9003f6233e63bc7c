#!/usr/bin/env bash
# The recruiting benchmark (issue 4): the pipeline board and the funnel of a requisition with
# 50,000 applications (and the funnel of all 21 requisitions, 60,000 applications), read from
# the host over HTTP, against the same figures computed by raw SQL on the same SQLite file in
# the same run. Prints a table with the ratios (cadre time / raw SQL time) and fails when the
# figures differ.
#
# Usage: bench/recruiting_bench.sh BUILD_DIR
#   BUILD_DIR holds bin/cadre, lib/cadre/plugins (the territory and recruiting plugins) and
#   bench/cadre_bench_recruiting (cmake --build BUILD_DIR --target cadre cadre_territory
#   cadre_recruiting cadre_bench_recruiting).
# Settings (environment):
#   BENCH_ROUNDS  rounds, the median is shown (default 5)
#   BENCH_KEEP=1  keep the work folder (the database) afterwards
# Everything listens on and connects to 127.0.0.1 only; every process started here is stopped
# on exit; every step has a time limit.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 64
fi
source "$(dirname "$0")/bench_host.sh"
bench_start recruiting_bench "$1" cadre_bench_recruiting \
  "cadre cadre_territory cadre_recruiting cadre_bench_recruiting"
rounds=${BENCH_ROUNDS:-5}
db_file=$work/recruiting.db
bench_host_up "$db_file"
bench_run "cadre recruiting benchmark: median of $rounds round(s)" \
  run "$db_file" "$port" "$token" "$rounds"
