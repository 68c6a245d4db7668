#!/usr/bin/env bash
# bench/search.sh: benchmark of Masthead's search on the shared benchmark corpus.
#
#   bench/search.sh                 # the whole run (a few minutes once the corpus exists)
#   SKIP_BUILD=1 bench/search.sh    # reuse target/masthead.jar as it is
#   SKIP_IMPORT=1 bench/search.sh   # reuse bench/data/search-db as it is
#
# What it does, in order:
#   1. builds target/masthead.jar (./masthead build);
#   2. finds the corpus: bench/data/corpus.ninjs.jsonl, else $CORPUS, else makes it with
#      ../shared/bench/gen-corpus.py and to-ninjs.py (10,000 stories + 5,000 briefs);
#   3. imports it into a fresh bench/data/search-db with `./masthead import`, then rebuilds the
#      search index with `./masthead reindex` and records the rate it prints;
#   4. starts `./masthead serve` on a free loopback port and waits until search answers;
#   5. drives /search?q=government with wrk (2 threads, 32 connections, WRK_WARMUP s of warm-up,
#      then WRK_DURATION s with --latency): first with the page cache on (the default: a repeated
#      search is served from memory), then restarted with MASTHEAD_PAGE_CACHE=off so every request
#      runs the search, highlights and renders; then, cache off, a mix of searches (phrases,
#      prefixes, filters, Persian, second pages) from bench/search-queries.lua.
# For each run: req/s, p50/p99, non-2xx, and the server's CPU per request. "foreign" is CPU the
# machine spent outside the server and wrk meanwhile (other work: noise). Before each measured
# window it waits (up to QUIET_TIMEOUT s) for other processes to use less than QUIET_MAX cores.
# Prints a summary and writes bench/results/search-<timestamp>.md. Only 127.0.0.1 is targeted;
# the servers it started are stopped on exit.
#
# Settings: WRK_THREADS=2 WRK_CONNS=32 WRK_DURATION=15 WRK_WARMUP=5 QUIET_MAX=0.3
#   QUIET_TIMEOUT=120 SHARED_BENCH=../shared/bench CORPUS=… MASTHEAD_JAVA_OPTS passed on.
# Needs: bash, curl, wrk, python3, JDK 25 (found by ./masthead).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

: "${SHARED_BENCH:=$root/../shared/bench}"
: "${WRK_THREADS:=2}"
: "${WRK_CONNS:=32}"
: "${WRK_DURATION:=15}"
: "${WRK_WARMUP:=5}"
: "${QUIET_MAX:=0.3}"
: "${QUIET_TIMEOUT:=120}"
: "${SKIP_BUILD:=0}"
: "${SKIP_IMPORT:=0}"

data_dir="$root/bench/data"
db="$data_dir/search-db"
stamp="$(date +%Y%m%d-%H%M%S)"
raw="$root/bench/results/search-$stamp"
report="$root/bench/results/search-$stamp.md"
runs="$raw/runs.jsonl"
mkdir -p "$data_dir" "$raw"
: >"$runs"

# shellcheck source=bench/tools.sh
source "$root/bench/tools.sh"
ensure_bench_tools curl wrk python3

server_pid=""
stop_server() {
  [[ -n "$server_pid" ]] || return 0
  kill -TERM "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM


# start_server NAME on|off: starts the server and waits until search answers 200.
start_server() {
  local name=$1 cache=$2
  port=$(free_port)
  (MASTHEAD_DATA="$db" MASTHEAD_PORT="$port" MASTHEAD_HOST=127.0.0.1 MASTHEAD_PAGE_CACHE="$cache" \
    exec ./masthead serve >"$raw/$name.server.log" 2>&1) &
  server_pid=$!
  local t0 code
  t0=$(date +%s)
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "http://127.0.0.1:$port/search?q=oil" || true)
    [[ "$code" == 200 ]] && break
    kill -0 "$server_pid" 2>/dev/null || die "the server stopped; see $raw/$name.server.log"
    (( $(date +%s) - t0 < 120 )) || die "search did not answer 200 within 120 s (last: $code)"
    sleep 0.05
  done
  base="http://127.0.0.1:$port"
  log "  $name: serving on $base (page cache $cache)"
}

cpu_snap() { # machine busy jiffies, server utime+stime
  python3 - "$server_pid" <<'PY'
import sys
v = [int(x) for x in open("/proc/stat").readline().split()[1:]]
s = open(f"/proc/{sys.argv[1]}/stat").read().rsplit(")", 1)[1].split()
print(sum(v[:8]) - v[3] - v[4], int(s[11]) + int(s[12]))
PY
}

# drive NAME PATH [LUA]: warm-up, then the measured wrk run; appends a JSON line to runs.jsonl.
drive() {
  local name=$1 path=$2 script=${3:-} url="$base$2" a b
  local extra=()
  [[ -n "$script" ]] && extra=(-s "$script")
  wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"${WRK_WARMUP}s" "${extra[@]}" "$url" >/dev/null 2>&1 || true
  wait_quiet "$name" "$runs"
  a=$(cpu_snap)
  wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"${WRK_DURATION}s" --latency "${extra[@]}" "$url" \
    >"$raw/$name.wrk.txt" 2>&1 || true
  b=$(cpu_snap)
  python3 - "$name" "$path" "$raw/$name.wrk.txt" "$a" "$b" >>"$runs" <<'PY'
import json, os, re, sys
name, path, wrkf, a, b = sys.argv[1:]
text = open(wrkf).read()
def ms(v, unit): return float(v) * {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}[unit]
def lat(p):
    m = re.search(rf"^\s*{p}%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M)
    return ms(*m.groups()) if m else None
rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
total = re.search(r"(\d+) requests in", text)
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
hz = os.sysconf("SC_CLK_TCK")
(b0, s0), (b1, s1) = [tuple(int(x) for x in v.split()) for v in (a, b)]
n = int(total.group(1)) if total else 0
server = (s1 - s0) / hz
print(json.dumps({"run": name, "path": path, "rps": float(rps.group(1)) if rps else 0.0,
    "p50_ms": lat(50), "p99_ms": lat(99), "requests": n,
    "non2xx": int(non2xx.group(1)) if non2xx else 0,
    "server_cpu_ms_per_req": server * 1000 / n if n else None,
    "foreign_cpu_s": (b1 - b0) / hz - server}))
PY
  tail -n1 "$runs" | python3 -c "$(cat <<'PY'
import json, sys
r = json.loads(sys.stdin.read())
print(f"  {r['run']:<22} {r['rps']:>9.0f} req/s  p50 {r['p50_ms']:.2f} ms  p99 {r['p99_ms']:.2f} ms  "
      f"non2xx {r['non2xx']}  server {r['server_cpu_ms_per_req'] or 0:.3f} cpu-ms/req  "
      f"foreign {r['foreign_cpu_s']:.1f} cpu-s", file=sys.stderr)
PY
)"
}

# 1. build
if [[ "$SKIP_BUILD" != 1 ]]; then
  log "building target/masthead.jar"
  ./masthead build
fi

# 2. corpus
corpus="$data_dir/corpus.ninjs.jsonl"
if [[ ! -s "$corpus" ]]; then
  if [[ -n "${CORPUS:-}" && -s "$CORPUS" ]]; then
    corpus="$CORPUS"
  else
    log "generating the corpus into ${data_dir#"$root"/}"
    python3 "$SHARED_BENCH/gen-corpus.py" --out "$data_dir/corpus.jsonl"
    python3 "$SHARED_BENCH/to-ninjs.py" "$data_dir/corpus.jsonl" "$corpus"
  fi
fi
log "corpus: $corpus ($(wc -l <"$corpus") items)"

# 3. import and reindex
if [[ "$SKIP_IMPORT" != 1 || ! -d "$db" ]]; then
  rm -rf "$db"
  log "importing into ${db#"$root"/}"
  MASTHEAD_DATA="$db" ./masthead import "$corpus" >"$raw/import.log" 2>&1 || die "import failed; see $raw/import.log"
  wait_quiet "the reindex" "$runs"
  MASTHEAD_DATA="$db" ./masthead reindex >"$raw/reindex.log" 2>&1 || die "reindex failed; see $raw/reindex.log"
  line=$(grep -E '^Indexed ' "$raw/reindex.log" | tail -n1)
  log "  $line"
  python3 -c 'import json,re,sys; m=re.search(r"Indexed (\d+) .* in ([\d.]+) s \(([\d.]+) items/s\)", sys.argv[1]); print(json.dumps({"reindex": sys.argv[1], "items": int(m[1]), "seconds": float(m[2]), "items_per_s": float(m[3])}))' "$line" >>"$runs"
fi

# 4-5. measure
start_server cached on
drive government-cached "/search?q=government"
stop_server
start_server nocache off
drive government-nocache "/search?q=government"
drive mixed-nocache "/search" "$root/bench/search-queries.lua"
stop_server

python3 - "$runs" "$report" <<'PY' | tee "$raw/summary.txt"
import json, os, subprocess, sys, time
runs_f, report = sys.argv[1:]
rows = [json.loads(l) for l in open(runs_f)]
runs = [r for r in rows if "run" in r]
re_ = next((r for r in rows if "reindex" in r), None)
noisy = [r for r in rows if "noisy" in r]
def git(*a): return subprocess.run(["git", *a], capture_output=True, text=True).stdout.strip()
out = [f"# Masthead search benchmark, {time.strftime('%Y-%m-%d %H:%M:%S %Z')}", ""]
out.append(f"Commit `{git('rev-parse', '--short', 'HEAD')}`, {os.cpu_count()} CPUs, load average at the end "
           f"{open('/proc/loadavg').read().split()[0]}. wrk 2 threads, 32 connections on 127.0.0.1 "
           "(wrk shares the cores with the server). Target: >= 2,400 searches/s with p99 < 20 ms.")
if re_:
    out.append(f"\nReindex: {re_['items']} items in {re_['seconds']:.1f} s ({re_['items_per_s']:,.0f} items/s).")
out += ["", "| Run | req/s | p50 ms | p99 ms | non-2xx | server CPU ms/req | foreign CPU s | target met |",
        "|---|---:|---:|---:|---:|---:|---:|---|"]
for r in runs:
    met = "yes" if r["rps"] >= 2400 and (r["p99_ms"] or 1e9) < 20 else "**no**"
    out.append(f"| {r['run']} (`{r['path']}`) | {r['rps']:,.0f} | {r['p50_ms']:.2f} | {r['p99_ms']:.2f} | "
               f"{r['non2xx']} | {r['server_cpu_ms_per_req'] or 0:.3f} | {r['foreign_cpu_s']:.1f} | {met} |")
if noisy:
    out.append("\nMeasured on a busy machine: " + ", ".join(f"{r['noisy']} ({r['busy_cores']} cores busy elsewhere)" for r in noisy) + ".")
text = "\n".join(out) + "\n"
open(report, "w").write(text)
print(text)
PY
log "report: ${report#"$root"/}"
