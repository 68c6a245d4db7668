#!/usr/bin/env bash
# bench/ab.sh: two builds of Masthead side by side, interleaved, on the benchmark corpus: did a
# change cost the public site speed?
#
#   bench/ab.sh OLD_COMMIT            # OLD_COMMIT's jar against the working tree's
#
# What it does:
#   1. builds OLD_COMMIT's jar in a scratch worktree (bench/data/ab-old-tree) and this tree's jar;
#   2. imports bench/data/corpus.ninjs.jsonl (made as bench/search.sh makes it) into a data
#      directory for each jar;
#   3. starts each jar as the launcher would (its serve flags), page cache on, and drives the
#      benchmark story (urn:masthead-bench:item:5000) with wrk, ROUNDS rounds, old and new
#      alternating, each WRK_DURATION s after WRK_WARMUP s of warm-up;
#   4. restarts both with MASTHEAD_PAGE_CACHE=off and drives /search?q=government the same way;
#   5. prints a table of req/s and p99 per round, and the medians, to
#      bench/results/ab-<timestamp>.md.
# Each server keeps its own defaults (the new one logs every request and serves metrics, as in
# production). Only 127.0.0.1 is targeted.
#
# Settings: WRK_THREADS=2 WRK_CONNS=32 WRK_DURATION=10 WRK_WARMUP=5 ROUNDS=3 SKIP_BUILD=0
#   CACHES="on off" (on: the story, off: the search); MASTHEAD_* variables reach both servers.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
old_commit=${1:?usage: bench/ab.sh OLD_COMMIT}
: "${WRK_THREADS:=2}" "${WRK_CONNS:=32}" "${WRK_DURATION:=10}" "${WRK_WARMUP:=5}" "${ROUNDS:=3}"
: "${SKIP_BUILD:=0}" "${QUIET_MAX:=0.3}" "${QUIET_TIMEOUT:=60}" "${CACHES:=on off}"
# shellcheck source=bench/tools.sh
source "$root/bench/tools.sh"
ensure_bench_tools curl wrk python3

data="$root/bench/data"
corpus="$data/corpus.ninjs.jsonl"
[[ -s "$corpus" ]] || die "no corpus at $corpus: run bench/search.sh once, or ../shared/bench/gen-corpus.py and to-ninjs.py into bench/data"
stamp="$(date +%Y%m%d-%H%M%S)"
mkdir -p "$root/bench/results"
report="$root/bench/results/ab-$stamp.md"
oldtree="$data/ab-old-tree"

if [[ "$SKIP_BUILD" != 1 ]]; then
  log "building $old_commit in $oldtree"
  rm -rf "$oldtree"; git worktree prune
  git worktree add --detach "$oldtree" "$old_commit" >/dev/null
  (cd "$oldtree" && ./masthead build) >/dev/null
  log "building the working tree"
  ./masthead build >/dev/null
fi

for side in old new; do
  tree=$([[ $side == old ]] && echo "$oldtree" || echo "$root")
  if [[ ! -s "$data/ab-$side/masthead.db" || "$SKIP_BUILD" != 1 ]]; then
    rm -rf "$data/ab-$side"
    log "importing the corpus with the $side jar"
    (cd "$tree" && MASTHEAD_DATA="$data/ab-$side" MASTHEAD_METRICS=off ./masthead import "$corpus") >/dev/null
  fi
done

pids=()
stop_all() { for p in ${pids[@]+"${pids[@]}"}; do kill -TERM "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; pids=(); }
trap stop_all EXIT

# start SIDE CACHE: starts a server and sets $port. Not called in $(…): a subshell's pids+=()
# would be lost, and stop_all would leave the server running, holding its index's lock.
start() {
  local side=$1 cache=$2 tree
  tree=$([[ $side == old ]] && echo "$oldtree" || echo "$root")
  port=$(free_port)
  (cd "$tree" && MASTHEAD_DATA="$data/ab-$side" MASTHEAD_PORT=$port MASTHEAD_HOST=127.0.0.1 \
     MASTHEAD_PAGE_CACHE=$cache MASTHEAD_METRICS=127.0.0.1:$(free_port) \
     exec ./masthead serve >"$root/bench/results/ab-$stamp-$side-$cache.log" 2>&1) &
  pids+=($!)
  for _ in $(seq 1 300); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/search?q=government")" == 200 ]] && break
    sleep 0.2
  done
}

story_path() { # the benchmark story's canonical path on the server on port $1
  local ids id section loc
  ids=$(python3 - "$data/ab-new/masthead.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
row = db.execute("SELECT id, section FROM items WHERE uri = 'urn:masthead-bench:item:5000'").fetchone()
print(*row) if row else print("")
PY
)
  read -r id section <<<"$ids" || true
  [[ -n "$id" ]] || die "urn:masthead-bench:item:5000 is not in the corpus"
  loc=$(curl -s -o /dev/null -w '%{redirect_url}' "http://127.0.0.1:$1/$section/$id")
  echo "/${loc#http*://*/}"
}

run() { # run NAME URL: one wrk window, prints "req/s p99ms"
  wait_quiet "$1" /dev/null || true
  wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"${WRK_WARMUP}s" "$2" >/dev/null
  wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"${WRK_DURATION}s" --latency "$2" | python3 -c '
import re, sys
t = sys.stdin.read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
m = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", t)
p99 = float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
print(f"{rps:.0f} {p99:.2f}")'
}

{
  echo "# bench/ab.sh $old_commit against $(git rev-parse --short HEAD) ($(date -u +%F\ %H:%M) UTC)"
  echo
  echo "wrk -t$WRK_THREADS -c$WRK_CONNS, ${WRK_WARMUP}s warm-up then ${WRK_DURATION}s, $ROUNDS rounds alternating."
  echo
  echo "| target | round | old req/s | old p99 ms | new req/s | new p99 ms |"
  echo "|---|---:|---:|---:|---:|---:|"
} >"$report"

for cache in $CACHES; do
  stop_all
  start old "$cache"; old_port=$port
  start new "$cache"; new_port=$port
  if [[ $cache == on ]]; then
    path=$(story_path "$new_port"); target="story (cached)"
  else
    path="/search?q=government"; target="search (uncached)"
  fi
  log "$target: $path"
  for round in $(seq 1 "$ROUNDS"); do
    if (( round % 2 )); then o=$(run old "http://127.0.0.1:$old_port$path"); n=$(run new "http://127.0.0.1:$new_port$path")
    else n=$(run new "http://127.0.0.1:$new_port$path"); o=$(run old "http://127.0.0.1:$old_port$path"); fi
    echo "| $target | $round | ${o% *} | ${o#* } | ${n% *} | ${n#* } |" >>"$report"
    log "$target round $round: old $o, new $n"
  done
done
stop_all
python3 - "$report" <<'PY' >>"$report"
import sys, statistics
rows = [l.split("|")[1:-1] for l in open(sys.argv[1]) if l.startswith("| s")]
print("\n| target | old req/s (median) | new req/s (median) | new/old | old p99 | new p99 |\n|---|---:|---:|---:|---:|---:|")
for target in dict.fromkeys(r[0].strip() for r in rows):
    rs = [r for r in rows if r[0].strip() == target]
    med = lambda i: statistics.median(float(r[i]) for r in rs)
    print(f"| {target} | {med(2):.0f} | {med(4):.0f} | {med(4)/med(2):.2f} | {med(3):.2f} | {med(5):.2f} |")
PY
cat "$report"
