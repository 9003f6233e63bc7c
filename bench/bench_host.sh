# Sourced by the benchmarks that time a cadre host against a tool of their own on one SQLite
# file (territory_bench.sh, recruiting_bench.sh): the set-up they share. Everything listens on
# and connects to 127.0.0.1 only; every process started here is stopped on exit; every step has
# a time limit. The work folder, the processes and the ports come from bench_support.sh.

source "$(dirname "${BASH_SOURCE[0]}")/bench_support.sh"

# bench_start NAME BUILD_DIR TOOL TARGETS: checks BUILD_DIR/bin/cadre and BUILD_DIR/bench/TOOL
# (naming the TARGETS to build when missing) and curl; sets build_dir, cadre, tool, a new
# folder `work` and `pids`; on exit stops every process in `pids` and removes `work` (kept with
# BENCH_KEEP=1).
bench_start() {
  bench_name=$1
  build_dir=$(cd "$2" && pwd)
  cadre=$build_dir/bin/cadre
  tool=$build_dir/bench/$3
  local exe
  for exe in "$cadre" "$tool"; do
    [ -x "$exe" ] || { echo "$bench_name: $exe is missing; build the targets $4" >&2; exit 1; }
  done
  command -v curl >/dev/null || { echo "$bench_name: curl is not installed" >&2; exit 1; }
  bench_work "cadre-${bench_name//_/-}"
}

# bench_host_up DB_FILE [--set KEY=VALUE]...: on a free port, `cadre migrate` a new SQLite file
# (with the plugins of the build), `TOOL generate DB_FILE` (the fixture), the user benchhr (role
# hr), `cadre serve` until /healthz answers, and a login. Sets `port` and `token`.
bench_host_up() {
  local db_file=$1 password='password-of-12+'
  shift
  port=$(free_port)
  local settings=(--set "db.url=sqlite:$db_file" --set log.level=warning
    --set http.address=127.0.0.1 --set "http.port=$port" "$@")
  echo "$bench_name: setting up in $work" >&2
  timeout 60 "$cadre" migrate "${settings[@]}" >"$work/migrate.log" 2>&1 ||
    { echo "$bench_name: cadre migrate failed:" >&2; cat "$work/migrate.log" >&2; exit 1; }
  timeout 120 "$tool" generate "$db_file"
  printf '%s\n' "$password" | timeout 60 "$cadre" user add benchhr --role hr "${settings[@]}" \
    >"$work/user-add.log" 2>&1 ||
    { echo "$bench_name: cadre user add failed:" >&2; cat "$work/user-add.log" >&2; exit 1; }

  "$cadre" serve "${settings[@]}" >"$work/cadre.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 200); do
    [ "$(curl -s -o /dev/null -m 1 -w '%{http_code}' "http://127.0.0.1:$port/healthz" || true)" = 200 ] && break
    kill -0 "${pids[-1]}" 2>/dev/null || { echo "$bench_name: cadre exited while starting:" >&2; cat "$work/cadre.log" >&2; exit 1; }
    sleep 0.1
  done

  local login
  login=$(curl -s -m 30 -X POST -H 'Content-Type: application/json' \
    --data "{\"username\":\"benchhr\",\"password\":\"$password\"}" \
    "http://127.0.0.1:$port/api/v1/auth/login")
  token=$(printf '%s' "$login" | sed -n 's/.*"token" *: *"\([A-Za-z0-9_-]*\)".*/\1/p')
  [ -n "$token" ] || { echo "$bench_name: login gave no token: $login" >&2; exit 1; }
}

# bench_run TITLE TOOL_ARGS...: prints TITLE, the machine and the load, runs `TOOL TOOL_ARGS…`
# (30 minutes at most), prints the load again and exits with the tool's status.
bench_run() {
  echo "$1"
  shift
  echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); load average before $(cut -d' ' -f1-3 /proc/loadavg)"
  local status=0
  timeout 1800 "$tool" "$@" || status=$?
  echo "load average after $(cut -d' ' -f1-3 /proc/loadavg)"
  exit "$status"
}
