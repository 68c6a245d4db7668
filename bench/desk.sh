#!/usr/bin/env bash
# bench/desk.sh: the desk on the 15,000-item corpus, on SQLite and on PostgreSQL
# (src/test/java/news/masthead/newsroom/DeskBench.java): the newsroom home's time for one editor,
# and saves by 20 editors at once, each saving its own published story in a closed loop (5 s
# warm-up, then SECONDS measured), over real HTTP on loopback with the door's session, form
# token and origin checks.
#
#   bench/desk.sh                  # both databases, 20 editors, 20 s
#   EDITORS=20 SECONDS=20 DBS="sqlite" bench/desk.sh
#
# Needs the corpus (bench/site.sh makes it, or ../shared/bench/gen-corpus.py and to-ninjs.py into
# bench/data/) and, for PostgreSQL, the server on 127.0.0.1:5432. Results go to
# bench/results/desk-<timestamp>.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
: "${EDITORS:=20}"
: "${SECONDS_MEASURED:=${SECONDS_:-20}}"
: "${DBS:=sqlite postgresql}"
corpus="bench/data/corpus.ninjs.jsonl"
if [[ ! -s "$corpus" ]]; then
  mkdir -p bench/data
  python3 ../shared/bench/gen-corpus.py --out bench/data/corpus.jsonl
  python3 ../shared/bench/to-ninjs.py bench/data/corpus.jsonl "$corpus"
fi
stamp="$(date +%Y%m%d-%H%M%S)"
mkdir -p bench/results target
cp_file="target/bench-classpath.txt"
echo "[desk] compiling main and test classes" >&2
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
out="bench/results/desk-$stamp.txt"
echo "| database | what | samples | per second | p50 ms | p99 ms |" | tee "$out"
echo "|---|---|---|---|---|---|" | tee -a "$out"
for db in $DBS; do
  "$JAVA_HOME/bin/java" -Xmx512m -cp "target/test-classes:target/classes:$(cat "$cp_file")" \
    news.masthead.newsroom.DeskBench "$db" "$corpus" "$EDITORS" "$SECONDS_MEASURED" 2>>"$out.log" \
    | tee -a "$out"
done
echo "[desk] results: $out" >&2
