#!/usr/bin/env bash
# Runs every test with Node's own runner. Tests that need a service (PostgreSQL) or a tool
# (MariaDB for the Drupal importer, Chromium, Java for the HTML checker) run when it is there; without it they are skipped with
# a clear line here, except under CI=true, where a missing service is a failure.
set -uo pipefail
shopt -s globstar nullglob
cd "$(dirname "$0")/.."
# The staff editor's browser bundle (scripts/build-editor.mjs), when missing or older than its sources.
node -e "import('./scripts/build-editor.mjs').then(async (m) => { if (m.editorBundleStale()) await m.buildEditor(); })"

skipped=()
missing_in_ci=()

# probe VAR "what is skipped" "service" url 'node snippet that exits 0 when the service at process.argv[1] answers'
probe() {
  if node -e "$5" "$4" 2>/dev/null; then
    export "$1=1"
  else
    export "$1=0"
    skipped+=("$2 (no $3 at $4)")
    missing_in_ci+=("$3")
  fi
}

probe FOLIO_TEST_PG "PostgreSQL store tests" PostgreSQL "${FOLIO_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}" \
  "const c=new (require('pg').Client)({connectionString:process.argv[1],connectionTimeoutMillis:3000});c.connect().then(()=>c.end()).then(()=>process.exit(0),()=>process.exit(1))"
probe FOLIO_TEST_REDIS "shared rate-limit tests" Redis "${FOLIO_TEST_REDIS_URL:-redis://127.0.0.1:6379}" \
  "const R=require('ioredis');const r=new R(process.argv[1],{lazyConnect:true,connectTimeout:2000,maxRetriesPerRequest:0,retryStrategy:()=>null});r.connect().then(()=>r.ping()).then(()=>{r.disconnect();process.exit(0)},()=>process.exit(1))"
probe FOLIO_TEST_MYSQL "Drupal database import tests" MariaDB "${FOLIO_TEST_MYSQL_URL:-mysql://root@127.0.0.1:3306/}" \
  "require('mysql2/promise').createConnection({uri:process.argv[1],connectTimeout:3000}).then(c=>c.end()).then(()=>process.exit(0),()=>process.exit(1))"

# A real streaming replica for the read-scaling tests: a primary and a hot standby of its own
# (scripts/pg-replica.sh, on ports 5442/5443, never the cluster on 5432), stopped at the end.
export FOLIO_TEST_REPLICA=0
replica_up=0
if [[ "$FOLIO_TEST_PG" == 1 ]]; then
  # Its own folder and two free ports per run, so runs in several checkouts at once never meet
  # (the tests stop and start this run's standby through the same variables).
  export FOLIO_REPLICA_DIR="${FOLIO_REPLICA_DIR:-/tmp/folio-pg-replica-test-$$}"
  read -r FOLIO_REPLICA_PRIMARY_PORT FOLIO_REPLICA_STANDBY_PORT < <(node -e "
    const net=require('net');const free=()=>new Promise(r=>{const s=net.createServer().listen(0,'127.0.0.1',()=>{const p=s.address().port;s.close(()=>r(p))})});
    Promise.all([free(),free()]).then(([a,b])=>console.log(a+' '+b))")
  export FOLIO_REPLICA_PRIMARY_PORT FOLIO_REPLICA_STANDBY_PORT
  if replica_urls="$(bash scripts/pg-replica.sh up 2>.tmp-pg-replica.log)"; then
    export FOLIO_TEST_REPLICA=1
    replica_up=1
    while IFS='=' read -r name value; do export "$name=$value"; done <<<"$replica_urls"
  else
    skipped+=("streaming replica tests (scripts/pg-replica.sh up failed: $(tail -n 1 .tmp-pg-replica.log))")
    bash scripts/pg-replica.sh down 2>/dev/null || true # whatever half of it started
    missing_in_ci+=("a PostgreSQL streaming replica (scripts/pg-replica.sh)")
  fi
  rm -f .tmp-pg-replica.log
else
  skipped+=("streaming replica tests (need PostgreSQL)")
fi
stop_replica() { if [[ "$replica_up" == 1 ]]; then bash scripts/pg-replica.sh down 2>/dev/null || true; fi; }
trap stop_replica EXIT

if command -v nginx >/dev/null 2>&1 && [[ "$FOLIO_TEST_PG" == 1 && "$FOLIO_TEST_REDIS" == 1 ]]; then
  export FOLIO_TEST_CLUSTER=1
else
  export FOLIO_TEST_CLUSTER=0
  skipped+=("the nginx cluster test (needs nginx: apt-get install -y nginx, plus PostgreSQL and Redis)")
  command -v nginx >/dev/null 2>&1 || missing_in_ci+=("nginx")
fi

if [[ -x /usr/bin/chromium ]]; then
  export FOLIO_TEST_BROWSER=1
else
  export FOLIO_TEST_BROWSER=0
  skipped+=("browser tests (no /usr/bin/chromium: apt-get install -y chromium)")
  missing_in_ci+=("Chromium")
fi

if command -v java >/dev/null 2>&1; then
  export FOLIO_TEST_VNU=1
else
  export FOLIO_TEST_VNU=0
  skipped+=("HTML validity tests (no java for vnu)")
  missing_in_ci+=("Java")
fi

# SQLite search's ranking extension, compiled by npm run build (scripts/build.mjs) with the system's cc.
if [[ ! -f dist/native/folio-rank.so ]]; then
  skipped+=("the ranking extension's tests (no dist/native/folio-rank.so: install a C compiler, then npm run build)")
  missing_in_ci+=("the search ranking extension (a C compiler for npm run build)")
fi

if [[ "${CI:-}" == "true" && ${#missing_in_ci[@]} -gt 0 ]]; then
  echo "CI=true and these are missing: ${missing_in_ci[*]}. CI must run every test; install or start them first." >&2
  exit 1
fi

# The fault suite (test/faults: kills, restarts and fills things) runs on its own: npm run test:faults.
# Lighthouse times paints on the machine as it is (no simulated throttling), so it runs after the
# rest, alone: alongside two other test files on 2 cores it measured their load, not the pages.
alone=(test/browser/lighthouse.test.ts)
files=()
for f in test/**/*.test.ts; do [[ "$f" == test/faults/* || " ${alone[*]} " == *" $f "* ]] || files+=("$f"); done
if [[ $# -gt 0 ]]; then files=("$@"); alone=(); fi

# run_tests CONCURRENCY FILE...: the spec report on stdout, the summary lines from TAP after it
run_tests() {
  local concurrency=$1; shift
  node --import tsx --test --test-concurrency="$concurrency" --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination=.tmp-test-results.tap "$@"
  local code=$?
  if [[ -f .tmp-test-results.tap ]]; then
    tail -n 9 .tmp-test-results.tap | grep -E '^# (tests|suites|pass|fail|cancelled|skipped|todo|duration_ms)'
    rm -f .tmp-test-results.tap
  fi
  return $code
}

status=0
run_tests "${FOLIO_TEST_CONCURRENCY:-2}" "${files[@]}" || status=$?
if [[ ${#alone[@]} -gt 0 ]]; then
  echo
  echo "Run alone, after the rest: ${alone[*]}"
  run_tests 1 "${alone[@]}" || status=$?
fi

if [[ ${#skipped[@]} -gt 0 ]]; then
  echo
  echo "Skipped on this machine:"
  printf '  - %s\n' "${skipped[@]}"
fi
exit $status
