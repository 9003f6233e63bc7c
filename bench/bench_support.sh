# Sourced by the benchmark scripts: a work folder that goes, with every process the script
# started, when the script ends; and free loopback ports. The script sets `bench_name` (its
# name in messages) before calling bench_work.

# Makes the folder $work and empties $pids (the script adds each process it starts). On exit,
# every process in $pids gets SIGTERM, then SIGKILL after 5 s, and the folder is removed unless
# BENCH_KEEP=1.
bench_work() {
  work=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
  pids=()
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
}

bench_cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    # Give each a few seconds to stop on its own, then insist.
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "$bench_name: kept $work" >&2; else rm -rf "$work"; fi
}

# A loopback port nothing answers on (random, so parallel runs rarely collide).
free_port() {
  local port
  for _ in $(seq 100); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "$bench_name: no free loopback port found" >&2
  return 1
}
