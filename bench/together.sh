#!/usr/bin/env bash
# bench/together.sh: co-editing's step round trip (src/test/java/news/masthead/newsroom/
# TogetherBench.java): STORIES stories edited at once, PEOPLE people typing in each, a keystroke
# every 200 ms on average each whatever the server answers, each person's editor sending as
# prosemirror-collab does (one batch in flight, with all that is unconfirmed), over real HTTP on
# loopback with the door's session, form token and origin checks; on SQLite and on PostgreSQL.
# Reports acceptance (the keystroke to the 200 that accepts it, waits and retries after 409
# included) and delivery (the keystroke to its arrival on a co-editor's server-sent event stream).
#
#   bench/together.sh                        # both databases, 10 people x 50 stories, 20 s
#   PEOPLE=10 STORIES=50 SECONDS_MEASURED=20 DBS="sqlite" bench/together.sh
#   ENGINE=interpreted bench/together.sh     # GraalJS without the Graal compiler
#   WARM_UP=60 bench/together.sh             # seconds of load before measuring (default 5)
#   OTHERS=1 bench/together.sh               # PEOPLE in the first story, 1 in each other one
#
# Needs, for PostgreSQL, the server on 127.0.0.1:5432. Results go to
# bench/results/together-<timestamp>.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
: "${PEOPLE:=10}"
: "${STORIES:=50}"
: "${SECONDS_MEASURED:=20}"
: "${WARM_UP:=5}"
: "${OTHERS:=$PEOPLE}"
: "${DBS:=sqlite postgresql}"
stamp="$(date +%Y%m%d-%H%M%S)"
mkdir -p bench/results target
cp_file="target/bench-classpath.txt"
echo "[together] compiling main and test classes" >&2
./mvnw -q -B -DskipTests -Dspotless.check.skip=true test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
# The body engine's JavaScript is compiled by the Graal compiler (target/graal, copied by the
# build), as ./masthead serve runs it, unless ENGINE=interpreted.
engine=()
if [[ "${ENGINE:-compiled}" == compiled ]]; then
  engine=(-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI
    "--upgrade-module-path=$(ls target/graal/*.jar | paste -sd:)")
fi
out="bench/results/together-$stamp.txt"
echo "| database | load | measure | steps | per second | p50 ms | p99 ms |" | tee "$out"
echo "|---|---|---|---|---|---|---|" | tee -a "$out"
for db in $DBS; do
  "$JAVA_HOME/bin/java" -Xmx1g ${engine[@]+"${engine[@]}"} -cp "target/test-classes:target/classes:$(cat "$cp_file")" \
    news.masthead.newsroom.TogetherBench "$db" "$PEOPLE" "$STORIES" "$SECONDS_MEASURED" "$WARM_UP" "$OTHERS" \
    2>>"$out.log" | tee -a "$out"
done
