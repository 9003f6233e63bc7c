#!/usr/bin/env bash
# Runs the browser and HTTP suite against a real `cadre serve` on a fresh SQLite file (or, with
# CADRE_BROWSER_DB=postgres, a PostgreSQL cluster of its own: postgres.sh): installs
# the pinned npm packages when needed, creates an admin, an employee, an HR user, a manager and a
# second employee (the recruiting walk-through's hiring manager and new hire), starts the
# host on a free loopback port, runs every *_test.mjs with node's test runner, then stops the host
# and removes the scratch folder.
# Usage: tests/browser/run.sh BUILD_DIR
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
if [ $# -ne 1 ]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 64
fi
build=$(cd "$1" && pwd)
cadre="$build/bin/cadre"
chromium=${CADRE_CHROMIUM:-/usr/bin/chromium}
[ -x "$cadre" ] || { echo "run.sh: $cadre is missing; build first (scripts/setup.sh)" >&2; exit 1; }
[ -x "$chromium" ] || { echo "run.sh: $chromium is missing; apt-get install chromium" >&2; exit 1; }

# npm ci only when node_modules is missing or was installed from another lock file.
stamp="$here/node_modules/.cadre-lock-sha256"
lock_sum=$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$lock_sum" >"$stamp"
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/cadre-browser.XXXXXX")
server_pid=
cleanup() {
  local status=$?
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ] && [ -s "$scratch/cadre.log" ]; then
    echo "--- cadre serve output (last 40 lines) ---" >&2
    tail -n 40 "$scratch/cadre.log" >&2
  fi
  if declare -F pg_down >/dev/null; then pg_down; fi
  if [ -n "${CADRE_KEEP_SCRATCH:-}" ]; then
    echo "run.sh: kept $scratch" >&2
  else
    rm -rf "$scratch"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port=$(node -e "const s = require('net').createServer();
s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });")
# CADRE_BROWSER_DB=postgres runs the host on a PostgreSQL cluster of its own (postgres.sh).
db_url="sqlite:$scratch/cadre.db"
if [ "${CADRE_BROWSER_DB:-sqlite}" = postgres ]; then
  source "$here/postgres.sh"
  pg_up "$scratch"
fi
settings=(--set "db.url=$db_url" --set log.level=warning)
password() { node -e "console.log(require('crypto').randomBytes(18).toString('base64url'))"; }

export CADRE_URL="http://127.0.0.1:$port"
export CADRE_BIN="$cadre"
export CADRE_SCRATCH="$scratch"
export CADRE_CHROMIUM="$chromium"
export CADRE_ADMIN_USER=ada CADRE_ADMIN_NAME="Ada Lovelace" CADRE_ADMIN_PASSWORD=$(password)
export CADRE_EMPLOYEE_USER=emil CADRE_EMPLOYEE_NAME="Emil Weber" CADRE_EMPLOYEE_PASSWORD=$(password)
export CADRE_HR_USER=hana CADRE_HR_NAME="Hana Ito" CADRE_HR_PASSWORD=$(password)
export CADRE_MANAGER_USER=mona CADRE_MANAGER_NAME="Mona Berg" CADRE_MANAGER_PASSWORD=$(password)
export CADRE_NEW_HIRE_USER=linh CADRE_NEW_HIRE_NAME="Linh Vũ" CADRE_NEW_HIRE_PASSWORD=$(password)

printf '%s\n' "$CADRE_ADMIN_PASSWORD" |
  "$cadre" user add "$CADRE_ADMIN_USER" --role admin --name "$CADRE_ADMIN_NAME" "${settings[@]}" >/dev/null
printf '%s\n' "$CADRE_EMPLOYEE_PASSWORD" |
  "$cadre" user add "$CADRE_EMPLOYEE_USER" --role employee --name "$CADRE_EMPLOYEE_NAME" \
    "${settings[@]}" >/dev/null
printf '%s\n' "$CADRE_HR_PASSWORD" |
  "$cadre" user add "$CADRE_HR_USER" --role hr --name "$CADRE_HR_NAME" "${settings[@]}" >/dev/null
printf '%s\n' "$CADRE_MANAGER_PASSWORD" |
  "$cadre" user add "$CADRE_MANAGER_USER" --role manager --name "$CADRE_MANAGER_NAME" \
    "${settings[@]}" >/dev/null
printf '%s\n' "$CADRE_NEW_HIRE_PASSWORD" |
  "$cadre" user add "$CADRE_NEW_HIRE_USER" --role employee --name "$CADRE_NEW_HIRE_NAME" \
    "${settings[@]}" >/dev/null

"$cadre" serve --set http.address=127.0.0.1 --set "http.port=$port" "${settings[@]}" \
  >"$scratch/cadre.log" 2>&1 </dev/null &
server_pid=$!

for _ in $(seq 150); do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "run.sh: cadre serve exited before it answered /healthz" >&2
    exit 1
  fi
  if node -e "fetch(process.env.CADRE_URL + '/healthz').then((r) => process.exit(r.ok ? 0 : 1),
      () => process.exit(1))" 2>/dev/null; then
    break
  fi
  sleep 0.1
done
node -e "fetch(process.env.CADRE_URL + '/healthz').then((r) => process.exit(r.ok ? 0 : 1),
    () => process.exit(1))" || { echo "run.sh: /healthz did not answer 200 within 15 s" >&2; exit 1; }

cd "$here"
# CADRE_BROWSER_TESTS (e.g. "recruiting_test.mjs") runs only those files.
# shellcheck disable=SC2086
node --test --test-reporter=spec --test-concurrency=1 --test-timeout=120000 \
  ${CADRE_BROWSER_TESTS:-./*_test.mjs}
