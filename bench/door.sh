#!/usr/bin/env bash
# bench/door.sh: what a newsroom sign-in costs the server, in-process with JMH
# (src/test/java/news/masthead/newsroom/DoorBenchmark.java): checking a contributor's password
# (Argon2id at the newsroom's parameters) and verifying a passkey's ES256 assertion (webauthn4j).
#
#   bench/door.sh                 # 1 fork, 3 warm-up and 5 measured iterations of 5 s
#   JMH_OPTS="-f 1 -wi 1 -i 3" bench/door.sh
#
# Results go to bench/results/door-<timestamp>.{txt,json}. JDK: $JAVA_HOME when set, else Temurin 25.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
: "${JMH_OPTS:=-f 1 -wi 3 -i 5 -w 5s -r 5s}"
stamp="$(date +%Y%m%d-%H%M%S)"
mkdir -p bench/results target
cp_file="target/bench-classpath.txt"
echo "[door] compiling main and test classes" >&2
./mvnw -q -B -DskipTests test-compile
echo "[door] writing the test classpath" >&2
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
out="bench/results/door-$stamp"
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat "$cp_file")" \
  org.openjdk.jmh.Main news.masthead.newsroom.DoorBenchmark \
  $JMH_OPTS -rf json -rff "$out.json" 2>&1 | tee "$out.txt"
echo "[door] results: $out.txt, $out.json" >&2
