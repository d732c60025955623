#!/usr/bin/env bash
# Retort against the floor: applies N generated migrations with Retort and the same SQL with
# `psql -1 -f`, times the read-only commands and start-up, and writes a markdown table to stdout and
# to bench/results/latest.md.
#
#   bench/run.sh                 N = 100, 1,000 and 10,000 on a PostgreSQL 17 it starts itself
#   bench/run.sh --quick         N = 100 only (a smoke check, about a minute)
#   bench/run.sh --url postgresql://user[:pass]@127.0.0.1:5432/db
#                                use that server instead; the bench creates and drops databases
#                                retort_bench_* beside db (it needs CREATEDB)
#   bench/run.sh --sizes "100 1000" --runs 5
#
# Loopback only: the server the bench starts listens on 127.0.0.1 and no unix socket.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sizes="100 1000 10000"
runs=5
url=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) sizes="100"; runs=3 ;;
    --sizes) sizes="$2"; shift ;;
    --runs) runs="$2"; shift ;;
    --url) url="$2"; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

say() { echo "bench: $*" >&2; }
limit=900                               # seconds any one command may take

work="$(mktemp -d "${TMPDIR:-/tmp}/retort-bench.XXXXXX")"
pgctl=""
pgdata=""
have_psql=0
cleanup() {
  if [ "$have_psql" = 1 ] && [ -z "$pgctl" ]; then drop_all >/dev/null 2>&1 || true; fi   # a given server keeps nothing
  if [ -n "$pgctl" ] && [ -n "$pgdata" ]; then
    pgctl_run -D "$pgdata" -m fast -w -t 30 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- the jar (and its class-data archive) -------------------------------------------------------
say "building the jar if needed"
timeout "$limit" "$root/retort" --version >/dev/null
jar="$root/retort-cli/target/retort-cli.jar"
jsa="$root/retort-cli/target/retort-cli.jsa"

# ---- the server ---------------------------------------------------------------------------------
if [ -z "$url" ]; then
  # Let Retort extract its embedded PostgreSQL 17 and initdb a cluster once, then run that cluster
  # with pg_ctl for the whole bench (an embedded server lives only as long as one command).
  mkdir -p "$work/boot/m/versions"
  printf 'script_location = "m"\n[env.dev]\nurl = "embedded"\n' >"$work/boot/retort.toml"
  say "extracting the embedded PostgreSQL"
  RETORT_HOME="$work/home" timeout "$limit" "$root/retort" -c "$work/boot/retort.toml" current >/dev/null 2>&1
  pgctl="$(find "$work/home/postgres" -name pg_ctl -type f | head -n 1)"
  pgbin="$(dirname "$pgctl")"
  pgdata="$work/pgdata"
  as_pg=()
  if [ "$(id -u)" = 0 ]; then
    # PostgreSQL refuses to run as root: run the bench's cluster as an unprivileged user.
    pguser=postgres; id "$pguser" >/dev/null 2>&1 || pguser=nobody
    as_pg=(runuser -u "$pguser" --)
    chmod 755 "$work"
    mkdir -p "$pgdata" && chown "$pguser" "$pgdata"
  fi
  "${as_pg[@]}" "$pgbin/initdb" -D "$pgdata" -U postgres -A trust -E UTF8 --no-sync >"$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log" >&2; exit 1; }
  pgctl_run() { "${as_pg[@]}" "$pgctl" "$@"; }
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000)))"
  # Stock durability settings (fsync on, synchronous_commit on), as a real server has them. Enough
  # lock slots for psql -1 to create 10,000 tables in one transaction.
  touch "$work/postgres.log"; [ ${#as_pg[@]} -gt 0 ] && chown "$pguser" "$work/postgres.log"
  pgctl_run -D "$pgdata" -l "$work/postgres.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_locks_per_transaction=1024 -c fsync=on -c synchronous_commit=on -c max_connections=50" \
    start >/dev/null
  url="postgresql://postgres@127.0.0.1:$port/postgres"
  server="embedded PostgreSQL $("$pgbin/postgres" --version | awk '{print $NF}'), started by the bench (fsync on)"
else
  server="given server ($(echo "$url" | sed -E 's#//([^:@/]*):[^@]*@#//\1:***@#'))"
fi
base="${url%/*}"                        # postgresql://user@host:port
dburl() { echo "$base/$1"; }

have_psql=1
command -v psql >/dev/null 2>&1 || { have_psql=0; say "no psql on PATH: the floor (psql -1 -f) is skipped"; }
sql_admin() {                           # runs SQL on the maintenance database
  PGOPTIONS="-c client_min_messages=warning" PGCONNECT_TIMEOUT=10 timeout 120 psql -X -q -v ON_ERROR_STOP=1 -d "$url" -c "$1" >/dev/null
}
# Databases are dropped only at the end: a run right after a DROP DATABASE of a populated database
# was measured ~2x slower on these machines, whichever tool it was.
created=()
drop_all() {
  for db in "${created[@]}"; do sql_admin "DROP DATABASE IF EXISTS $db" || true; done
  created=()
}
fresh_db() {
  created+=("$1")
  if [ "$have_psql" = 1 ]; then
    sql_admin "DROP DATABASE IF EXISTS $1"
    sql_admin "CREATE DATABASE $1"
  else
    say "no psql: cannot create database $1"; return 1
  fi
}

# ---- measuring ----------------------------------------------------------------------------------
time_bin=""
if [ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1; then time_bin=/usr/bin/time; fi
peak_kb=0
last_s=0
# run OUT CMD...: runs CMD once, output to OUT, sets last_s (wall seconds) and raises peak_kb.
run1() {
  local out="$1"; shift
  local t0 t1 kb=0
  t0=$(date +%s%N)
  if [ -n "$time_bin" ]; then
    "$time_bin" -f %M -o "$work/rss" timeout "$limit" "$@" >"$out" 2>"$work/stderr" \
      || { say "failed: $* (see below)"; tail -n 5 "$work/stderr" >&2; return 1; }
    t1=$(date +%s%N)
    kb=$(tail -n 1 "$work/rss")
  else
    # No GNU time: sample the process's VmHWM from /proc until it exits (./retort execs java, so the pid stays).
    timeout "$limit" "$@" >"$out" 2>"$work/stderr" &
    local pid=$! hwm
    while kill -0 "$pid" 2>/dev/null; do
      for p in $pid $(cat /proc/$pid/task/*/children 2>/dev/null); do
        hwm=$(awk '/VmHWM/{print $2}' /proc/$p/status 2>/dev/null || true)
        [ -n "$hwm" ] && [ "$hwm" -gt "$kb" ] && kb=$hwm
      done
      sleep 0.02
    done
    wait "$pid" || { say "failed: $*"; tail -n 5 "$work/stderr" >&2; return 1; }
    t1=$(date +%s%N)
  fi
  last_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", (b-a)/1e9}')
  [ "$kb" -gt "$peak_kb" ] && peak_kb=$kb
  return 0
}
# median K OUT CMD...: runs CMD K times, prints the median wall seconds.
median() {
  local k="$1"; shift
  local out="$1"; shift
  local all=()
  for _ in $(seq "$k"); do run1 "$out" "$@" || { echo "fail"; return 0; }; all+=("$last_s"); done
  printf '%s\n' "${all[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'
}
mid() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }   # median of the arguments
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (a+0 > 0 && b+0 > 0) printf "%.2fx", b/a; else print "n/a" }'; }
mb() { awk -v k="$1" 'BEGIN{printf "%.0f", k/1024}'; }

# ---- migrations ---------------------------------------------------------------------------------
# gen DIR N: N chained migrations in Retort's format with random-looking 12-hex-digit ids (so file
# order is not chain order), and DIR/floor.sql with the same upgrade SQL for psql.
gen() {
  local dir="$1" n="$2"
  mkdir -p "$dir/migrations/versions"
  awk -v n="$n" -v dir="$dir" 'BEGIN {
    srand(7); prev = "none"; floor = dir "/floor.sql"
    for (i = 1; i <= n; i++) {
      id = sprintf("%06x%06x", int(rand() * 16777216), i)
      f = dir "/migrations/versions/" id "_create_t_" i ".sql"
      up = sprintf("CREATE TABLE t_%d (id bigserial primary key, name text not null, created_at timestamptz default now());\nCREATE INDEX ON t_%d(name);\n", i, i)
      printf "-- revision: %s\n-- down_revision: %s\n-- message: create t_%d\n-- created: 2026-01-01T00:00:00Z\n\n-- +upgrade\n%s\n-- +downgrade\nDROP TABLE t_%d;\n", id, prev, i, up, i > f
      close(f)
      printf "%s", up > floor
      prev = id
    }
  }'
  # Without psql no database can be created: the runs share the given database, each N with a
  # version table of its own (downgrade base at the end of each N drops its tables again).
  local db="retort_bench_$n"; [ "$have_psql" = 1 ] || db="${url##*/}"
  printf 'script_location = "migrations"\nversion_table = "retort_version_%s"\n\n[env.dev]\nurl = "%s"\n' "$n" "$(dburl "$db")" >"$dir/retort.toml"
}

# A fresh server pays for cold caches and its first checkpoint in whatever runs first: warm it with
# 200 unmeasured tables, so that neither the floor nor Retort starts cold.
if [ "$have_psql" = 1 ]; then
  say "warming the server up"
  fresh_db retort_bench_warm
  awk 'BEGIN { for (i = 1; i <= 200; i++) printf "CREATE TABLE w_%d (id bigserial primary key, name text);\n", i }' >"$work/warm.sql"
  PGCONNECT_TIMEOUT=10 psql -X -q -1 -v ON_ERROR_STOP=1 -d "$(dburl retort_bench_warm)" -f "$work/warm.sql" >/dev/null
fi

declare -A R
cols=()
for n in $sizes; do
  cols+=("$n")
  dir="$work/n$n"
  say "N=$n: generating"
  gen "$dir" "$n"
  toml="$dir/retort.toml"
  rt=("$root/retort" -c "$toml")
  k=$runs; [ "$n" -ge 10000 ] && k=$(( runs < 3 ? runs : 3 ))
  peak_kb=0

  # The apply is measured against the floor in alternation, on fresh databases: 3 times each for
  # N <= 1,000 (median), once at 10,000. The last repetition's database stays for the commands below.
  reps=3; { [ "$n" -ge 10000 ] || [ "$have_psql" = 0 ]; } && reps=1
  floors=(); applies=()
  for rep in $(seq "$reps"); do
    db="retort_bench_$n"; [ "$rep" -lt "$reps" ] && db="retort_bench_${n}_r$rep"
    if [ "$have_psql" = 1 ]; then
      say "N=$n: floor (psql -1 -f), $rep of $reps"
      fresh_db "retort_bench_floor_${n}_$rep"
      run1 /dev/null env PGCONNECT_TIMEOUT=10 psql -X -q -1 -v ON_ERROR_STOP=1 -d "$(dburl "retort_bench_floor_${n}_$rep")" \
        -f "$dir/floor.sql" && floors+=("$last_s") || floors+=("fail")
      fresh_db "$db"
    fi
    say "N=$n: retort upgrade head on a fresh database, $rep of $reps"
    peak_kb=0
    run1 /dev/null "${rt[@]}" --url "$(dburl "$db")" upgrade head && applies+=("$last_s") || applies+=("fail")
  done
  R[floor,$n]=$(mid "${floors[@]:-n/a}")
  R[apply,$n]=$(mid "${applies[@]}")
  R[ratio,$n]=$(ratio "${R[floor,$n]}" "${R[apply,$n]}")

  # The apply leaves the server with work to do for a while: autovacuum on the log and the version
  # table (one row updated N times), and flushing what it created (at 10,000, tens of thousands of
  # relation files). VACUUM (ANALYZE) and a checkpoint first, so that the read-only commands are timed
  # against a server in its steady state rather than against the tail of the apply (the checkpoint is
  # best effort: it needs pg_checkpoint).
  if [ "$have_psql" = 1 ]; then
    PGOPTIONS="-c client_min_messages=warning" timeout "$limit" psql -X -q -d "$(dburl "$db")" -c "VACUUM (ANALYZE)" >/dev/null 2>&1 \
      || say "N=$n: VACUUM failed"
    sql_admin "CHECKPOINT" 2>/dev/null || say "N=$n: no CHECKPOINT (not allowed for this user)"
  fi
  say "N=$n: read-only commands ($k runs each, median)"
  R[noop,$n]=$(median "$k" /dev/null "${rt[@]}" upgrade head)
  R[current,$n]=$(median "$k" /dev/null "${rt[@]}" current)
  R[history,$n]=$(median "$k" /dev/null "${rt[@]}" history)
  R[heads,$n]=$(median "$k" /dev/null "${rt[@]}" heads)
  R[sql,$n]=$(median "$k" /dev/null "${rt[@]}" upgrade --sql base:head)
  say "N=$n: downgrade base"
  run1 /dev/null "${rt[@]}" downgrade base && R[down,$n]=$last_s || R[down,$n]="fail"
  R[rss,$n]=$(mb "$peak_kb")
done

# ---- start-up: with and without the class-data archive -------------------------------------------
say "start-up: heads and current on the EasySochi migrations, with and without the archive"
first="${cols[0]}"
st_db="${url##*/}"
if [ "$have_psql" = 1 ]; then fresh_db "retort_bench_startup"; st_db=retort_bench_startup; fi
st_toml="$work/startup.toml"
printf 'script_location = "%s"\nversion_table = "retort_version_startup"\n\n[env.dev]\nurl = "%s"\n' \
  "$root/easysochi/migrations" "$(dburl "$st_db")" >"$st_toml"
"$root/retort" -c "$st_toml" stamp head >/dev/null 2>&1 || true
startup() {                             # label, then the command; median of 10 runs
  local label="$1"; shift
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N -w 2 -r 10 --export-json "$work/hf.json" -- "$*" >/dev/null 2>&1
    S[$label]=$(python3 -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$work/hf.json")
  else
    run1 /dev/null "$@" >/dev/null 2>&1 || true
    S[$label]=$(median 10 /dev/null "$@")
  fi
}
declare -A S
plain=(env RETORT_CDS=off "$root/retort")  # the same launcher and flags, without the archive
startup heads_launcher "$root/retort" -c "$st_toml" heads
startup current_launcher "$root/retort" -c "$st_toml" current
startup heads_plain "${plain[@]}" -c "$st_toml" heads
startup current_plain "${plain[@]}" -c "$st_toml" current
startup version_plain "${plain[@]}" --version
startup version_launcher "$root/retort" --version

archive="none"
[ -f "$jsa" ] && archive="AppCDS $(basename "$jsa") ($(mb "$(du -k "$jsa" | cut -f1)") MB)"

# ---- the table ----------------------------------------------------------------------------------
row() {                                 # label, key, unit suffix
  local line="| $1 |"
  for n in "${cols[@]}"; do line+=" ${R[$2,$n]}$3 |"; done
  echo "$line"
}
{
  echo "## Retort bench, $(date -u +%Y-%m-%d) on $(uname -m), $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GB", $2/1048576}' /proc/meminfo)"
  echo
  echo "Server: $server. JVM: $(java -version 2>&1 | head -n 1). Timing: wall clock; the floor and the apply are the median of 3 alternating runs on fresh databases (1 at N=10,000); read-only commands the median of $runs runs (3 at N=10,000)."
  echo
  head="| | "; sep="|---|"
  for n in "${cols[@]}"; do head+="N = $n | "; sep+="---:|"; done
  echo "$head"; echo "$sep"
  row "floor: psql -1 -f (s)" floor ""
  row "retort upgrade head, fresh database (s)" apply ""
  row "ratio to the floor (target ≤ 1.3x at 1,000)" ratio ""
  row "no-op upgrade head (s, target < 0.4)" noop ""
  row "current (s, target < 0.4)" current ""
  row "history > /dev/null (s)" history ""
  row "heads (s, target < 1 at 10,000)" heads ""
  row "upgrade --sql base:head > /dev/null (s, target < 1 at 10,000)" sql ""
  row "downgrade base (s)" down ""
  row "peak RSS of any retort command (MB, target < 200)" rss ""
  echo
  echo "Start-up on the EasySochi migrations (13 revisions), median of 10 runs, $(command -v hyperfine >/dev/null && echo hyperfine || echo 'bash loop'); archive: $archive."
  echo
  echo "| command (s) | ./retort (with the archive) | RETORT_CDS=off ./retort (without) |"
  echo "|---|---:|---:|"
  echo "| --version | ${S[version_launcher]} | ${S[version_plain]} |"
  echo "| heads | ${S[heads_launcher]} | ${S[heads_plain]} |"
  echo "| current (running server) | ${S[current_launcher]} | ${S[current_plain]} |"
} | tee "$work/latest.md"
mkdir -p "$root/bench/results"
cp "$work/latest.md" "$root/bench/results/latest.md"
say "written to bench/results/latest.md"
