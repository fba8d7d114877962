#!/usr/bin/env bash
# make bench: HTTP load on the real binary with wrk, each page compared with
# a static page of the same size served from memory by net/http (the
# machine's limit), then the Go benchmarks. Results: tmp/bench/results.md.
#
#   BENCH_SCALE=1        seed size (ponte seed --scale); the database is kept
#                        in tmp/bench/ and reused by the next run
#   BENCH_DURATION=15s   wrk duration per page (and per static run)
#   BENCH_CONNECTIONS=64 wrk connections (2 threads)
#   BENCH_GO=1           also run the Go benchmarks (BENCH_GO=0 skips them)
#   BENCH_GO_TIME=50x    -benchtime of the Go benchmarks
#   BENCH_PORT=18080     port of ponte serve (the static server uses +1)
#   BENCH_TOKENS=400     API tokens rotated by wrk (the API allows 600
#                        requests a minute per member: 400 cover 15 s at
#                        up to 16,000 requests a second)
#   BENCH_WRITES=2       also measure the pages while a member writes this
#                        many times a second, each write dropping what the
#                        caches hold (0 skips)
#   BENCH_UNCACHED=1     also measure the pages with the page cache off
#                        (PONTE_PAGE_CACHE_MB=0): what a cache miss costs
#   BENCH_ONLY=regex     measure only the pages whose name matches (grep -E),
#                        e.g. BENCH_ONLY='matches' BENCH_WRITES=0 BENCH_UNCACHED=0
#   BENCH_PROFILE=1      also write a 10 s CPU profile of ponte under each
#                        page's load to tmp/bench/cpu-<page>.pprof
#                        (go tool pprof -top bin/ponte tmp/bench/cpu-….pprof)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SCALE=${BENCH_SCALE:-1}
DURATION=${BENCH_DURATION:-15s}
CONNS=${BENCH_CONNECTIONS:-64}
PORT=${BENCH_PORT:-18080}
SPORT=$((PORT + 1))
NTOKENS=${BENCH_TOKENS:-400}
OUT=$ROOT/tmp/bench
DB=$OUT/scale-$SCALE.db
DBURL="sqlite://$DB"
BIN=$ROOT/bin/ponte
PASSWORD=ponte-seed-password
mkdir -p "$OUT"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# need installs a Debian package when its command is missing.
need() {
  command -v "$1" >/dev/null 2>&1 && return
  log "installing $2"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$2" >/dev/null
}
need wrk wrk
need sqlite3 sqlite3
need curl curl

log "building bin/ponte and the static server"
make -s build
go build -o "$OUT/staticserver" ./internal/benchtools/staticserver

# A file without people (an interrupted seed leaves a migrated, empty one)
# is seeded again.
if [ ! -s "$DB" ] || [ "$(sqlite3 "$DB" "SELECT count(*) FROM users WHERE role <> 'admin'" 2>/dev/null || echo 0)" = 0 ]; then
  log "seeding $DB at scale $SCALE (kept for the next run)"
  rm -f "$DB" "$DB-wal" "$DB-shm"
  PONTE_LOG_FORMAT=text "$BIN" seed --scale "$SCALE" --database "$DBURL" >"$OUT/seed.log" 2>&1
fi
q() { sqlite3 -cmd ".timeout 5000" "$DB" "$1"; }

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

# start_ponte [ENV=VALUE…] starts ponte serve with extra environment and
# waits until it answers.
start_ponte() {
  log "starting ponte serve on 127.0.0.1:$PORT $*"
  local debug=()
  [ "${BENCH_PROFILE:-0}" = 1 ] && debug=(PONTE_DEBUG_ADDR="127.0.0.1:$((PORT + 2))")
  env "$@" "${debug[@]}" PONTE_LOG_FORMAT=json PONTE_BASE_URL="http://127.0.0.1:$PORT" \
    "$BIN" serve --addr "127.0.0.1:$PORT" --database "$DBURL" >"$OUT/ponte.out" 2>"$OUT/ponte.log" &
  PONTE_PID=$!
  PIDS+=("$PONTE_PID")
  for _ in $(seq 300); do
    curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break
    kill -0 "$PONTE_PID" 2>/dev/null || { cat "$OUT/ponte.log" >&2; exit 1; }
    sleep 0.2
  done
  # The skill index and the suggestion model are built in the background
  # at start; measuring while they build would measure the build.
  for _ in $(seq 600); do grep -q 'skill index built' "$OUT/ponte.log" && break; sleep 0.2; done
  # So is the janitor's first run, which ends by recounting the
  # organisations known for each skill through their members (a scan of
  # every membership's skills: tens of seconds at scale 100).
  for _ in $(seq 1500); do grep -q 'janitor: member organisation counts' "$OUT/ponte.log" && break; sleep 0.2; done
}
start_ponte
"$OUT/staticserver" -addr "127.0.0.1:$SPORT" >/dev/null 2>&1 &
PIDS+=("$!")
for _ in $(seq 300); do curl -fs "http://127.0.0.1:$SPORT/1" >/dev/null 2>&1 && break; sleep 0.2; done
BASE="http://127.0.0.1:$PORT"

# A member: someone with a profile, skills and a region.
EMAIL=$(q "SELECT u.email FROM users u JOIN profile_skills s ON s.user_id = u.id WHERE u.role = 'member' ORDER BY u.id LIMIT 1")
log "signing in as $EMAIL"
JAR=$OUT/cookies.txt
rm -f "$JAR"
curl -fs -o /dev/null -c "$JAR" -d "email=$EMAIL" --data-urlencode "password=$PASSWORD" "$BASE/login"
COOKIE=$(awk '{ sub(/^#HttpOnly_/, "") } !/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$JAR")
[ -n "$COOKIE" ] || { echo "sign-in failed: no session cookie" >&2; exit 1; }

# Real ids for the URLs: the most common region with a common skill in it.
read -r REGION URI <<<"$(q "SELECT s.region, c.uri FROM profile_skills s JOIN concepts c ON c.id = s.concept_id
  WHERE s.region <> '' GROUP BY s.region, s.concept_id ORDER BY count(*) DESC LIMIT 1" | tr '|' ' ')"
ORG=$(q "SELECT id FROM organisations ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM organisations)")
PROP=$(q "SELECT id FROM proposals WHERE status = 'published' ORDER BY id DESC LIMIT 1")
if [ -z "$PROP" ]; then
  log "the seed has no published proposal: writing one as $EMAIL"
  loc=$(curl -s -o /dev/null -w '%{redirect_url}' -H "Cookie: $COOKIE" --data-urlencode type=technology_offer \
    -d lang=en --data-urlencode "title=Benchmark proposal: low-power sensor networks" \
    --data-urlencode "summary=A proposal written by make bench, so the proposal pages have one." \
    --data-urlencode "skill1_uri=$URI" -d level1=2 "$BASE/proposals")
  PROP=${loc##*/}
  curl -s -o /dev/null -H "Cookie: $COOKIE" -d to=published "$BASE/proposals/$PROP/status"
fi
log "region $REGION, skill $URI, organisation $ORG, proposal $PROP"

# The matches of a proposal are for whoever may edit it: each of up to
# NTOKENS proposals is asked for with its proposer's token (one token alone
# would meet the API's limit of 600 requests a minute).
log "creating up to $NTOKENS API tokens (proposers of published proposals)"
TOKENS=()
MPROPS=()
# Two at a time: each is a process that opens the database.
while read -r pid token; do
  [ -n "$token" ] || continue
  MPROPS+=("$pid")
  TOKENS+=("$token")
done < <(q "SELECT min(p.id), u.email FROM proposals p JOIN users u ON u.id = p.proposer_id
  WHERE p.status = 'published' GROUP BY u.id, u.email ORDER BY min(p.id) LIMIT $NTOKENS" |
  BIN=$BIN DBURL=$DBURL xargs -P 2 -I{} sh -c 'pid=${1%%|*}; email=${1#*|}
    printf "%s %s\n" "$pid" "$(PONTE_LOG_FORMAT=text "$BIN" token create --email "$email" --name bench \
      --database "$DBURL" 2>/dev/null | tail -n 1)"' _ {})
[ ${#TOKENS[@]} -gt 0 ] || { echo "no published proposal with a proposer" >&2; exit 1; }

# wrk scripts: one adds the member's cookie, one rotates bearer tokens.
cat >"$OUT/cookie.lua" <<EOF
wrk.headers["Cookie"] = "$COOKIE"
EOF
{
  printf 'local tokens = {'
  printf '"%s",' "${TOKENS[@]}"
  printf '}\nlocal props = {'
  printf '"%s",' "${MPROPS[@]}"
  printf '}\nlocal i = 0\nrequest = function()\n  i = i + 1\n  local k = i %% #tokens + 1\n'
  printf '  local path = string.gsub(wrk.path, "/proposals/%%d+/", "/proposals/" .. props[k] .. "/")\n'
  printf '  return wrk.format(nil, path, {["Authorization"] = "Bearer " .. tokens[k]})\nend\n'
} >"$OUT/bearer.lua"
: >"$OUT/none.lua"

urlenc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
# name | auth (none, cookie, bearer) | path
PAGES=(
  "home, visitor|none|/"
  "home, member|cookie|/"
  "/people, skill + region|none|/people?skill_uri=$(urlenc "$URI")&region=$REGION"
  "organisation page|none|/organisations/$ORG"
  "/proposals|none|/proposals"
  "proposal page|none|/proposals/$PROP"
  "/search?q=…|none|/search?q=$(urlenc "energy")"
  "matches API|bearer|/api/v1/proposals/${MPROPS[0]}/matches"
)

# wrkrun URL LUA → "p50 p99 rps non2xx" (milliseconds)
wrkrun() {
  local out
  out=$(wrk -t2 -c"$CONNS" -d"$DURATION" --timeout 30s --latency -s "$2" "$1" 2>&1)
  echo "$out" >>"$OUT/wrk.log"
  awk -v u=1 '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    /^Requests\/sec/ { rps = $2 } /Non-2xx or 3xx/ { bad = $NF }
    END { printf "%.2f %.2f %.0f %d\n", p50, p99, rps, bad }' <<<"$out"
}

rss() { awk -v k="$1:" '$1 == k { printf "%.0f", $2 / 1024 }' "/proc/$PONTE_PID/status"; }

RES=$OUT/results.md
: >"$OUT/wrk.log"
{
  echo "HTTP load: \`BENCH_SCALE=$SCALE BENCH_DURATION=$DURATION make bench\`, wrk -t2 -c$CONNS, SQLite, $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "($(q "SELECT count(*) FROM users") users, $(q "SELECT count(*) FROM organisations") organisations, $(q "SELECT count(*) FROM proposals") proposals)"
  echo
  echo "| page | bytes | p50 ms | p99 ms | req/s | non-2xx | static req/s (same size) | static p99 ms | ratio | RSS MiB |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$RES"
# measure NAME AUTH PATH: one table row (wrk on the page, then on a static
# page of the same size).
measure() {
  local name=$1 auth=$2 path=$3 hdr=() code size p50 p99 rps bad mem sp99 srps ratio prof=""
  [ -n "${BENCH_ONLY:-}" ] && ! grep -qE -- "$BENCH_ONLY" <<<"$name" && return
  [ "$auth" = cookie ] && hdr=(-H "Cookie: $COOKIE")
  [ "$auth" = bearer ] && hdr=(-H "Authorization: Bearer ${TOKENS[0]}")
  read -r code size <<<"$(curl -s -o /dev/null -w '%{http_code} %{size_download}' "${hdr[@]}" "$BASE$path")"
  if [ "$code" != 200 ]; then
    log "skip $name: $path answers $code (not built yet?)"
    echo "| $name | | | | | | | | skipped: $path answers $code | |" >>"$RES"
    return
  fi
  for _ in $(seq "${BENCH_WARMUP:-20}"); do curl -s -o /dev/null "${hdr[@]}" "$BASE$path"; done
  if [ "$auth" = bearer ]; then
    # Every page wrk will ask for is warmed, as the other pages are: the
    # matches of each of the proposals (a first computation is timed by
    # BenchmarkSeeded, not here).
    for i in "${!TOKENS[@]}"; do
      curl -s -o /dev/null -H "Authorization: Bearer ${TOKENS[$i]}" "$BASE/api/v1/proposals/${MPROPS[$i]}/matches"
    done
  fi
  log "wrk $name ($size bytes): $path"
  if [ "${BENCH_PROFILE:-0}" = 1 ]; then
    prof=$OUT/cpu-$(tr -c 'a-zA-Z0-9\n' '-' <<<"$name" | tr -s '-').pprof
    (sleep 2; curl -s -o "$prof" "http://127.0.0.1:$((PORT + 2))/debug/pprof/profile?seconds=10") &
  fi
  read -r p50 p99 rps bad <<<"$(wrkrun "$BASE$path" "$OUT/$auth.lua")"
  [ -n "$prof" ] && wait $! && log "CPU profile: $prof"
  mem=$(rss VmRSS)
  read -r _ sp99 srps _ <<<"$(wrkrun "http://127.0.0.1:$SPORT/$size" "$OUT/none.lua")"
  ratio=$(awk -v a="$rps" -v b="$srps" 'BEGIN { if (b > 0) printf "%.3f", a / b }')
  echo "| $name | $size | $p50 | $p99 | $rps | $bad | $srps | $sp99 | $ratio | $mem |" >>"$RES"
}
for entry in "${PAGES[@]}"; do
  IFS='|' read -r name auth path <<<"$entry"
  measure "$name" "$auth" "$path"
done
# Every write anywhere moves the content version and drops what the caches
# hold: the same visitors' pages again while a member saves a setting
# BENCH_WRITES times a second (0 skips these rows).
WRITES=${BENCH_WRITES:-2}
if [ "$WRITES" != 0 ]; then
  (
    pause=$(awk -v r="$WRITES" 'BEGIN { print 1 / r }')
    while :; do
      curl -s -o /dev/null -H "Cookie: $COOKIE" -d in_app=on -d email=on -d digest=on "$BASE/notifications/settings"
      sleep "$pause"
    done
  ) &
  WRITER=$!
  PIDS+=("$WRITER")
  for entry in "${PAGES[@]}"; do
    IFS='|' read -r name auth path <<<"$entry"
    [ "$auth" != bearer ] && measure "$name, $WRITES writes/s" "$auth" "$path"
  done
  kill "$WRITER" 2>/dev/null || true
fi
PEAK=$(rss VmHWM)
if [ "${BENCH_UNCACHED:-1}" = 1 ]; then
  # The same pages with the page cache off (visitors' and the member's):
  # every request renders.
  kill "$PONTE_PID"
  wait "$PONTE_PID" 2>/dev/null || true
  start_ponte PONTE_PAGE_CACHE_MB=0
  for entry in "${PAGES[@]}"; do
    IFS='|' read -r name auth path <<<"$entry"
    [ "$auth" != bearer ] && measure "$name, page cache off" "$auth" "$path"
  done
  PEAK="$PEAK (cache on), $(rss VmHWM) (cache off)"
fi
echo >>"$RES"
echo "Ponte's peak resident memory (VmHWM) over the run: $PEAK MiB." >>"$RES"
cat "$RES"

if [ "${BENCH_GO:-1}" = 1 ]; then
  log "Go benchmarks (-benchtime ${BENCH_GO_TIME:-50x})"
  pkgs=$(go list ./internal/... | grep -E '/(sqlstore|service|search|match|suggest|skillindex)$' || true)
  # shellcheck disable=SC2086
  # BenchmarkSeeded (internal/service) reads the seeded database itself.
  PONTE_BENCH_DB="$DBURL" go test -run '^$' -bench . -benchtime "${BENCH_GO_TIME:-50x}" -timeout 60m $pkgs | tee "$OUT/go-bench.txt"
  { echo; echo "Go benchmarks: tmp/bench/go-bench.txt"; } >>"$RES"
fi
