#!/usr/bin/env bash
# The LDAP benchmark (issue 5): a full sync of 100,000 directory entries into an empty Cadre, then
# an incremental sync after 1,000 changes, each against `ldapsearch` dumping the same entries
# (same filter, same attributes, same page size, same bind account) from the same slapd in the
# same run. Prints the times and the ratios (cadre time / ldapsearch time); the goal for the full
# sync is a ratio of at most 3.
#
# Usage: bench/ldap_bench.sh BUILD_DIR
#   BUILD_DIR holds bin/cadre and lib/cadre/plugins with the territory and ldap plugins
#   (cmake --build BUILD_DIR --target cadre cadre_territory cadre_ldap).
# Settings (environment):
#   BENCH_ENTRIES   directory entries (default 100000)
#   BENCH_CHANGES   entries changed before the incremental sync (default 1000)
#   BENCH_PAGE      page size of both readers (default 500, the server's size limit)
#   BENCH_KEEP=1    keep the work folder (slapd's data, the database, the logs) afterwards
#   BENCH_WRAP      a command the timed `cadre sync ldap` runs under, word-split (e.g.
#                   "perf record -g -o /tmp/sync.perf"); it adds its own cost to the time
# Everything listens on and connects to 127.0.0.1 only; every process started here is stopped
# on exit; every step has a time limit.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 64
fi
build_dir=$(cd "$1" && pwd)
cadre=$build_dir/bin/cadre
plugins=$build_dir/lib/cadre/plugins
[ -x "$cadre" ] || { echo "ldap_bench: $cadre is missing; build the target cadre" >&2; exit 1; }
for plugin in territory ldap; do
  [ -f "$plugins/$plugin.so" ] || { echo "ldap_bench: $plugins/$plugin.so is missing; build cadre_$plugin" >&2; exit 1; }
done
for tool in /usr/sbin/slapd /usr/sbin/slapadd ldapsearch ldapmodify curl; do
  command -v "$tool" >/dev/null || { echo "ldap_bench: $tool is not installed (slapd, ldap-utils, curl)" >&2; exit 1; }
done

entries=${BENCH_ENTRIES:-100000}
changes=${BENCH_CHANGES:-1000}
page=${BENCH_PAGE:-500}
base=dc=example,dc=com
people=ou=people,$base
service_dn=cn=cadre-sync,$base
service_pw=sync-secret
password='password-of-12+'
# What the connector reads with the OpenLDAP profile (LdapSettings::syncAttributes).
attributes=(employeeNumber givenName sn displayName mail telephoneNumber title departmentNumber
  manager entryUUID uid modifyTimestamp)

bench_name=ldap_bench
source "$(dirname "$0")/bench_support.sh"
bench_work cadre-ldap-bench

fail() {
  echo "ldap_bench: $1:" >&2
  cat "$2" >&2
  exit 1
}

# Seconds since the epoch with milliseconds.
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# --- the directory: slapd with a size limit, filled with slapadd -----------------------------
echo "ldap_bench: generating $entries entries in $work" >&2
mkdir -p "$work/db"
cat >"$work/slapd.conf" <<EOF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
pidfile $work/slapd.pid
argsfile $work/slapd.args
modulepath /usr/lib/ldap
moduleload back_mdb
sizelimit size.soft=$page size.hard=$page size.prtotal=unlimited
database mdb
suffix "$base"
rootdn "cn=admin,$base"
rootpw secret
directory $work/db
maxsize 4294967296
index objectClass,entryUUID eq
index uid eq
index modifyTimestamp eq
access to attrs=userPassword by anonymous auth by * none
access to * by users read by * none
EOF
# People report to the person whose number is theirs divided by ten (user1 to user9 to user1,
# who reports to no one): a manager tree five levels deep, resolved after everything is read.
# Entry i was last changed i seconds after 2020-01-01, as a directory's entries change over
# time; without that, every entry would share the watermark's second and an incremental run
# (which reads from the watermark less ldap.overlapSeconds) would read them all again.
epoch=$(date -u -d 2020-01-01 +%s)
awk -v n="$entries" -v base="$base" -v people="$people" -v service="$service_dn" -v pw="$service_pw" \
  -v epoch="$epoch" 'BEGIN {
  printf "dn: %s\nobjectClass: dcObject\nobjectClass: organization\ndc: example\no: Example\n\n", base
  printf "dn: %s\nobjectClass: organizationalRole\nobjectClass: simpleSecurityObject\ncn: cadre-sync\nuserPassword: %s\n\n", service, pw
  printf "dn: %s\nobjectClass: organizationalUnit\nou: people\n\n", people
  for (i = 1; i <= n; i++) {
    printf "dn: uid=user%d,%s\nobjectClass: inetOrgPerson\nuid: user%d\n", i, people, i
    printf "cn: Given%d Family%d\ngivenName: Given%d\nsn: Family%d\ndisplayName: Given%d Family%d\n", i, i % 97, i, i % 97, i, i % 97
    printf "employeeNumber: E%d\nmail: user%d@example.com\ntelephoneNumber: +84 28 %07d\n", i, i, i
    printf "title: Sales Representative\ndepartmentNumber: D%d\n", i % 10
    if (i > 1) printf "manager: uid=user%d,%s\n", (i < 10 ? 1 : int(i / 10)), people
    printf "modifyTimestamp: %s\n\n", strftime("%Y%m%d%H%M%SZ", epoch + i, 1)
  }
}' >"$work/data.ldif"
timeout 300 /usr/sbin/slapadd -q -f "$work/slapd.conf" -l "$work/data.ldif" >"$work/slapadd.log" 2>&1 ||
  fail "slapadd failed" "$work/slapadd.log"
ldap_port=$(free_port)
uri=ldap://127.0.0.1:$ldap_port
/usr/sbin/slapd -d 0 -f "$work/slapd.conf" -h "$uri/" >"$work/slapd.log" 2>&1 &
pids+=($!)
slapd_pid=$!
search=(ldapsearch -x -LLL -o ldif-wrap=no -H "$uri" -D "$service_dn" -w "$service_pw" -b "$base"
  -E "pr=$page/noprompt")
for _ in $(seq 100); do
  "${search[@]}" -s base -b "$people" "(objectClass=*)" 1.1 >/dev/null 2>&1 && break
  kill -0 "${pids[-1]}" 2>/dev/null || fail "slapd exited while starting" "$work/slapd.log"
  sleep 0.1
done

# --- an empty Cadre with one org unit for everyone ------------------------------------------
db_url=sqlite:$work/cadre.db
http_port=$(free_port)
settings=(--set "db.url=$db_url" --set "plugins.dir=$plugins" --set log.level=warning
  --set http.address=127.0.0.1 --set "http.port=$http_port")
ldap_settings=(--set "ldap.uri=$uri" --set ldap.tls=none --set "ldap.baseDN=$base"
  --set "ldap.bindDN=$service_dn" --set "ldap.bindPassword=$service_pw"
  --set "ldap.pageSize=$page" --set ldap.defaultOrgUnit=ACME)
printf '%s\n' "$password" | timeout 120 "$cadre" user add benchadmin --role admin "${settings[@]}" \
  >"$work/user-add.log" 2>&1 || fail "cadre user add failed" "$work/user-add.log"
"$cadre" serve "${settings[@]}" >"$work/cadre.log" 2>&1 &
pids+=($!)
for _ in $(seq 300); do
  [ "$(curl -s -o /dev/null -m 1 -w '%{http_code}' "http://127.0.0.1:$http_port/healthz" || true)" = 200 ] && break
  kill -0 "${pids[-1]}" 2>/dev/null || fail "cadre exited while starting" "$work/cadre.log"
  sleep 0.1
done
login=$(curl -s -m 60 -X POST -H 'Content-Type: application/json' \
  --data "{\"username\":\"benchadmin\",\"password\":\"$password\"}" \
  "http://127.0.0.1:$http_port/api/v1/auth/login")
token=$(printf '%s' "$login" | sed -n 's/.*"token" *: *"\([A-Za-z0-9_-]*\)".*/\1/p')
[ -n "$token" ] || { echo "ldap_bench: login gave no token: $login" >&2; exit 1; }
unit=$(curl -s -m 60 -o "$work/unit.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' --data '{"code":"ACME","name":"Acme","type":"company","effectiveDate":"2000-01-01"}' \
  "http://127.0.0.1:$http_port/api/v1/territory/org-units")
[ "$unit" = 201 ] || fail "the org unit was refused ($unit)" "$work/unit.json"

# CPU time, which the machine's load does not stretch as it does wall time: the seconds (user +
# system) slapd has used so far, and those of the waited-for children of the calling subshell.
ticks=$(getconf CLK_TCK)
slapd_cpu() { awk -v t="$ticks" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$slapd_pid/stat"; }
children_cpu() { awk -v t="$ticks" '{ printf "%.2f", ($16 + $17) / t }' "/proc/$BASHPID/stat"; }
# "WALL CPU": the seconds a step took, and the CPU seconds its command and slapd used meanwhile.
step_times() {
  awk -v a="$1" -v b="$2" -v c="$3" -v s0="$4" -v s1="$5" 'BEGIN { printf "%.2f %.2f", b - a, c + s1 - s0 }'
}

# Runs one timed step: ldapsearch into a file or `cadre sync ldap --json`; prints step_times.
dump() {
  local filter=$1 out=$2 start end cpu s0
  s0=$(slapd_cpu)
  start=$(now)
  cpu=$(timeout 1800 "${search[@]}" "$filter" "${attributes[@]}" >"$out" 2>"$out.err" && children_cpu) ||
    fail "ldapsearch failed" "$out.err"
  end=$(now)
  step_times "$start" "$end" "$cpu" "$s0" "$(slapd_cpu)"
}
sync_run() {
  local out=$1 start end cpu s0
  shift
  s0=$(slapd_cpu)
  start=$(now)
  # shellcheck disable=SC2086 # BENCH_WRAP is a command line, split into words on purpose
  cpu=$(timeout 3600 ${BENCH_WRAP:-} "$cadre" sync ldap --json "$@" "${settings[@]}" "${ldap_settings[@]}" >"$out" 2>"$out.err" &&
    children_cpu) || fail "cadre sync ldap $* failed" "$out.err"
  end=$(now)
  step_times "$start" "$end" "$cpu" "$s0" "$(slapd_cpu)"
}
# The value of a count in the run's JSON summary.
count_of() { sed -n "s/.*\"$2\":\([0-9]*\).*/\1/p" "$1" | head -1; }
dumped() { grep -c '^dn: uid=' "$1" || true; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "cadre LDAP benchmark: $entries entries, $changes changes, page size $page (the server's size limit)"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); load average before $load_before"

# --- full: ldapsearch, then the sync into the empty database --------------------------------
full_dump=$(dump "(objectClass=inetOrgPerson)" "$work/full.ldif")
[ "$(dumped "$work/full.ldif")" = "$entries" ] || { echo "ldap_bench: ldapsearch dumped $(dumped "$work/full.ldif") entries, not $entries" >&2; exit 1; }
full_sync=$(sync_run "$work/full.json" --full)
created=$(count_of "$work/full.json" created)
[ "$created" = "$entries" ] || fail "the full sync created $created employees, not $entries" "$work/full.json"

# --- incremental: change some entries, then the same read both ways --------------------------
# The sync reads from its watermark (the last entry's modifyTimestamp) less the default overlap
# of 300 s: the entries changed now and the 300 changed last before the full sync.
since=$(date -u -d "@$((epoch + entries - 300))" +%Y%m%d%H%M%SZ)
step=$((entries / changes))
awk -v n="$changes" -v step="$step" -v people="$people" 'BEGIN {
  for (i = 1; i <= n; i++)
    printf "dn: uid=user%d,%s\nchangetype: modify\nreplace: mail\nmail: user%d@sales.example.com\n\n", i * step, people, i * step
}' >"$work/changes.ldif"
timeout 600 ldapmodify -x -H "$uri" -D "cn=admin,$base" -w secret -f "$work/changes.ldif" \
  >"$work/ldapmodify.log" 2>&1 || fail "ldapmodify failed" "$work/ldapmodify.log"
inc_dump=$(dump "(&(objectClass=inetOrgPerson)(modifyTimestamp>=$since))" "$work/changed.ldif")
read_again=$(dumped "$work/changed.ldif")
inc_sync=$(sync_run "$work/incremental.json")
updated=$(count_of "$work/incremental.json" updated)
[ "$updated" = "$changes" ] || fail "the incremental sync updated $updated employees, not $changes" "$work/incremental.json"

# A row of the table: the step, then "WALL CPU" of ldapsearch and of the sync.
row() {
  local step=$1 dump_wall=${2% *} dump_cpu=${2#* } sync_wall=${3% *} sync_cpu=${3#* }
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$step" "$dump_wall" "$sync_wall" \
    "$(ratio "$sync_wall" "$dump_wall")" "$dump_cpu" "$sync_cpu" "$(ratio "$sync_cpu" "$dump_cpu")"
}
printf '\n| step | ldapsearch (s) | cadre sync ldap (s) | ratio | ldapsearch + slapd CPU (s) | cadre + slapd CPU (s) | CPU ratio |\n'
printf '|---|---:|---:|---:|---:|---:|---:|\n'
row "full: $entries entries into an empty Cadre" "$full_dump" "$full_sync"
row "incremental: $changes changed ($read_again entries read)" "$inc_dump" "$inc_sync"
echo "load average after $(cut -d' ' -f1-3 /proc/loadavg)"
