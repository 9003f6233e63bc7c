#!/usr/bin/env bash
# Throughput and p99 latency of the host's GET /healthz and of an authenticated JSON read
# (GET /api/v1/auth/me with a bearer token), against a bare Poco HTTPServer that answers a
# constant (bench/bare_server.cpp) measured in the same run. Prints a table with the ratios.
#
# Usage: bench/http_bench.sh BUILD_DIR
#   BUILD_DIR holds bin/cadre and bench/cadre_bench_bare_server (cmake --build BUILD_DIR
#   --target cadre cadre_bench_bare_server).
# Settings (environment):
#   BENCH_DURATION   seconds per wrk run                       (default 10)
#   BENCH_ROUNDS     rounds; each round runs bare, healthz, me  (default 3; the median is shown)
#   BENCH_THREADS    server threads, host and bare alike        (default 16, the host's default)
#   BENCH_CONNECTIONS wrk connections                          (default = BENCH_THREADS, see README)
#   BENCH_WRK_THREADS wrk threads                               (default 2)
#   BENCH_SESSION_CACHE_MS session.cacheMillis for the host     (default: the host's, 1000;
#                    0 looks every session up in the database)
#   BENCH_VERBOSE=1  also print every wrk report
# Everything listens on and connects to 127.0.0.1 only; every process started here is stopped
# on exit; every step has a time limit.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 64
fi
build_dir=$(cd "$1" && pwd)
cadre=$build_dir/bin/cadre
bare=$build_dir/bench/cadre_bench_bare_server
for exe in "$cadre" "$bare"; do
  [ -x "$exe" ] || { echo "http_bench: $exe is missing; build the targets cadre and cadre_bench_bare_server" >&2; exit 1; }
done
command -v wrk >/dev/null || { echo "http_bench: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
command -v curl >/dev/null || { echo "http_bench: curl is not installed" >&2; exit 1; }

duration=${BENCH_DURATION:-10}
rounds=${BENCH_ROUNDS:-3}
server_threads=${BENCH_THREADS:-16}
connections=${BENCH_CONNECTIONS:-$server_threads}
wrk_threads=${BENCH_WRK_THREADS:-2}
password='password-of-12+'

bench_name=http_bench
source "$(dirname "$0")/bench_support.sh"
bench_work cadre-bench

# Waits up to 20 s until URL answers 200.
wait_ready() {
  local url=$1 name=$2 pid=$3
  for _ in $(seq 200); do
    if [ "$(curl -s -o /dev/null -m 1 -w '%{http_code}' "$url" || true)" = 200 ]; then return 0; fi
    kill -0 "$pid" 2>/dev/null || { echo "http_bench: $name exited while starting; its log:" >&2; cat "$work/$name.log" >&2; return 1; }
    sleep 0.1
  done
  echo "http_bench: $name did not answer $url within 20 s; its log:" >&2
  cat "$work/$name.log" >&2
  return 1
}

db_url="sqlite:$work/bench.db"
bare_port=$(free_port)
host_port=$(free_port)
while [ "$host_port" = "$bare_port" ]; do host_port=$(free_port); done
host_settings=(--set "db.url=$db_url" --set log.level=warning --set http.address=127.0.0.1
  --set "http.threads=$server_threads")
if [ -n "${BENCH_SESSION_CACHE_MS:-}" ]; then
  host_settings+=(--set "session.cacheMillis=$BENCH_SESSION_CACHE_MS")
fi

echo "http_bench: setting up in $work" >&2
# The user first (this also creates and migrates the database), then the servers.
printf '%s\n' "$password" | timeout 60 "$cadre" user add benchuser --role employee \
  "${host_settings[@]}" >"$work/user-add.log" 2>&1 ||
  { echo "http_bench: cadre user add failed:" >&2; cat "$work/user-add.log" >&2; exit 1; }

"$bare" "$bare_port" "$server_threads" >"$work/bare.log" 2>&1 &
pids+=($!)
wait_ready "http://127.0.0.1:$bare_port/" bare "${pids[-1]}"

"$cadre" serve "${host_settings[@]}" --set "http.port=$host_port" >"$work/cadre.log" 2>&1 &
pids+=($!)
wait_ready "http://127.0.0.1:$host_port/healthz" cadre "${pids[-1]}"

login=$(curl -s -m 30 -X POST -H 'Content-Type: application/json' \
  --data "{\"username\":\"benchuser\",\"password\":\"$password\"}" \
  "http://127.0.0.1:$host_port/api/v1/auth/login")
token=$(printf '%s' "$login" | sed -n 's/.*"token" *: *"\([A-Za-z0-9_-]*\)".*/\1/p')
[ -n "$token" ] || { echo "http_bench: login gave no token: $login" >&2; exit 1; }

me_url="http://127.0.0.1:$host_port/api/v1/auth/me"
me_status=$(curl -s -o "$work/me.json" -m 5 -w '%{http_code}' -H "Authorization: Bearer $token" "$me_url")
[ "$me_status" = 200 ] || { echo "http_bench: GET /api/v1/auth/me answered $me_status" >&2; exit 1; }
grep -q '"benchuser"' "$work/me.json" || { echo "http_bench: /api/v1/auth/me did not name benchuser: $(cat "$work/me.json")" >&2; exit 1; }

# name → wrk arguments
declare -A target_url=(
  [bare]="http://127.0.0.1:$bare_port/"
  [healthz]="http://127.0.0.1:$host_port/healthz"
  [me]="$me_url"
)
declare -A target_label=(
  [bare]="bare Poco server, constant JSON"
  [healthz]="cadre GET /healthz"
  [me]="cadre GET /api/v1/auth/me (bearer)"
)
order=(bare healthz me)

# Runs wrk once; prints "REQ_PER_SEC P99_MS". Fails on socket errors or non-2xx answers, which
# would make the figures meaningless.
run_wrk() {
  local name=$1 out=$work/wrk-$1-$2.txt
  local args=(-t "$wrk_threads" -c "$connections" -d "${duration}s" --timeout 2s --latency)
  [ "$name" = me ] && args+=(-H "Authorization: Bearer $token")
  timeout $((duration + 30)) wrk "${args[@]}" "${target_url[$name]}" >"$out" 2>&1 ||
    { echo "http_bench: wrk failed on $name:" >&2; cat "$out" >&2; return 1; }
  [ "${BENCH_VERBOSE:-0}" = 1 ] && { echo "--- $name, round $2" >&2; cat "$out" >&2; }
  if grep -qE 'Non-2xx|Socket errors' "$out"; then
    echo "http_bench: $name had errors or non-2xx answers:" >&2
    cat "$out" >&2
    return 1
  fi
  awk '
    /Requests\/sec:/ { rps = $2 }
    $1 == "99%" {
      v = $2
      if (v ~ /us$/) { sub(/us$/, "", v); p99 = v / 1000 }
      else if (v ~ /ms$/) { sub(/ms$/, "", v); p99 = v }
      else if (v ~ /s$/) { sub(/s$/, "", v); p99 = v * 1000 }
      else if (v ~ /m$/) { sub(/m$/, "", v); p99 = v * 60000 }
    }
    END {
      if (rps == "" || p99 == "") exit 1
      printf "%s %.3f\n", rps, p99
    }' "$out"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A rps_runs p99_runs
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "http_bench: $rounds round(s) of ${duration}s per target, $connections connections, $wrk_threads wrk threads, $server_threads server threads" >&2
# Warm-up: connections, pools and caches on both servers.
for name in "${order[@]}"; do
  auth_args=()
  [ "$name" = me ] && auth_args=(-H "Authorization: Bearer $token")
  timeout 30 wrk -t1 -c"$connections" -d2s "${auth_args[@]}" "${target_url[$name]}" >/dev/null 2>&1 || true
done
for round in $(seq "$rounds"); do
  for name in "${order[@]}"; do
    read -r rps p99 < <(run_wrk "$name" "$round")
    [ -n "${rps:-}" ] || { echo "http_bench: no figures for $name" >&2; exit 1; }
    rps_runs[$name]+="$rps "
    p99_runs[$name]+="$p99 "
    echo "  round $round  $name  $rps req/s  p99 $p99 ms" >&2
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

declare -A rps_med p99_med
for name in "${order[@]}"; do
  rps_med[$name]=$(tr ' ' '\n' <<<"${rps_runs[$name]}" | grep . | median)
  p99_med[$name]=$(tr ' ' '\n' <<<"${p99_runs[$name]}" | grep . | median)
done

echo
echo "cadre HTTP benchmark: wrk -t$wrk_threads -c$connections -d${duration}s --latency, median of $rounds round(s)"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); load average before $load_before, after $load_after"
printf '%-38s %12s %10s %12s %10s\n' target 'req/s' 'p99 ms' 'req/s ratio' 'p99 ratio'
for name in "${order[@]}"; do
  awk -v label="${target_label[$name]}" -v r="${rps_med[$name]}" -v p="${p99_med[$name]}" \
    -v br="${rps_med[bare]}" -v bp="${p99_med[bare]}" \
    'BEGIN { printf "%-38s %12.0f %10.2f %12.2f %10.2f\n", label, r, p, r / br, p / bp }'
done
verdict=$(awk -v r="${rps_med[me]}" -v br="${rps_med[bare]}" 'BEGIN { print (r >= br / 2) ? "met" : "NOT met" }')
echo "goal (authenticated read >= 0.5 x bare throughput): $verdict"
