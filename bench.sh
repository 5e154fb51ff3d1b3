#!/usr/bin/env bash
# Benchmarks B1-B9 and B11 (docs/benchmarks.md): each stage beside its reference on this machine.
#
#   ./bench.sh              all of them, one after another (about half an hour on 2 cores)
#   ./bench.sh B3 B7        only these
#   BENCH_OPTS="-Dbench.records=200000" ./bench.sh B1    smaller or larger runs
#   BENCH_SKIP_BUILD=1 ./bench.sh B1                     reuse the last build
#
# Each benchmark runs in a JVM of its own, prints its table and rewrites its section of
# docs/benchmarks.md. They are never part of `./mvnw verify`.
set -euo pipefail
cd "$(dirname "$0")"

ids=("$@")
if [ ${#ids[@]} -eq 0 ]; then
  ids=(B1 B2 B3 B4 B5 B6 B7 B8 B9 B11)
fi

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  echo "building the bench module and the services (./mvnw -pl bench -am package)..."
  ./mvnw -q -B -pl bench -am package -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true
fi
classpath="bench/target/classes:$(cat bench/target/classpath.txt)"

status=0
for id in "${ids[@]}"; do
  id=$(echo "$id" | tr '[:lower:]' '[:upper:]')
  case "$id" in
    B7) heap="-Xmx512m" ;;   # bulk import must stay in bounded memory: a small heap proves it
    B8) heap="-Xmx3g" ;;     # ten million teachers in state
    *)  heap="-Xmx2g" ;;
  esac
  # shellcheck disable=SC2086
  java $heap -XX:+UseG1GC -Dlogback.configurationFile=bench-logback.xml \
    -Dlogging.config=classpath:bench-logback.xml ${BENCH_OPTS:-} \
    -cp "$classpath" io.milestones.bench.Bench "$id" || status=$?
done
exit $status
