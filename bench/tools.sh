# bench/tools.sh: what the bench scripts share. Sourced; needs QUIET_MAX and QUIET_TIMEOUT set.

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_quiet WHAT FILE: waits (up to QUIET_TIMEOUT s) until the machine, apart from us, uses less
# than QUIET_MAX cores over a 2 s sample, so that other people's builds do not land in a window; a
# window measured anyway is noted in FILE (JSON Lines).
wait_quiet() {
  local waited=0 load
  while :; do
    load=$(python3 - <<'PY'
import time
def busy():
    v = [int(x) for x in open("/proc/stat").readline().split()[1:]]
    return sum(v[:8]) - v[3] - v[4], sum(v[:8])
b0, t0 = busy(); time.sleep(2); b1, t1 = busy()
import os
print(f"{(b1 - b0) / (t1 - t0) * os.cpu_count():.2f}")
PY
)
    if python3 -c "import sys; sys.exit(0 if $load < $QUIET_MAX else 1)"; then
      (( waited == 0 )) || log "  machine quiet again ($load cores busy) after ${waited}s"
      return 0
    fi
    if (( waited >= QUIET_TIMEOUT )); then
      log "  WARNING: still $load cores busy elsewhere after ${waited}s; measuring $1 anyway"
      echo "{\"noisy\": \"$1\", \"busy_cores\": $load}" >>"$2"
      return 0
    fi
    (( waited == 0 )) && log "  waiting for the machine to be quiet before $1 ($load cores busy elsewhere)"
    sleep 3; waited=$((waited + 5))
  done
}

# ensure_bench_tools TOOL...: installs the load generator (wrk, Debian's package) when it is
# missing, as `./masthead test` does for the test clients, then fails with a clear message if any
# tool the scripts need is still absent.
ensure_bench_tools() {
  if ! command -v wrk >/dev/null; then
    echo "bench: installing wrk from Debian..." >&2
    local sudo=""
    [[ $(id -u) -eq 0 ]] || sudo=sudo
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null || true
  fi
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing and could not be installed" >&2; exit 1; }
  done
}
