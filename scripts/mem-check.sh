#!/usr/bin/env bash
# mem-check.sh BIN DB_URL: resident memory of `ponte serve` on a seeded
# database, and what uncached pages cost. Used for the "Memory of the
# server" figures in docs/benchmarks.md (compare two binaries that differ
# in one setting).
#
#   scripts/mem-check.sh bin/ponte sqlite://tmp/bench/scale-100.db
#
# 1. page cache on: wrk -c32 for 5 s on nine pages, then 300 different
#    proposal pages; resident memory idle, after, and peak;
# 2. page cache off: 300 proposal pages one by one (wall time), wrk -c16
#    for 8 s on /proposals, a proposal and a search; peak memory.
set -euo pipefail
BIN=${1:?binary}
DBURL=${2:?database URL}
PORT=${MEM_CHECK_PORT:-18099}
U=http://127.0.0.1:$PORT
DBFILE=${DBURL#sqlite://}
PROP=$(sqlite3 "$DBFILE" "SELECT max(id) FROM proposals WHERE status = 'published'")
ORG=$(sqlite3 "$DBFILE" "SELECT id FROM organisations ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM organisations)")

serve() { # serve [ENV=VALUE…]: start ponte, wait until ready and its indexes are built
  env "$@" PONTE_LOG_LEVEL=warn PONTE_BASE_URL=$U "$BIN" serve --addr "127.0.0.1:$PORT" --database "$DBURL" >/dev/null 2>&1 &
  PID=$!
  for _ in $(seq 300); do curl -fs "$U/readyz" >/dev/null 2>&1 && break; sleep 0.2; done
  sleep 8
}
mib() { awk -v k="$1:" '$1 == k { print int($2 / 1024) }' "/proc/$PID/status"; }
proposals() { for i in $(seq 1 300); do curl -s -o /dev/null "$U/proposals/$((PROP - i * 97))"; done; }

serve
echo "page cache on: idle $(mib VmRSS) MiB"
for p in / "/people?region=SI032" "/organisations/$ORG" /proposals "/proposals/$PROP" "/search?q=energy" \
  "/search?q=turismo" /people /organisations; do
  wrk -t2 -c32 -d5s "$U$p" >/dev/null 2>&1
done
proposals
echo "page cache on: after the pages $(mib VmRSS) MiB, peak $(mib VmHWM) MiB"
kill "$PID"; wait "$PID" 2>/dev/null || true

serve PONTE_PAGE_CACHE_MB=0
start=$(date +%s.%N); proposals; end=$(date +%s.%N)
echo "page cache off: 300 proposal pages one by one in $(echo "$end - $start" | bc) s"
for p in /proposals "/proposals/$PROP" "/search?q=energy"; do
  echo "page cache off: $p $(wrk -t2 -c16 -d8s --latency "$U$p" | awk '/Requests\/sec/ { r = $2 } $1 == "99%" { p = $2 } END { print r " req/s, p99 " p }')"
done
echo "page cache off: peak $(mib VmHWM) MiB"
kill "$PID"; wait "$PID" 2>/dev/null || true
