#!/usr/bin/env bash
# make reliability: the crash test (SIGKILL under a write load, SQLite and
# PostgreSQL), a soak at 70 % of the measured maximum throughput, and every
# fuzz target. Logs and tables in tmp/reliability/; docs/reliability.md says
# how to read them.
#
#   RELIABILITY_PARTS="crash soak fuzz"   which parts to run
#   PONTE_CRASH_KILLS=20                  SIGKILLs per database
#   PONTE_SOAK_DURATION=10m               soak length; PONTE_SOAK_INTERVAL=10s between samples
#   SOAK_SCALE=1                          seed of the soak database (tmp/bench/scale-N.db, shared with make bench)
#   SOAK_SHARE=0.7                        share of the measured maximum rate
#   FUZZTIME=5m                           per fuzz target; FUZZ_PARALLEL=1 workers each
#   FUZZ_SAVE_CORPUS=1                    copy new interesting inputs into testdata/fuzz/ (to commit)
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/tmp/reliability
PARTS=${RELIABILITY_PARTS:-crash soak fuzz}
mkdir -p "$OUT"
log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
FAILED=()

crash() {
  # A private throwaway cluster: stopping it at exit must never stop the
  # one `make test` or someone else started in the default directory.
  if [ -z "${PONTE_TEST_POSTGRES_URL:-}" ]; then
    export PONTE_PG_DIR=/tmp/ponte-reliability-pg
    if out=$(scripts/pg-test-server.sh start); then
      eval "$out"
      trap 'PONTE_PG_DIR=/tmp/ponte-reliability-pg scripts/pg-test-server.sh stop >/dev/null 2>&1' EXIT
    else
      log "PostgreSQL is not installed: the crash test runs on SQLite only"
    fi
  fi
  local kills=${PONTE_CRASH_KILLS:-20}
  log "crash test: $kills SIGKILLs per database"
  PONTE_CRASH_KILLS=$kills PONTE_TEST_REPORT=$OUT/crash-report.txt \
    go test -count=1 -timeout 30m -run 'TestCrashKeepsAcknowledgedWrites' -v ./e2e/ 2>&1 | tee "$OUT/crash.log" |
    grep -E '^(=== RUN|--- |ok|FAIL|PASS)|crash test|note:' || true
  grep -q '^ok' "$OUT/crash.log" || FAILED+=(crash)
}

# soak: its own server on a seeded SQLite database, the debug listener on
# for the goroutine count, the rate from a measured maximum.
soak() {
  local scale=${SOAK_SCALE:-1} port=${SOAK_PORT:-18090}
  local db=$ROOT/tmp/bench/scale-$scale.db dbg=127.0.0.1:$((port + 2)) base=http://127.0.0.1:$port
  make -s build || { FAILED+=(soak); return; }
  go build -o "$OUT/soak" ./internal/benchtools/soak || { FAILED+=(soak); return; }
  mkdir -p "$ROOT/tmp/bench"
  if [ ! -s "$db" ]; then
    log "seeding $db at scale $scale"
    PONTE_LOG_FORMAT=text bin/ponte seed --scale "$scale" --database "sqlite://$db" >"$OUT/seed.log" 2>&1 ||
      { FAILED+=(soak); return; }
  fi
  PONTE_DEBUG_ADDR=$dbg PONTE_BASE_URL=$base bin/ponte serve --addr "127.0.0.1:$port" --database "sqlite://$db" \
    >"$OUT/soak-ponte.out" 2>"$OUT/soak-ponte.log" &
  local pid=$!
  for _ in $(seq 300); do curl -fs "$base/readyz" >/dev/null 2>&1 && break; sleep 0.2; done
  local email cookie
  email=$(sqlite3 -cmd ".timeout 5000" "$db" "SELECT u.email FROM users u JOIN profile_skills s ON s.user_id = u.id
    WHERE u.role = 'member' ORDER BY u.id LIMIT 1")
  cookie=$(curl -s -o /dev/null -D - -d "email=$email" -d password=ponte-seed-password "$base/login" |
    awk -F'[ ;]' 'tolower($1) == "set-cookie:" { printf "%s%s", sep, $2; sep="; " }')
  local org prop paths
  org=$(sqlite3 "$db" "SELECT id FROM organisations ORDER BY id LIMIT 1 OFFSET 7")
  prop=$(sqlite3 "$db" "SELECT id FROM proposals WHERE status = 'published' ORDER BY id LIMIT 1")
  paths="/,member:/,/people,/people?region=ITC4,/organisations,/organisations/$org,/proposals,member:/profile/edit,/skills"
  [ -n "$prop" ] && paths="$paths,/proposals/$prop"
  paths=$(keepWorking "$base" "$cookie" "$paths")
  log "soak: measuring the maximum rate (64 connections, 20 s) on $paths"
  local max rate
  max=$("$OUT/soak" -base "$base" -paths "$paths" -cookie "$cookie" -max 20s | awk '/^max_rps/ { print $2 }')
  rate=$(awk -v m="${max:-0}" -v s="${SOAK_SHARE:-0.7}" 'BEGIN { printf "%.0f", m * s }')
  log "soak: maximum $max req/s; sending $rate req/s for ${PONTE_SOAK_DURATION:-10m}"
  {
    echo "Soak: \`PONTE_SOAK_DURATION=${PONTE_SOAK_DURATION:-10m} make reliability\` (scale $scale, SQLite, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC'))"
    echo "measured maximum: $max req/s; soak rate: $rate req/s (${SOAK_SHARE:-0.7})"
    echo
  } >"$OUT/soak.md"
  "$OUT/soak" -base "$base" -paths "$paths" -cookie "$cookie" -rate "$rate" -duration "${PONTE_SOAK_DURATION:-10m}" \
    -interval "${PONTE_SOAK_INTERVAL:-10s}" -pid "$pid" -debug "http://$dbg" -csv "$OUT/soak.csv" | tee -a "$OUT/soak.md"
  local rc=${PIPESTATUS[0]}
  kill "$pid"
  wait "$pid" 2>/dev/null
  tail -n 4 "$OUT/soak.md"
  [ "$rc" = 0 ] && ! grep -q '^FAIL' "$OUT/soak.md" || FAILED+=(soak)
}

# keepWorking drops the paths that do not answer 200, with a note.
keepWorking() {
  local kept="" p url hdr
  for p in ${3//,/ }; do
    url=${p#member:}
    hdr=()
    [ "$p" != "$url" ] && hdr=(-H "Cookie: $2")
    code=$(curl -s -o /dev/null -w '%{http_code}' "${hdr[@]}" "$1$url")
    if [ "$code" = 200 ]; then kept="$kept,$p"; else log "soak: leaving out $url (answers $code)"; fi
  done
  echo "${kept#,}"
}

# fuzz runs every Fuzz target of the module for FUZZTIME each, one after
# the other, then keeps the new interesting inputs as seed corpus.
fuzz() {
  local time=${FUZZTIME:-5m} cache
  cache=$(go env GOCACHE)/fuzz
  echo "| target | package | time | execs | new interesting | result |" >"$OUT/fuzz.md"
  echo "|---|---|---|---:|---:|---|" >>"$OUT/fuzz.md"
  grep -rl --include='*_test.go' --exclude-dir=node_modules --exclude-dir=tmp '^func Fuzz' . | sort | while read -r file; do
    local dir=${file%/*} pkg
    pkg=$(cd "$dir" && go list .)
    for name in $(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' "$file"); do
      log "fuzz $name ($dir) for $time"
      local logf=$OUT/fuzz-$name.log result=ok
      go test -run '^$' -fuzz "^$name\$" -fuzztime "$time" -fuzzminimizetime 10s -parallel "${FUZZ_PARALLEL:-1}" \
        "$dir" >"$logf" 2>&1 || result=FAIL
      local last execs newi
      last=$(grep '^fuzz: elapsed' "$logf" | tail -n 1)
      execs=$(sed -n 's/.*execs: \([0-9]*\).*/\1/p' <<<"$last")
      newi=$(sed -n 's/.*new interesting: \([0-9]*\).*/\1/p' <<<"$last")
      [ "$result" = FAIL ] && result="FAIL: $(grep -m1 -E 'Failing input|panic:|--- FAIL' "$logf" | tr '|' '/')"
      echo "| $name | ${pkg#github.com/ponte-platform/ponte} | $time | ${execs:-?} | ${newi:-?} | $result |" >>"$OUT/fuzz.md"
      [ "${FUZZ_SAVE_CORPUS:-1}" = 1 ] && keepCorpus "$cache/$pkg/$name" "$dir/testdata/fuzz/$name"
    done
  done
  cat "$OUT/fuzz.md"
  grep -q '| FAIL' "$OUT/fuzz.md" && FAILED+=(fuzz)
}

# keepCorpus copies at most 100 small new inputs (under 4 KiB) of the
# fuzzer's cache into the package's testdata, where they run as seeds.
keepCorpus() {
  [ -d "$1" ] || return 0
  mkdir -p "$2"
  find "$1" -type f -size -4k -printf '%T@ %p\n' | sort -rn | head -n 100 | cut -d' ' -f2- | while read -r f; do
    [ -e "$2/${f##*/}" ] || cp "$f" "$2/"
  done
}

for part in $PARTS; do
  case $part in
  crash) crash ;;
  soak) soak ;;
  fuzz) fuzz ;;
  *) log "unknown part $part (crash, soak, fuzz)"; exit 2 ;;
  esac
done
if [ ${#FAILED[@]} -gt 0 ]; then
  log "FAILED: ${FAILED[*]} (see tmp/reliability/)"
  exit 1
fi
log "reliability: all passed (${PARTS})"
