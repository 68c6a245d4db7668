#!/usr/bin/env bash
# bench/weight.sh: what a first visit to a page downloads from a running Masthead, in bytes: the
# HTML, the stylesheet it links and every font that stylesheet names, each as sent plain and as
# sent to a client that accepts gzip. Fonts are listed apart from the HTML and CSS they follow.
#
#   ./masthead serve --demo &          # or any running site
#   bench/weight.sh http://127.0.0.1:8080 /iran/1/… /fa/iran/19/…
#
# A font is listed whether or not a page would download it: a browser fetches it only for text
# in its unicode-range in an element whose font-family names it (Persian text, for Vazirmatn).
set -euo pipefail

base=${1:?usage: bench/weight.sh BASE_URL PATH...}
shift
(( $# )) || { echo "usage: bench/weight.sh BASE_URL PATH..." >&2; exit 2; }

# size URL [gzip]: bytes of the body as the server sends it
size() {
  if [[ ${2:-} == gzip ]]; then
    curl -sf -H 'Accept-Encoding: gzip' "$1" | wc -c
  else
    curl -sf "$1" | wc -c
  fi
}

# The same percent-encoding a browser applies to a path with Persian in it.
encode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }

printf '| page | HTML | CSS | HTML+CSS | HTML+CSS gzip |\n|---|---|---|---|---|\n'
fonts=()
for path in "$@"; do
  url="$base$(encode "$path")"
  css=$(curl -sf "$url" | grep -o 'href="/assets/site\.[^"]*\.css"' | head -1 | cut -d'"' -f2)
  [[ -n $css ]] || { echo "no stylesheet linked from $path" >&2; exit 1; }
  html=$(size "$url") html_gz=$(size "$url" gzip)
  sheet=$(size "$base$css") sheet_gz=$(size "$base$css" gzip)
  printf '| `%s` | %s | %s | %s | %s |\n' "$path" "$html" "$sheet" $((html + sheet)) \
    $((html_gz + sheet_gz))
  mapfile -t -O "${#fonts[@]}" fonts < <(curl -sf "$base$css" | grep -o '/assets/[^")]*\.woff2')
done

printf '\n| font | bytes | as sent to a gzip client |\n|---|---|---|\n'
printf '%s\n' "${fonts[@]}" | sort -u | while read -r font; do
  [[ -n $font ]] || continue
  printf '| `%s` | %s | %s |\n' "$font" "$(size "$base$font")" "$(size "$base$font" gzip)"
done
