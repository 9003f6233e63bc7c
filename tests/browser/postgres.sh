# Sourced by run.sh when CADRE_BROWSER_DB=postgres: a PostgreSQL cluster of Debian's package in
# the scratch folder, listening on 127.0.0.1 and a free port only, with the role cadre and the
# database cadre. As root, initdb and pg_ctl run as the postgres user (they refuse root).

# pg_up SCRATCH: starts the cluster; sets db_url.
pg_up() {
  local scratch=$1 bin owner=() pg_port
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -x "$bin/initdb" ] ||
    { echo "run.sh: no PostgreSQL in /usr/lib/postgresql (scripts/setup.sh installs it)" >&2; exit 1; }
  pg_bin=$bin
  pg_dir=$scratch/pg
  mkdir -p "$pg_dir"
  if [ "$(id -u)" -eq 0 ]; then
    chmod a+x "$scratch"  # mktemp's 0700 would keep the postgres user out
    chown postgres: "$pg_dir"
    owner=(/usr/sbin/runuser -u postgres --)
  fi
  pg_owner=("${owner[@]}")
  printf 'secret\n' >"$pg_dir/password"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$pg_dir/password"
  "${owner[@]}" "$bin/initdb" -D "$pg_dir/data" -U cadre --pwfile="$pg_dir/password" \
    --auth=scram-sha-256 -E UTF8 --no-locale >"$pg_dir/initdb.log" 2>&1 ||
    { echo "run.sh: initdb failed:" >&2; tail -n 20 "$pg_dir/initdb.log" >&2; exit 1; }
  pg_port=$(node -e "const s = require('net').createServer();
s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });")
  "${owner[@]}" "$bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $pg_port -c unix_socket_directories=$pg_dir" \
    start >"$pg_dir/pg_ctl.log" 2>&1 ||
    { echo "run.sh: PostgreSQL did not start:" >&2; tail -n 20 "$pg_dir/server.log" >&2; exit 1; }
  PGPASSWORD=secret "$bin/psql" -h 127.0.0.1 -p "$pg_port" -U cadre -d postgres -q \
    -c "CREATE DATABASE cadre" >/dev/null ||
    { echo "run.sh: CREATE DATABASE failed" >&2; exit 1; }
  db_url="postgresql://cadre:secret@127.0.0.1:$pg_port/cadre"
}

# pg_down: stops the cluster started by pg_up, if any.
pg_down() {
  [ -n "${pg_dir:-}" ] && [ -d "$pg_dir/data" ] || return 0
  "${pg_owner[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
}
