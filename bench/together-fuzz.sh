#!/usr/bin/env bash
# bench/together-fuzz.sh: the co-editing fuzz (src/test/java/news/masthead/newsroom/
# TogetherFuzzTest.java) for MINUTES minutes (default 10): three people in their own Chromium type,
# correct, paste, format and split paragraphs at random in one story on two nodes sharing
# PostgreSQL, with connections cut at random and the second node killed with SIGKILL now and then.
# At each quiet moment every copy and the server hash the same and no word typed is lost.
#
#   bench/together-fuzz.sh              # ten minutes, a random seed
#   MINUTES=30 SEED=12345 bench/together-fuzz.sh
#
# Needs Debian's Chromium and the PostgreSQL server on 127.0.0.1:5432. The counts (edits,
# keystrokes, disconnects, kills, quiet checks, conflict drafts, words lost) go to
# bench/results/together-fuzz-<timestamp>.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
: "${MINUTES:=10}"
seed=()
[[ -n "${SEED:-}" ]] && seed=("-Dfuzz.seed=$SEED")
stamp="$(date +%Y%m%d-%H%M%S)"
mkdir -p bench/results
./mvnw -B -Dspotless.check.skip=true -Dtest=TogetherFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfuzz.seconds=$((MINUTES * 60)) "${seed[@]}" test | grep -E "together fuzz|Tests run:|FAIL" || true
cp target/together-fuzz.txt "bench/results/together-fuzz-$stamp.txt"
cat "bench/results/together-fuzz-$stamp.txt"
