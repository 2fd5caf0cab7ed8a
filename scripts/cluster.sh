#!/usr/bin/env bash
# `npm run cluster [-- up|down|status] [instances]`: several Folio instances on PostgreSQL and Redis,
# behind Debian's nginx, on this machine. State (pids, logs, nginx config) lives in .cluster/.
set -euo pipefail
SELF="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$0")/.."

ACTION="${1:-up}"
INSTANCES="${2:-${FOLIO_CLUSTER_INSTANCES:-3}}"
PORT="${FOLIO_CLUSTER_PORT:-8080}"
FIRST_INSTANCE_PORT="${FOLIO_CLUSTER_FIRST_PORT:-8181}"
PG_ADMIN="${FOLIO_CLUSTER_PG_ADMIN:-postgres://postgres@127.0.0.1:5432/postgres}"
DB_NAME="${FOLIO_CLUSTER_DB:-folio_cluster}"
DATABASE_URL="${PG_ADMIN%/*}/${DB_NAME}"
REDIS_URL="${FOLIO_CLUSTER_REDIS:-redis://127.0.0.1:6379}"
# A streaming replica of FOLIO_CLUSTER_PG_ADMIN's server that serves the instances' reads, e.g. the pair
# `bash scripts/pg-replica.sh up` makes: FOLIO_CLUSTER_PG_ADMIN=postgres://postgres@127.0.0.1:5442/postgres
# FOLIO_CLUSTER_REPLICA=postgres://postgres@127.0.0.1:5443/postgres. Unset: every read on the primary.
REPLICA_ADMIN="${FOLIO_CLUSTER_REPLICA:-}"
REPLICA_URL="${REPLICA_ADMIN:+${REPLICA_ADMIN%/*}/${DB_NAME}}"
DIR="${FOLIO_CLUSTER_DIR:-$(pwd)/.cluster}"

say() { echo "cluster: $*"; }

# One instance in the foreground of its supervisor; its pid goes to instance-<port>.pid.
run_instance() {
  local port="$1"
  FOLIO_DATABASE_URL="$DATABASE_URL" FOLIO_DATABASE_REPLICA_URL="$REPLICA_URL" FOLIO_REDIS_URL="$REDIS_URL" FOLIO_TRUST_PROXY=127.0.0.1 FOLIO_BASE_URL="http://127.0.0.1:${PORT}" \
    FOLIO_METRICS_PORT=$((port + 1000)) \
    node bin/folio.js serve --no-demo --host 127.0.0.1 --port "$port" >>"$DIR/instance-$port.log" 2>&1 &
  echo $! >"$DIR/instance-$port.pid"
  local pid=$!
  # `down` marks stopping before it reads the pid files: an instance started just as it did is
  # stopped here, so none is left behind.
  if [[ -f "$DIR/stopping" ]]; then kill -TERM "$pid" 2>/dev/null || true; fi
  local code=0
  wait "$pid" || code=$?
  return "$code"
}

# Restarts an instance whenever it exits, until `down` leaves the stopping mark. A process that
# keeps dying at once (a bad setting) is restarted less often, up to every 10 s, not in a hot loop.
supervise() {
  local port="$1" delay=1 restarts=0
  while [[ ! -f "$DIR/stopping" ]]; do
    local started=$SECONDS code=0
    run_instance "$port" || code=$?
    [[ -f "$DIR/stopping" ]] && break
    restarts=$((restarts + 1))
    echo "$restarts" >"$DIR/instance-$port.restarts"
    if (( SECONDS - started >= 30 )); then delay=1; else delay=$(( delay * 2 > 10 ? 10 : delay * 2 )); fi
    echo "$(date -u +%FT%TZ) instance $port exited (status $code): restart $restarts in ${delay} s"
    sleep "$delay"
  done
}

ensure_services() {
  # The machine's own PostgreSQL and Redis are started when down; any other (FOLIO_CLUSTER_PG_ADMIN,
  # FOLIO_CLUSTER_REDIS, e.g. the fault tests' throwaway servers) must already answer.
  if [[ "$PG_ADMIN" == "postgres://postgres@127.0.0.1:5432/postgres" ]] && ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    say "PostgreSQL is down: starting it"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
  if [[ "$REDIS_URL" == "redis://127.0.0.1:6379" ]] && ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    say "Redis is down: starting it"
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
    for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 1; done
  fi
  if ! command -v nginx >/dev/null 2>&1; then
    say "nginx is not installed: installing Debian's package"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
  fi
}

wait_ready() {
  local url="$1"
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  say "no answer from $url (see $DIR/*.log)"
  return 1
}

up() {
  ensure_services
  mkdir -p "$DIR"
  if [[ -f "$DIR/nginx.pid" ]] && kill -0 "$(cat "$DIR/nginx.pid")" 2>/dev/null; then say "already up (npm run cluster -- down first)"; exit 1; fi
  if ! psql "$PG_ADMIN" -tAc "SELECT 1 FROM pg_database WHERE datname='${DB_NAME}'" | grep -q 1; then
    psql "$PG_ADMIN" -qc "CREATE DATABASE ${DB_NAME}"
    say "generating the demo newspaper into ${DB_NAME}"
    # FOLIO_CLUSTER_DEMO_ARGS: e.g. "--articles 50 --arabic 20" for a quick test cluster.
    # shellcheck disable=SC2086
    node bin/folio.js demo --database "$DATABASE_URL" ${FOLIO_CLUSTER_DEMO_ARGS:-} >"$DIR/demo.log" 2>&1
  fi
  rm -f "$DIR/stopping" "$DIR"/instance-*.restarts
  local upstreams=""
  for i in $(seq 0 $((INSTANCES - 1))); do
    local port=$((FIRST_INSTANCE_PORT + i))
    # Each instance runs under a small supervisor (this script's `supervise` action), which starts
    # it again when it dies (kill -9, a crash, out of memory): the cluster heals by itself, as
    # systemd's Restart=always does for deploy/folio@.service.
    nohup bash "$SELF" supervise "$port" </dev/null >>"$DIR/supervisor-$port.log" 2>&1 &
    echo $! >"$DIR/supervisor-$port.pid"
    upstreams+="    server 127.0.0.1:${port} max_fails=2 fail_timeout=5s;"$'\n'
  done
  for i in $(seq 0 $((INSTANCES - 1))); do wait_ready "http://127.0.0.1:$((FIRST_INSTANCE_PORT + i))/readyz"; done
  mkdir -p "$DIR/client-body" "$DIR/proxy" "$DIR/fastcgi" "$DIR/uwsgi" "$DIR/scgi"
  UPSTREAMS="$upstreams" DIR="$DIR" PORT="$PORT" node -e '
    const fs = require("fs");
    const t = fs.readFileSync("deploy/nginx-cluster.conf.template", "utf8");
    fs.writeFileSync(process.env.DIR + "/nginx.conf", t.replaceAll("@DIR@", process.env.DIR).replaceAll("@PORT@", process.env.PORT).replace("@UPSTREAMS@", process.env.UPSTREAMS.trimEnd()));'
  nginx -t -q -c "$DIR/nginx.conf" -g 'daemon on;' 2>>"$DIR/nginx-error.log"
  nginx -c "$DIR/nginx.conf" -g 'daemon on;'
  wait_ready "http://127.0.0.1:${PORT}/readyz"
  say "${INSTANCES} instances on ${FIRST_INSTANCE_PORT}-$((FIRST_INSTANCE_PORT + INSTANCES - 1)) (metrics on $((FIRST_INSTANCE_PORT + 1000))-$((FIRST_INSTANCE_PORT + 1000 + INSTANCES - 1))), nginx on http://127.0.0.1:${PORT}/ (PostgreSQL ${DB_NAME}, Redis ${REDIS_URL})"
}

down() {
  mkdir -p "$DIR"
  touch "$DIR/stopping"
  if [[ -f "$DIR/nginx.pid" ]]; then nginx -c "$DIR/nginx.conf" -g 'daemon on;' -s quit 2>/dev/null || kill "$(cat "$DIR/nginx.pid")" 2>/dev/null || true; fi
  local pids=()
  for pidfile in "$DIR"/instance-*.pid "$DIR"/supervisor-*.pid; do
    [[ -f "$pidfile" ]] || continue
    pids+=("$(cat "$pidfile")")
  done
  # Supervisors see the stopping mark and do not restart; each instance gets SIGTERM and drains.
  for pidfile in "$DIR"/instance-*.pid; do
    [[ -f "$pidfile" ]] || continue
    kill -TERM "$(cat "$pidfile")" 2>/dev/null || true
  done
  # Each instance drains within its 20 s bound; wait for them, so `down` returns with the ports free.
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 110); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  done
  rm -f "$DIR"/instance-*.pid "$DIR"/supervisor-*.pid "$DIR/nginx.pid"
  say "stopped"
}

status() {
  for pidfile in "$DIR"/instance-*.pid; do
    [[ -f "$pidfile" ]] || continue
    local port="${pidfile##*instance-}"; port="${port%.pid}"
    local restarts=0
    [[ -f "$DIR/instance-$port.restarts" ]] && restarts="$(cat "$DIR/instance-$port.restarts")"
    if kill -0 "$(cat "$pidfile")" 2>/dev/null; then echo "instance $port: running (pid $(cat "$pidfile"), restarted $restarts times)"; else echo "instance $port: stopped"; fi
  done
  if [[ -f "$DIR/nginx.pid" ]] && kill -0 "$(cat "$DIR/nginx.pid")" 2>/dev/null; then echo "nginx: running on $PORT"; else echo "nginx: stopped"; fi
}

case "$ACTION" in
  up) up ;;
  down) down ;;
  status) status ;;
  supervise) supervise "$2" ;;
  *) echo "usage: npm run cluster -- up|down|status [instances]" >&2; exit 2 ;;
esac
