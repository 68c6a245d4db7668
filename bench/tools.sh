# bench/tools.sh: sourced by the bench scripts. ensure_bench_tools installs the load generator
# (wrk, Debian's package) when it is missing, as `./masthead test` does for the test clients, and
# then fails with a clear message if any tool the scripts need is still absent.
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
