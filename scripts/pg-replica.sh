#!/usr/bin/env bash
# `bash scripts/pg-replica.sh up|down|status|stop-standby|start-standby`: a self-contained PostgreSQL primary and a hot-standby
# streaming replica of it, for the read-scaling tests (test/store/replica.test.ts). Both are new
# clusters made with initdb in FOLIO_REPLICA_DIR (default /tmp/folio-pg-replica), on their own
# ports (FOLIO_REPLICA_PRIMARY_PORT, default 5442; FOLIO_REPLICA_STANDBY_PORT, default 5443); the
# machine's own cluster on 5432 is never touched. PostgreSQL refuses to run as root, so when run
# as root the servers run as the postgres user. `up` prints the two URLs as shell assignments:
#   FOLIO_TEST_REPLICA_PRIMARY_URL=postgres://postgres@127.0.0.1:5442/postgres
#   FOLIO_TEST_REPLICA_STANDBY_URL=postgres://postgres@127.0.0.1:5443/postgres
set -euo pipefail

ACTION="${1:-up}"
DIR="${FOLIO_REPLICA_DIR:-/tmp/folio-pg-replica}"
PRIMARY_PORT="${FOLIO_REPLICA_PRIMARY_PORT:-5442}"
STANDBY_PORT="${FOLIO_REPLICA_STANDBY_PORT:-5443}"
BIN="${FOLIO_PG_BIN:-/usr/lib/postgresql/15/bin}"

say() { echo "pg-replica: $*" >&2; }

# Runs a PostgreSQL program as the postgres user (directly when we already are not root).
as_pg() {
  if [[ "$(id -u)" == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_ctl_() { as_pg "$BIN/pg_ctl" "$@"; }

running() { [[ -f "$1/postmaster.pid" ]] && as_pg "$BIN/pg_ctl" -D "$1" status >/dev/null 2>&1; }

urls() {
  echo "FOLIO_TEST_REPLICA_PRIMARY_URL=postgres://postgres@127.0.0.1:${PRIMARY_PORT}/postgres"
  echo "FOLIO_TEST_REPLICA_STANDBY_URL=postgres://postgres@127.0.0.1:${STANDBY_PORT}/postgres"
}

# Says why a server did not start (the last line of its log, which `down` removes), and stops.
failed() {
  say "the $1 did not start on port $2: $(grep -E 'FATAL|ERROR' "$DIR/$1.log" | tail -n 1)"
  exit 1
}

up() {
  for port in "$PRIMARY_PORT" "$STANDBY_PORT"; do
    if [[ ! -d "$DIR" ]] && "$BIN/pg_isready" -h 127.0.0.1 -p "$port" -q 2>/dev/null; then
      say "port $port is already taken by another server: set FOLIO_REPLICA_PRIMARY_PORT / FOLIO_REPLICA_STANDBY_PORT"
      exit 1
    fi
  done
  mkdir -p "$DIR"
  [[ "$(id -u)" == 0 ]] && chown postgres: "$DIR"
  chmod 700 "$DIR"
  local primary="$DIR/primary" standby="$DIR/standby"
  if [[ ! -f "$primary/PG_VERSION" ]]; then
    say "initdb the primary in $primary"
    as_pg "$BIN/initdb" -D "$primary" -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1
    # Loopback only, trust (a throwaway test cluster), replication allowed; small and quick.
    cat >>"$primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = ${PRIMARY_PORT}
unix_socket_directories = '${DIR}'
wal_level = replica
max_wal_senders = 4
hot_standby = on
fsync = off
full_page_writes = off
shared_buffers = 32MB
max_connections = 60
EOF
    echo "host replication postgres 127.0.0.1/32 trust" >>"$primary/pg_hba.conf"
  fi
  running "$primary" || pg_ctl_ -D "$primary" -l "$DIR/primary.log" -w -t 60 start >/dev/null 2>&1 || failed primary "$PRIMARY_PORT"
  if [[ ! -f "$standby/PG_VERSION" ]]; then
    say "pg_basebackup -R the standby into $standby"
    # -R writes standby.signal and primary_conninfo: the copy starts as a streaming hot standby.
    as_pg "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$standby" -R -X stream --no-sync >"$DIR/basebackup.log" 2>&1
    cat >>"$standby/postgresql.conf" <<EOF
port = ${STANDBY_PORT}
hot_standby_feedback = on
EOF
  fi
  running "$standby" || pg_ctl_ -D "$standby" -l "$DIR/standby.log" -w -t 60 start >/dev/null 2>&1 || failed standby "$STANDBY_PORT"
  # Wait until the standby streams from the primary, so the first test does not race it.
  for _ in $(seq 1 60); do
    if as_pg "$BIN/psql" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d postgres -tAc "select count(*) from pg_stat_replication where state = 'streaming'" 2>/dev/null | grep -q '^[1-9]'; then
      say "primary on ${PRIMARY_PORT}, streaming hot standby on ${STANDBY_PORT} (in ${DIR})"
      urls
      return 0
    fi
    sleep 0.5
  done
  say "the standby on ${STANDBY_PORT} is not streaming (see ${DIR}/standby.log)"
  exit 1
}

down() {
  for node in standby primary; do
    if [[ -d "$DIR/$node" ]] && running "$DIR/$node"; then pg_ctl_ -D "$DIR/$node" -m fast -w stop >/dev/null; fi
  done
  rm -rf "$DIR"
  say "stopped and removed ${DIR}"
}

status() {
  for node in primary standby; do
    if [[ -d "$DIR/$node" ]] && running "$DIR/$node"; then say "$node: running"; else say "$node: stopped"; fi
  done
}

# The fallback test stops the standby under a running site, then starts it again.
stop_standby() { running "$DIR/standby" && pg_ctl_ -D "$DIR/standby" -m fast -w stop >/dev/null; say "standby stopped"; }
start_standby() { running "$DIR/standby" || pg_ctl_ -D "$DIR/standby" -l "$DIR/standby.log" -w -t 60 start >/dev/null; say "standby started"; }

case "$ACTION" in
  up) up ;;
  down) down ;;
  status) status ;;
  stop-standby) stop_standby ;;
  start-standby) start_standby ;;
  *) echo "usage: bash scripts/pg-replica.sh up|down|status|stop-standby|start-standby" >&2; exit 2 ;;
esac
