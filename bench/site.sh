#!/usr/bin/env bash
# bench/site.sh: end-to-end benchmark of Masthead's public site on the shared benchmark corpus.
#
#   bench/site.sh                  # the whole run (about 5 minutes once the corpus exists)
#   SKIP_BUILD=1 bench/site.sh     # reuse target/masthead.jar as it is
#
# What it does, in order:
#   1. builds target/masthead.jar with the launcher's build step (./masthead build);
#   2. makes the corpus with ../shared/bench/gen-corpus.py and to-ninjs.py into
#      bench/data/corpus.{jsonl,ninjs.jsonl} (10,000 stories + 5,000 briefs), unless it is there;
#   3. imports it with `./masthead import` into a fresh data directory (bench/data/site-db) and
#      records the rate the import command prints (items/s);
#   4. starts `./masthead serve` on a free loopback port (page cache on) and times the process
#      start to the first 200 of the front page (a fresh process; the first request of its life);
#      the JVM's own start is read from a -Xlog:gc+init line, to split launcher and JVM time;
#   5. warms up (WARMUP_ALL seconds of wrk on each page), then drives the front page, the
#      benchmark story (ninjs uri urn:masthead-bench:item:5000) and its section front with wrk
#      (2 threads, 32 connections, 5 s warm-up, then 15 s with --latency; ROUNDS times, interleaved),
#      recording req/s,
#      p50/p99 and server CPU per request; "foreign cpu" is CPU the machine spent outside the
#      server and wrk during the window (other people's work: noise);
#   6. reads VmRSS (and VmHWM) of the java process from /proc/PID/status after the load, then
#      crawls every item page the sitemaps list once (4 readers, as a search engine would: the
#      worst case for the page caches' memory) and reads the peak RSS again;
#   7. restarts with MASTHEAD_PAGE_CACHE=off and drives the story page again;
#   8. times fresh starts with a class-data (CDS) archive trained on `serve` (see CDS_STARTS).
# It prints a summary table and writes it to bench/results/site-<timestamp>.md, with the raw wrk
# outputs and server logs in bench/results/site-<timestamp>/. Servers it started are stopped on
# exit, failure or interrupt. Only 127.0.0.1 is ever targeted.
#
# Settings (environment): WRK_THREADS=2 WRK_CONNS=32 WRK_DURATION=15 WRK_WARMUP=5 WARMUP_ALL=5
#   SHARED_BENCH=../shared/bench  STORY_URI=urn:masthead-bench:item:5000
#   ROUNDS=3: measured windows per page, interleaved (front, story, section, front, ...); the
#   report gives the median req/s, p50 and p99 over the rounds, with the range. NOISY_CORES=0.1:
#   windows in which other processes used more than this many cores on average are marked noisy.
#   NOCACHE_PAGES="story" (add "front section" to drive those without the page cache too)
#   QUIET_MAX=0.3 QUIET_TIMEOUT=300: before the import, each start and each measured window, wait
#   until other processes use less than QUIET_MAX cores (2 s sample), at most QUIET_TIMEOUT s; a
#   window measured anyway is flagged in the report.
#   MAX_RESTARTS=3: a phase (cache on / cache off) whose server is killed by something else on the
#   machine is run again from its start, at most this many times; the kills are listed in the report.
#   CDS_STARTS=3: finally, time this many fresh starts with a class-data archive trained on serve
#   (bench/results/site-<timestamp>/serve-trained.jsa), beside the launcher's own archive; 0 skips.
#   MASTHEAD_JAVA_OPTS is passed on to the launcher.
# Needs: bash, curl, wrk, python3, JDK 25 (found by ./masthead), /usr/bin/time.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

: "${SHARED_BENCH:=$root/../shared/bench}"
: "${WRK_THREADS:=2}"
: "${WRK_CONNS:=32}"
: "${WRK_DURATION:=15}"
: "${WRK_WARMUP:=5}"
: "${WARMUP_ALL:=5}"
: "${STORY_URI:=urn:masthead-bench:item:5000}"
: "${NOCACHE_PAGES:=story}"
: "${SKIP_BUILD:=0}"
: "${QUIET_MAX:=0.3}"      # cores other processes may use while we measure
: "${QUIET_TIMEOUT:=300}"  # seconds to wait for that before measuring anyway
: "${MAX_RESTARTS:=3}"     # phases run again when the server is killed from outside
: "${CDS_STARTS:=3}"       # fresh starts measured with a serve-trained CDS archive (0: skip)
: "${ROUNDS:=3}"           # measured windows per page (interleaved); the report gives medians
: "${NOISY_CORES:=0.1}"    # a window in which others used more cores than this is marked noisy

data_dir="$root/bench/data"
corpus_json="$data_dir/corpus.jsonl"
corpus="$data_dir/corpus.ninjs.jsonl"
site_db="$data_dir/site-db"
stamp="$(date +%Y%m%d-%H%M%S)"
report="$root/bench/results/site-$stamp.md"
raw="$root/bench/results/site-$stamp"
runs="$raw/runs.jsonl"
mkdir -p "$data_dir" "$raw"


# shellcheck source=bench/tools.sh
source "$root/bench/tools.sh"
ensure_bench_tools curl wrk python3 /usr/bin/time

# ------------------------------------------------------------------ server lifecycle
# The server runs inside a "phase" (a background subshell, see run_phase) that stops it on exit.
server_pid=""
port=""
phase_pid=""
extra_java_opts=""  # more JVM flags for start_server (the trained-archive starts)
phase_out="$runs"   # where measurements go; a phase writes to its own file until it succeeds
stop_server() {
  [[ -n "$server_pid" ]] || return 0
  if kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 300); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
  rm -f "$raw/server.pid"
}
cleanup() {
  if [[ -n "$phase_pid" ]]; then
    kill -TERM "$phase_pid" 2>/dev/null || true
    # the phase acts on the signal only after its current command: stop its server now
    local pid
    pid=$(cat "$raw/server.pid" 2>/dev/null || true)
    [[ -n "$pid" ]] && kill -TERM "$pid" 2>/dev/null || true
    wait "$phase_pid" 2>/dev/null || true
  fi
  stop_server
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The server went away under us. On a shared machine that is someone else's broad kill (pkill
# java and the like): record it, and exit 75 so that run_phase runs the phase again.
server_died() {
  local status=0 what=$1
  wait "$server_pid" 2>/dev/null || status=$?
  local how="exit status $status"
  (( status > 128 )) && how+=" (signal $((status - 128)))"
  log "  the server (pid $server_pid) went away during $what: $how; see ${raw#"$root"/}"
  echo "{\"server_died\": \"$what\", \"status\": $status, \"at\": \"$(date +%T)\"}" >>"$runs"
  server_pid=""
  exit 75
}
alive() { kill -0 "$server_pid" 2>/dev/null || server_died "$1"; }

# run_phase NAME FUNCTION: runs FUNCTION in a background subshell (so that `set -e` holds in it)
# that stops its server on exit. When the server is killed from outside, runs it again, up to
# MAX_RESTARTS times; only the measurements of the attempt that completes are kept.
run_phase() {
  local name=$1 fn=$2 rc
  for attempt in $(seq $((MAX_RESTARTS + 1))); do
    phase_out="$raw/$name.attempt$attempt.jsonl"
    : >"$phase_out"
    rc=0
    (
      trap stop_server EXIT
      trap 'exit 143' TERM
      trap 'exit 130' INT
      "$fn"
    ) &
    phase_pid=$!
    wait "$phase_pid" || rc=$?
    phase_pid=""
    if (( rc == 0 )); then
      cat "$phase_out" >>"$runs"
      phase_out="$runs"
      return 0
    fi
    (( rc == 75 )) || exit "$rc"
    log "phase $name: the server was killed from outside; running the phase again"
  done
  die "phase $name: the server was killed $((MAX_RESTARTS + 1)) times; giving up"
}

now_ns() { date +%s%N; }

# start_server NAME on|off: starts ./masthead serve, waits for the front page's first 200 and
# appends {"start": NAME, ...timings} to runs.jsonl.
start_server() {
  local name=$1 cache=$2
  port=$(free_port)
  local slog="$raw/$name.a$attempt.server.log" jlog="$raw/$name.a$attempt.jvm-start.log"
  local cds="absent (the launcher's JVM writes it when it exits)"
  if [[ -f target/masthead.jsa ]]; then
    if [[ target/masthead.jsa -ot target/masthead.jar ]]; then
      cds="stale (older than the jar: the JVM cannot use it, and does not replace it)"
    else
      cds="present ($(( $(stat -c %s target/masthead.jsa) / 1048576 )) MB)"
    fi
  fi
  [[ -n "$extra_java_opts" ]] && cds="$extra_java_opts"
  local t0 t1 code
  wait_quiet "the $name start" "$phase_out"
  t0=$(now_ns)
  MASTHEAD_DATA="$site_db" MASTHEAD_PORT="$port" MASTHEAD_HOST=127.0.0.1 \
    MASTHEAD_PAGE_CACHE="$cache" \
    MASTHEAD_JAVA_OPTS="${MASTHEAD_JAVA_OPTS:-} $extra_java_opts -Xlog:gc+init=info:file=$jlog:utctime,uptimemillis" \
    ./masthead serve >"$slog" 2>&1 &
  server_pid=$!
  echo "$server_pid" >"$raw/server.pid"
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "http://127.0.0.1:$port/" || true)
    [[ "$code" == 200 ]] && break
    alive "the start (see $slog)"
    (( $(now_ns) - t0 < 60000000000 )) || die "no 200 from the front page within 60 s; see $slog"
    [[ "$code" == 000 ]] || die "the front page answered $code on a fresh start; see $slog"
    sleep 0.005
  done
  t1=$(now_ns)
  python3 - "$name" "$cache" "$t0" "$t1" "$jlog" "$cds" "$attempt" >>"$phase_out" <<'PY'
import json, sys
from datetime import datetime
name, cache, t0, t1, jlog, cds, attempt = sys.argv[1:]
t0, t1 = int(t0), int(t1)
jvm_ms = launcher_ms = None
try:
    first = open(jlog).readline()           # [2026-01-01T12:00:00.123+0000][3ms] ...
    stamp, rest = first[1:].split("][", 1)
    up = int(rest.split("]", 1)[0].removesuffix("ms"))
    start = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%f%z").timestamp() * 1000 - up
    jvm_ms = t1 / 1e6 - start
    launcher_ms = start - t0 / 1e6
except Exception as e:  # the split is a detail; the total is what counts
    print(f"cannot read the JVM start from {jlog}: {e}", file=sys.stderr)
print(json.dumps({"start": name, "cache": cache, "first200_ms": (t1 - t0) / 1e6,
                  "jvm_first200_ms": jvm_ms, "launcher_ms": launcher_ms, "cds_archive": cds,
                  "attempt": int(attempt)}))
PY
  log "  $name: first 200 of / after $(( (t1 - t0) / 1000000 )) ms (pid $server_pid, port $port)"
}

# ------------------------------------------------------------------ measuring
# CPU snapshot: machine busy jiffies and the server's utime+stime, "busy server".
cpu_snap() {
  python3 - "$server_pid" <<'PY'
import sys
f = open("/proc/stat").readline().split()[1:]
v = [int(x) for x in f]
busy = sum(v[:8]) - v[3] - v[4]          # all but idle and iowait (guest is inside user)
s = open(f"/proc/{sys.argv[1]}/stat").read().rsplit(")", 1)[1].split()
print(busy, int(s[11]) + int(s[12]))      # utime, stime
PY
}


check_url() {  # check_url URL -> dies unless 200
  local r
  r=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' "$1") || alive "a request to $1"
  log "  $r  $1"
  [[ "${r%% *}" == 200 ]] || die "$1 answered ${r%% *}"
}

# drive NAME URL ROUND: wrk warm-up, then the measured run; appends a JSON line to runs.jsonl.
drive() {
  local name=$1 url=$2 round=$3 base="$raw/$1.a$attempt.r$3"
  case $url in http://127.0.0.1:*) ;; *) die "refusing non-loopback target $url" ;; esac
  check_url "$url"
  local body_bytes
  body_bytes=$(curl -s "$url" | wc -c)
  wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"${WRK_WARMUP}s" --timeout 30s "$url" >"$base.warmup.txt" 2>&1 || true
  wait_quiet "$name" "$phase_out"
  local a b
  alive "the wait before $name"
  a=$(cpu_snap) || alive "the $name run"
  /usr/bin/time -f '%U %S' -o "$base.wrk-cpu.txt" \
    wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"${WRK_DURATION}s" --timeout 30s --latency "$url" \
    >"$base.wrk.txt" 2>&1 || true
  alive "the $name run"
  b=$(cpu_snap) || alive "the $name run"
  python3 - "$name" "$url" "$base.wrk.txt" "$base.wrk-cpu.txt" "$a" "$b" "$body_bytes" "$round" >>"$phase_out" <<'PY'
import json, re, sys, os
name, url, wrkf, cpuf, a, b, body, rnd = sys.argv[1:]
text = open(wrkf).read()
def ms(v, unit):
    return float(v) * {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}[unit]
def lat(p):
    m = re.search(rf"^\s*{p}%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M)
    return ms(*m.groups()) if m else None
rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
total = re.search(r"(\d+) requests in ([\d.]+)s", text)
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
hz = os.sysconf("SC_CLK_TCK")
(b0, s0), (b1, s1) = [tuple(int(x) for x in v.split()) for v in (a, b)]
wu, ws = (float(x) for x in open(cpuf).read().split()[-2:])
requests = int(total.group(1)) if total else 0
server_cpu = (s1 - s0) / hz
busy = (b1 - b0) / hz
print(json.dumps({
    "page": name, "round": int(rnd), "url": url, "bytes": int(body),
    "rps": float(rps.group(1)) if rps else 0.0,
    "p50_ms": lat(50), "p90_ms": lat(90), "p99_ms": lat(99),
    "requests": requests,
    "non2xx": int(non2xx.group(1)) if non2xx else 0,
    "socket_errors": sum(int(x) for x in sock.groups()) if sock else 0,
    "server_cpu_s": server_cpu, "wrk_cpu_s": wu + ws,
    "server_cpu_ms_per_req": server_cpu * 1000 / requests if requests else None,
    "foreign_cpu_s": busy - server_cpu - (wu + ws)}))
PY
  tail -n1 "$phase_out" | python3 -c "$(cat <<'PY'
import json, sys
r = json.loads(sys.stdin.read())
print(f"  r{r['round']} {r['page']:<14} {r['rps']:>10.1f} req/s  p50 {r['p50_ms']:.2f} ms  p99 {r['p99_ms']:.2f} ms  "
      f"non2xx {r['non2xx']} err {r['socket_errors']}  server {r['server_cpu_ms_per_req'] or 0:.3f} cpu-ms/req  "
      f"foreign {r['foreign_cpu_s']:.1f} cpu-s", file=sys.stderr)
PY
)"
}

rss() {  # rss NAME: VmRSS and VmHWM of the server, in kB
  alive "the RSS reading"
  python3 - "$1" "$server_pid" >>"$phase_out" <<'PY'
import json, sys
name, pid = sys.argv[1:]
comm = open(f"/proc/{pid}/comm").read().strip()
st = dict(l.split(":", 1) for l in open(f"/proc/{pid}/status"))
kb = lambda k: int(st[k].split()[0])
print(json.dumps({"rss": name, "comm": comm, "vmrss_kb": kb("VmRSS"), "vmhwm_kb": kb("VmHWM")}))
PY
  log "  $1: $(tail -n1 "$phase_out")"
}

crawl() {  # crawl: reads every item page the sitemaps list once (4 keep-alive readers, gzip), as
  # a search engine would; records how many, how many were not 200, and how long it took
  alive "the crawl"
  python3 - "$port" >>"$phase_out" <<'PY'
import http.client, json, re, sys, threading, time
port = int(sys.argv[1])
def fetch(conn, path, gzip=True):
    conn.request("GET", path, headers={"Accept-Encoding": "gzip"} if gzip else {})
    r = conn.getresponse()
    return r.status, r.read()
c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
_, index = fetch(c, "/sitemap.xml", gzip=False)
urls = []
for sm in re.findall(rb"<loc>([^<]+)</loc>", index):
    path = re.sub(rb"^https?://[^/]+", b"", sm).decode()
    if "/sitemaps/items" in path:
        _, body = fetch(c, path, gzip=False)
        urls += [re.sub(r"^https?://[^/]+", "", u.decode()) for u in re.findall(rb"<loc>([^<]+)</loc>", body)]
bad = [0]
read_ok = [0]
def read(part):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    for u in part:
        try:
            status, _ = fetch(conn, u)
        except (OSError, http.client.HTTPException):
            bad[0] += 1  # a dropped connection counts as a failed page; go on with a new one
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            continue
        read_ok[0] += 1
        if status != 200:
            bad[0] += 1
start = time.time()
threads = [threading.Thread(target=read, args=(urls[i::4],)) for i in range(4)]
[t.start() for t in threads]; [t.join() for t in threads]
print(json.dumps({"crawl": len(urls), "answered": read_ok[0], "non200": bad[0], "seconds": round(time.time() - start, 1)}))
PY
  log "  crawl: $(tail -n1 "$phase_out")"
}

# ------------------------------------------------------------------ 1. build
log "run: ${raw#"$root"/}"
if [[ "$SKIP_BUILD" != 1 ]]; then
  log "building target/masthead.jar (./masthead build)"
  ./masthead build
fi
[[ -f target/masthead.jar ]] || die "target/masthead.jar is missing"

# ------------------------------------------------------------------ 2. corpus
if [[ ! -s "$corpus" ]]; then
  [[ -f "$SHARED_BENCH/gen-corpus.py" ]] || die "no $SHARED_BENCH/gen-corpus.py"
  log "generating the corpus into ${data_dir#"$root"/}"
  python3 "$SHARED_BENCH/gen-corpus.py" --out "$corpus_json"
  python3 "$SHARED_BENCH/to-ninjs.py" "$corpus_json" "$corpus"
else
  log "corpus already there: ${corpus#"$root"/} ($(wc -l <"$corpus") items)"
fi

# ------------------------------------------------------------------ 3. import
rm -rf "$site_db"
mkdir -p "$site_db"
log "importing into a fresh ${site_db#"$root"/}"
wait_quiet "the import" "$phase_out"
t0=$(now_ns)
MASTHEAD_DATA="$site_db" ./masthead import "$corpus" >"$raw/import.log" 2>&1 \
  || die "import failed; see $raw/import.log"
t1=$(now_ns)
summary=$(grep -E '^Imported .* items/s' "$raw/import.log" | tail -n1)
[[ -n "$summary" ]] || die "no summary line in $raw/import.log"
log "  $summary"
python3 - "$summary" "$t0" "$t1" >>"$runs" <<'PY'
import json, re, sys
line, t0, t1 = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
m = re.search(r"Imported (\d+) new items, updated (\d+), rejected (\d+), in ([\d.]+) s \(([\d.]+) items/s\)", line)
n, u, r, s, rate = m.groups()
wall = (t1 - t0) / 1e9
print(json.dumps({"import": line, "imported": int(n), "updated": int(u), "rejected": int(r),
                  "seconds": float(s), "items_per_s": float(rate), "command_wall_s": wall,
                  "items_per_s_wall": (int(n) + int(u) + int(r)) / wall}))
PY

ids=$(python3 - "$site_db/masthead.db" "$STORY_URI" <<'PY'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
row = db.execute("SELECT id, section FROM items WHERE uri = ?", (sys.argv[2],)).fetchone()
print(*row) if row else print("")
PY
)
read -r story_id story_section <<<"$ids" || true
[[ -n "$story_id" ]] || die "$STORY_URI is not in the database"

# story_url: the canonical path of the benchmark story, from the 301 of /{section}/{id}.
story_url() {
  local loc
  loc=$(curl -s -o /dev/null -w '%{redirect_url}' "$base/$story_section/$story_id") || alive "the 301"
  loc="/${loc#http*://*/}"
  [[ "$loc" == "/$story_section/$story_id/"* ]] || die "no canonical URL for $STORY_URI (got $loc)"
  echo "$loc"
}
# (story_url runs in a command substitution: callers assign it first, so that a failure stops
# the phase with its status.)

warm_up() {  # warm_up PAGE...: WARMUP_ALL seconds of wrk on each
  local p
  for p in "$@"; do
    check_url "$base${pages[$p]}"
    wrk -t"$WRK_THREADS" -c"$WRK_CONNS" -d"${WARMUP_ALL}s" "$base${pages[$p]}" >/dev/null 2>&1 || true
    alive "the warm-up"
  done
}

declare -A pages=()

# ------------------------------------------------------------------ 4-6. page cache on
phase_cached() {
  log "starting the server (page cache on)"
  start_server cached on
  base="http://127.0.0.1:$port"
  local sp
  sp=$(story_url)
  pages=([front]="/" [story]="$sp" [section]="/$story_section")
  log "  story page: $sp"
  log "warm-up: ${WARMUP_ALL}s of wrk on each page"
  warm_up front story section
  log "measuring (${WRK_THREADS} threads, ${WRK_CONNS} connections, ${WRK_WARMUP}s + ${WRK_DURATION}s each)"
  local p r
  for r in $(seq "$ROUNDS"); do
    for p in front story section; do
      drive "$p" "$base${pages[$p]}" "$r"
    done
  done
  rss cached
  log "crawling every item page once (the worst case for the page caches' memory)"
  crawl
  rss crawled
}

# ------------------------------------------------------------------ 7. page cache off
phase_nocache() {
  log "restarting with MASTHEAD_PAGE_CACHE=off"
  start_server nocache off
  base="http://127.0.0.1:$port"
  local sp p
  sp=$(story_url)
  pages=([front]="/" [story]="$sp" [section]="/$story_section")
  for p in $NOCACHE_PAGES; do
    warm_up "$p"
  done
  for r in $(seq "$ROUNDS"); do
    for p in $NOCACHE_PAGES; do
      drive "$p-nocache" "$base${pages[$p]}" "$r"
    done
  done
  rss nocache
}

# ------------------------------------------------------------------ 8. a CDS archive trained on serve
# The launcher's archive (target/masthead.jsa) is made by whichever command runs first after it
# goes missing, and a rebuilt jar makes it stale for good. This measures what a fresh start costs
# with an archive made by `serve` itself: one training start (front, story and section once, then
# SIGTERM, at which the JVM writes the archive), then CDS_STARTS measured fresh starts with it.
phase_cds() {
  local jsa="$raw/serve-trained.jsa" i
  rm -f "$jsa"
  extra_java_opts="-XX:SharedArchiveFile=$jsa"
  log "training a CDS archive on serve (${jsa#"$root"/})"
  start_server cds-training on
  base="http://127.0.0.1:$port"
  local sp
  sp=$(story_url)
  check_url "$base$sp"
  check_url "$base/$story_section"
  stop_server
  [[ -s "$jsa" ]] || die "the JVM wrote no archive at $jsa"
  for i in $(seq "$CDS_STARTS"); do
    start_server "cds-start$i" on
    stop_server
  done
}

run_phase cached phase_cached
run_phase nocache phase_nocache
if (( CDS_STARTS > 0 )); then
  run_phase cds phase_cds
fi
story_path=$(python3 -c 'import json,sys
for l in open(sys.argv[1]):
    r = json.loads(l)
    if r.get("page") == "story": print(r["url"].split("/", 3)[3]); break' "$runs")
story_path="/$story_path"

# ------------------------------------------------------------------ report
WRK_THREADS=$WRK_THREADS WRK_CONNS=$WRK_CONNS WRK_WARMUP=$WRK_WARMUP WRK_DURATION=$WRK_DURATION \
  WARMUP_ALL=$WARMUP_ALL NOISY_CORES=$NOISY_CORES \
  python3 - "$runs" "$report" "$story_path" "$story_section" <<'PY' | tee "$raw/summary.txt"
import json, os, platform, subprocess, sys, time
runs_f, report, story, section = sys.argv[1:]
E = os.environ
rows = [json.loads(l) for l in open(runs_f)]
imp = next(r for r in rows if "import" in r)
starts = {r["start"]: r for r in rows if "start" in r}
NOISY = float(E.get("NOISY_CORES", "0.1")) * float(E["WRK_DURATION"])  # foreign CPU seconds
runs_by_page = {}
for r in rows:
    if "page" in r:
        runs_by_page.setdefault(r["page"], []).append(r)
def median(xs):
    xs = sorted(x for x in xs if x is not None)
    if not xs:
        return None
    m = len(xs) // 2
    return xs[m] if len(xs) % 2 else (xs[m - 1] + xs[m]) / 2
pages = {}
for name, rs in runs_by_page.items():
    pages[name] = {
        "rps": median([r["rps"] for r in rs]), "p50_ms": median([r["p50_ms"] for r in rs]),
        "p99_ms": median([r["p99_ms"] for r in rs]), "n": len(rs),
        "rps_range": (min(r["rps"] for r in rs), max(r["rps"] for r in rs)),
        "p99_range": (min(r["p99_ms"] for r in rs), max(r["p99_ms"] for r in rs)),
        "noisy": sum(1 for r in rs if r["foreign_cpu_s"] > NOISY),
        "clean_best_rps": max([r["rps"] for r in rs if r["foreign_cpu_s"] <= NOISY], default=None),
    }
def noise_note(p):
    bits = []
    if p["n"] > 1:
        bits.append(f"median of {p['n']}")
    if p["noisy"]:
        bits.append(f"{p['noisy']} of {p['n']} noisy")
    return f" ({', '.join(bits)})" if bits else ""
rss = {r["rss"]: r for r in rows if "rss" in r}
noisy = [r for r in rows if "noisy" in r]
deaths = [r for r in rows if "server_died" in r]

def ok(cond):
    return "" if cond is None else ("yes" if cond else "**no**")
def f(v, fmt="{:,.0f}"):
    return "n/a" if v is None else fmt.format(v)

t = []
t.append(("Import rate (items/s, as printed by `masthead import`)", f(imp["items_per_s"]), ">= 6,000", ok(imp["items_per_s"] >= 6000)))
t.append(("Import, whole command incl. JVM start (items/s)", f(imp["items_per_s_wall"]), "", ""))
c = starts["cached"]
t.append(("Process start to first 200 of `/` (ms, fresh start)", f(c["first200_ms"]), "< 1,500", ok(c["first200_ms"] < 1500)))
t.append(("  of which launcher script before the JVM (ms)", f(c["launcher_ms"]), "", ""))
t.append(("  of which JVM start to first 200 (ms)", f(c["jvm_first200_ms"]), "", ""))
for name, label in (("front", "Front page `/`"), ("story", "Story page"), ("section", f"Section page `/{section}`")):
    p = pages.get(name)
    if not p:
        continue
    tgt_rps = ">= 45,000 (90% of nginx static 50,000)" if name == "story" else ""
    rng = f" [{p['rps_range'][0]:,.0f}-{p['rps_range'][1]:,.0f}]" if p["n"] > 1 else ""
    t.append((f"{label}: req/s{noise_note(p)}", f(p["rps"]) + rng, tgt_rps, ok(p["rps"] >= 45000) if name == "story" else ""))
    if name == "story" and p["noisy"]:
        t.append(("Story page: req/s, best window without noise", f(p["clean_best_rps"]), "", ""))
    t.append((f"{label}: p50 (ms)", f(p["p50_ms"], "{:.2f}"), "", ""))
    rng = f" [{p['p99_range'][0]:.2f}-{p['p99_range'][1]:.2f}]" if p["n"] > 1 else ""
    t.append((f"{label}: p99 (ms)", f(p["p99_ms"], "{:.2f}") + rng, "< 5" if name == "story" else "",
              ok(p["p99_ms"] < 5) if name == "story" else ""))
t.append(("RSS of the java process, corpus loaded, after the load (MB)", f(rss["cached"]["vmrss_kb"] / 1024, "{:.0f}"), "< 400", ok(rss["cached"]["vmrss_kb"] / 1024 < 400)))
t.append(("  peak RSS, VmHWM (MB)", f(rss["cached"]["vmhwm_kb"] / 1024, "{:.0f}"), "", ""))
crawls = [r for r in rows if "crawl" in r]
if crawls and "crawled" in rss:
    cr = crawls[-1]
    t.append((f"Crawl of every item page ({cr['crawl']:,} pages, {cr['non200']} not 200, {cr['seconds']} s): peak RSS, VmHWM (MB)",
              f(rss["crawled"]["vmhwm_kb"] / 1024, "{:.0f}"), "< 400", ok(rss["crawled"]["vmhwm_kb"] / 1024 < 400 and cr["non200"] == 0 and cr["crawl"] > 0 and cr.get("answered") == cr["crawl"])))
for name, p in pages.items():
    if not name.endswith("-nocache"):
        continue
    base = name[:-len("-nocache")]
    tgt = ">= 7,800" if base == "story" else ""
    rng = f" [{p['rps_range'][0]:,.0f}-{p['rps_range'][1]:,.0f}]" if p["n"] > 1 else ""
    t.append((f"{base} page, page cache off: req/s{noise_note(p)}", f(p["rps"]) + rng, tgt, ok(p["rps"] >= 7800) if base == "story" else ""))
    t.append((f"{base} page, page cache off: p50 / p99 (ms)", f"{p['p50_ms']:.2f} / {p['p99_ms']:.2f}", "", ""))
cds_runs = sorted(r["first200_ms"] for name, r in starts.items() if name.startswith("cds-start"))
if cds_runs:
    med = cds_runs[len(cds_runs) // 2]
    t.append((f"Fresh start to first 200 with a CDS archive trained on `serve` (ms, median of {len(cds_runs)}: "
              + ", ".join(f"{x:,.0f}" for x in cds_runs) + ")", f(med), "< 1,500", ok(med < 1500)))
n = starts.get("nocache")
if n:
    t.append(("Restart (page cache off) to first 200 of `/` (ms)", f(n["first200_ms"]), "(< 1,500)", ok(n["first200_ms"] < 1500)))
    t.append(("RSS after the page-cache-off load (MB)", f(rss["nocache"]["vmrss_kb"] / 1024, "{:.0f}"), "(< 400)", ok(rss["nocache"]["vmrss_kb"] / 1024 < 400)))

def git(*a):
    try:
        return subprocess.run(["git", *a], capture_output=True, text=True).stdout.strip()
    except Exception:
        return "?"
out = []
out.append(f"# Masthead site benchmark, {time.strftime('%Y-%m-%d %H:%M:%S %Z')}\n")
out.append(f"Commit `{git('rev-parse', '--short', 'HEAD')}`{' (dirty tree)' if git('status', '--porcelain', '--untracked-files=no') else ''}, "
           f"{os.cpu_count()} CPUs, {platform.machine()}, load average at the end {open('/proc/loadavg').read().split()[0]}. "
           f"wrk: {E['WRK_THREADS']} threads, {E['WRK_CONNS']} connections, {E['WRK_WARMUP']} s warm-up, {E['WRK_DURATION']} s measured, "
           f"after {E['WARMUP_ALL']} s of warm-up on each page, on 127.0.0.1 (wrk shares the {os.cpu_count()} cores with the server). "
           f"Corpus: {imp['imported'] + imp['updated']} items imported, {imp['rejected']} rejected. "
           f"Story: `{story}`. The launcher's CDS archive (target/masthead.jsa) at the fresh start: {c['cds_archive']}.\n")
out.append("| Figure | Measured | Target | Met |")
out.append("|---|---:|---|---|")
for a, b, c_, d in t:
    out.append(f"| {a} | {b} | {c_} | {d} |")
out.append("")
out.append("Every measured window:\n")
out.append("| Page | round | req/s | p50 ms | p90 ms | p99 ms | bytes | non-2xx | socket errors | server CPU ms/req | wrk CPU ms/req | foreign CPU s |")
out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for name, rs in runs_by_page.items():
    for p in rs:
        flag = " (noisy)" if p["foreign_cpu_s"] > NOISY else ""
        wrk_ms = p["wrk_cpu_s"] * 1000 / p["requests"] if p["requests"] else 0
        out.append(f"| {name} | {p['round']} | {p['rps']:,.0f} | {p['p50_ms']:.2f} | {p['p90_ms']:.2f} | {p['p99_ms']:.2f} | {p['bytes']:,} | "
                   f"{p['non2xx']} | {p['socket_errors']} | {p['server_cpu_ms_per_req'] or 0:.3f} | {wrk_ms:.3f} | {p['foreign_cpu_s']:.1f}{flag} |")
out.append("")
out.append(f"\"foreign CPU\" is CPU time the machine spent outside the server and wrk during the {E['WRK_DURATION']} s window "
           f"(other work on the machine: noise); above {NOISY:.1f} s ({E['NOISY_CORES']} cores) a window is marked noisy. Raw outputs: `" + os.path.relpath(os.path.dirname(runs_f)) + "/`.")
if deaths:
    out.append("")
    out.append("**Servers killed from outside this script** (the phase was run again from a fresh start): "
               + ", ".join(f"during {r['server_died']} at {r['at']} (exit status {r['status']})" for r in deaths) + ".")
if noisy:
    out.append("")
    out.append("**Measured on a busy machine** (other processes kept using cores past QUIET_TIMEOUT): "
               + ", ".join(f"{r['noisy']} ({r['busy_cores']} cores busy)" for r in noisy) + ".")
text = "\n".join(out) + "\n"
open(report, "w").write(text)
print(text)
PY
log "report: ${report#"$root"/}"
