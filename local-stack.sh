#!/usr/bin/env bash
# Milestones on one machine, nothing installed but a JDK 17+: builds what it needs, then starts a
# real Kafka broker (KRaft) in-process, an SMTP sink with a web inbox, and the services.
# Options (ports, --demo, --fresh, -Dname=value overrides): ./local-stack.sh --help, which prints
# local-stack/src/main/resources/io/milestones/localstack/usage.txt, the launcher's own usage.
set -euo pipefail
cd "$(dirname "$0")"
if [[ " $* " == *" --help "* ]]; then
  cat local-stack/src/main/resources/io/milestones/localstack/usage.txt
  exit 0
fi
# -Dname=value overrides are system properties of the JVM (read by every service); the rest are
# the launcher's options.
jvm=()
options=()
for arg in "$@"; do
  if [[ $arg == -D* ]]; then jvm+=("$arg"); else options+=("$arg"); fi
done
echo "Building (first run downloads dependencies; later runs take seconds)..."
./mvnw -q -B -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true install -pl local-stack -am
exec java ${jvm[@]+"${jvm[@]}"} -jar local-stack/target/local-stack-*-exec.jar ${options[@]+"${options[@]}"}
