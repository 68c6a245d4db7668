#!/usr/bin/env bash
# bench/render.sh: JMH benchmark of rendering a story page (src/test/java/news/masthead/bench/
# StoryPageBenchmark.java), in-process, with the page cache on and off.
#
#   bench/render.sh                      # both variants (pageCache=on,off) + the store lookup
#   bench/render.sh --nocache            # only the page-cache-off variant (+ the store lookup)
#   bench/render.sh --corpus             # use bench/data/corpus.ninjs.jsonl (15,000 items) and
#                                        # its story urn:masthead-bench:item:5000 (bench/site.sh
#                                        # makes that file)
#   bench/render.sh --search --corpus    # an uncached search page instead (SearchPageBenchmark,
#                                        # /search?q=government, page cache off)
#   bench/render.sh -- -prof gc          # anything after -- goes to JMH as is
#
# It compiles the main and test classes (./mvnw test-compile, no tests run), writes the test
# classpath with `./mvnw dependency:build-classpath`, then runs org.openjdk.jmh.Main with modest
# defaults: 1 fork, 3 warm-up and 5 measured iterations of 5 s (JMH_OPTS overrides them). Results
# go to bench/results/render-<timestamp>.{txt,json}. JDK: $JAVA_HOME when set, else Temurin 25.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
: "${JAVA_HOME:=/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME
: "${JMH_OPTS:=-f 1 -wi 3 -i 5 -w 5s -r 5s}"

params=()
benchmark='news.masthead.bench.StoryPageBenchmark'
while [[ $# -gt 0 ]]; do
  case $1 in
    --search) benchmark='news.masthead.bench.SearchPageBenchmark' ;;
    --nocache) params+=(-p pageCache=off) ;;
    --corpus)
      corpus="$root/bench/data/corpus.ninjs.jsonl"
      [[ -s "$corpus" ]] || { echo "no $corpus: run bench/site.sh first" >&2; exit 1; }
      params+=(-p "corpus=$corpus")
      [[ $benchmark == *StoryPageBenchmark ]] && params+=(-p story=urn:masthead-bench:item:5000) ;;
    --) shift; params+=("$@"); break ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

stamp="$(date +%Y%m%d-%H%M%S)"
mkdir -p bench/results target
cp_file="target/bench-classpath.txt"

echo "[render] compiling main and test classes" >&2
./mvnw -q -B -DskipTests test-compile
[[ -f target/test-classes/META-INF/BenchmarkList ]] \
  || { echo "no JMH BenchmarkList: is the JMH annotation processor configured?" >&2; exit 1; }
echo "[render] writing the test classpath" >&2
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"

out="bench/results/render-$stamp"
echo "[render] running JMH ($JMH_OPTS ${params[*]:-})" >&2
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat "$cp_file")" \
  org.openjdk.jmh.Main "$benchmark" \
  $JMH_OPTS "${params[@]}" -rf json -rff "$out.json" 2>&1 | tee "$out.txt"
echo "[render] results: $out.txt, $out.json" >&2
