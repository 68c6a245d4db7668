#!/usr/bin/env bash
# bench/lighthouse.sh: Lighthouse's mobile performance score of a story page with a lead picture,
# and what that page downloads.
#
#   bench/lighthouse.sh            # 3 runs, median score
#   RUNS=5 bench/lighthouse.sh
#
# 1. makes a 2400 × 1600 picture with libvips that compresses about as a photograph does (far worse
#    than a flat drawing) and a ninjs archive naming it beside the file;
# 2. imports the demo and that archive into a fresh data directory (bench/data/lighthouse);
# 3. starts `./masthead serve` on a free loopback port;
# 4. runs Lighthouse 12.2.3 from the npm registry (installed into target/lighthouse) with Debian's
#    Chromium (its old headless mode: the new one records no navigation start here), mobile form
#    factor and its default throttling, on the story page, RUNS times.
# Results (the median run's score and metrics, and every run's JSON) go to
# bench/results/lighthouse-<timestamp>/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
QUIET_MAX=${QUIET_MAX:-0.6} QUIET_TIMEOUT=${QUIET_TIMEOUT:-120}
source bench/tools.sh
runs=${RUNS:-3}
stamp="$(date +%Y%m%d-%H%M%S)"
out="bench/results/lighthouse-$stamp"
mkdir -p "$out" target
command -v vips >/dev/null || die "libvips-tools is needed (./masthead test installs it)"
[[ -x /usr/bin/chromium ]] || die "Debian's chromium is needed (./masthead test installs it)"

if [[ ! -x target/lighthouse/node_modules/.bin/lighthouse ]]; then
  log "installing lighthouse 12.2.3 from the npm registry into target/lighthouse"
  npm install --silent --no-audit --no-fund -E --prefix target/lighthouse lighthouse@12.2.3 >&2
fi

data="bench/data/lighthouse"
rm -rf "$data"
mkdir -p "$data/archive"
# Grain over colour blotches: its 480 px WebP (about 51 KB) is a little heavier than a detailed
# photograph's (about 43 KB), so the figures below err on the heavy side.
v="$data"
vips gaussnoise "$v/grain.v" 2400 1600 --sigma 14 --mean 0
vips bandjoin "$v/grain.v $v/grain.v $v/grain.v" "$v/grain3.v"
for band in 1 2 3; do
  vips gaussnoise "$v/blot$band.v" 150 100 --sigma 40 --mean 128
  vips resize "$v/blot$band.v" "$v/big$band.v" 16 --kernel cubic
done
vips bandjoin "$v/big1.v $v/big2.v $v/big3.v" "$v/colour.v"
vips add "$v/colour.v" "$v/grain3.v" "$v/sum.v"
vips cast "$v/sum.v" "$v/archive/harbour.jpg[Q=90]" uchar
cat >"$data/archive/story.ninjs.jsonl" <<'JSON'
{"uri":"urn:bench:lighthouse:1","profile":"story","language":"en","headlines":[{"value":"Fishermen in Bandar Abbas wait out the storm"}],"descriptions":[{"role":"summary","value":"Boats stayed in port for a third day as wind and rain closed the Strait's small harbours."}],"bodies":[{"contentType":"text/html","value":"<p>Boats stayed in port for a third day on Tuesday, the port authority said, as wind and rain closed the small harbours along the Strait of Hormuz.</p><p>Fishermen said the lost days would cost them the month's catch. The authority said it would review the closure on Wednesday morning.</p><p>The weather service said the storm would ease by Thursday.</p>"}],"by":"Staff reporter","located":"BANDAR ABBAS","subjects":[{"name":"Iran","rel":"section","literal":"iran"},{"name":"fishing"}],"firstCreated":"2026-12-05T08:00:00Z","associations":[{"name":"featureimage","type":"picture","uri":"urn:bench:lighthouse:picture:1","headlines":[{"value":"Boats moored at the quay."}],"descriptions":[{"role":"alt","value":"Small boats tied side by side at a quay under a grey sky."}],"by":"Staff photographer","renditions":[{"name":"original","href":"harbour.jpg"}]}]}
JSON
MASTHEAD_DATA="$data/site" ./masthead import src/main/resources/demo/demo.ninjs.jsonl >"$out/import.log" 2>&1
MASTHEAD_DATA="$data/site" ./masthead import "$data/archive/story.ninjs.jsonl" >>"$out/import.log" 2>&1

port=$(free_port)
MASTHEAD_DATA="$data/site" MASTHEAD_PORT="$port" MASTHEAD_HOST=127.0.0.1 \
  MASTHEAD_BASE_URL="http://127.0.0.1:$port" ./masthead serve >"$out/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/" >/dev/null && break
  sleep 1
done
path=$(curl -s "http://127.0.0.1:$port/iran" | grep -o 'href="/iran/[0-9]*/fishermen-in-bandar-abbas[^"]*"' | head -1 | cut -d'"' -f2)
[[ -n "$path" ]] || die "the story's address was not found"
url="http://127.0.0.1:$port$path"
log "story page: $url"
# the renditions are made on first asking: ask once, as the first reader would, before measuring
curl -s "$url" >/dev/null
for w in 320 480 640 800 1200; do
  curl -s "$(curl -s "$url" | grep -o "/media/[^\" ]*/wide-$w.webp" | head -1 | sed "s|^|http://127.0.0.1:$port|")" >/dev/null
done

for i in $(seq 1 "$runs"); do
  wait_quiet "lighthouse run $i" "$out/noise.jsonl"
  CHROME_PATH=/usr/bin/chromium target/lighthouse/node_modules/.bin/lighthouse "$url" \
    --quiet --only-categories=performance --output=json --output-path="$out/run-$i.json" \
    --chrome-flags="--headless --no-sandbox --disable-dev-shm-usage" >&2
done

python3 - "$out" "$runs" <<'PY' | tee "$out/summary.md"
import json, sys, statistics
out, runs = sys.argv[1], int(sys.argv[2])
results = [json.load(open(f"{out}/run-{i}.json")) for i in range(1, runs + 1)]
scores = [r["categories"]["performance"]["score"] * 100 for r in results]
median = sorted(range(runs), key=lambda i: scores[i])[runs // 2]
r = results[median]
a = r["audits"]
def ms(k): return f'{a[k]["numericValue"]:.0f} ms'
items = a["network-requests"]["details"]["items"]
by_type = {}
for it in items:
    by_type[it.get("resourceType", "Other")] = by_type.get(it.get("resourceType", "Other"), 0) + it.get("transferSize", 0)
print(f"| run scores | {', '.join(f'{s:.0f}' for s in scores)} |")
print("|---|---|")
print(f"| median score | {scores[median]:.0f} |")
for k in ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "speed-index"]:
    print(f"| {a[k]['title']} | {ms(k)} |")
print(f"| cumulative layout shift | {a['cumulative-layout-shift']['numericValue']:.3f} |")
print(f"| bytes transferred | {a['total-byte-weight']['numericValue']:.0f} |")
for t, b in sorted(by_type.items()):
    print(f"| … {t} | {b} |")
print(f"| Lighthouse | {r['lighthouseVersion']}, {r['configSettings']['formFactor']}, {r['environment']['hostUserAgent'].split(' ')[-2]} |")
PY
log "results: $out"
