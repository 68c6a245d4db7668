#!/usr/bin/env bash
# bench/pictures.sh: the darkroom (src/main/java/news/masthead/media/Darkroom.java) on a phone photo
# of WIDTH × HEIGHT (default 6000 × 4000, 24 MP): how long developing the upload takes, and each
# rendition (every shape, width and format), medians of ROUNDS runs, with the rendition's bytes.
#
#   bench/pictures.sh              # 6000 × 4000, 3 rounds
#   bench/pictures.sh 4032 3024 5
#
# Needs libvips-tools and exiftool (./masthead test installs them). Results go to
# bench/results/pictures-<timestamp>.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
stamp="$(date +%Y%m%d-%H%M%S)"
mkdir -p bench/results target
cp_file="target/bench-classpath.txt"
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
out="bench/results/pictures-$stamp.md"
{
  echo "| what | median | size |"
  echo "|---|---:|---:|"
  "$JAVA_HOME/bin/java" -Xmx1g -cp "target/test-classes:target/classes:$(cat "$cp_file")" \
    news.masthead.media.PictureBench "${1:-6000}" "${2:-4000}" "${3:-3}"
} | tee "$out"
echo "[pictures] results: $out" >&2
