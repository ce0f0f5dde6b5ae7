#!/bin/sh
# Starts a Kafka Connect distributed worker configured like every edgeloop process: the defaults
# in worker.properties, overridden by KAFKA_* environment variables (KAFKA_FOO_BAR sets foo.bar,
# the mapping of io.edgeloop.core.config.AppConfig). The variables Kafka's own scripts read
# (heap, JVM, log4j, JMX options) are left to the scripts.
set -eu

here="$(dirname "$0")"
config=/var/lib/edgeloop/connect-distributed.properties
mkdir -p "${LOG_DIR:-/var/lib/edgeloop/logs}"

{
  cat "$here/worker.properties"
  echo
  echo "# From the environment"
  for name in $(env | sed -n 's/^\(KAFKA_[A-Z0-9_]*\)=.*/\1/p' | LC_ALL=C sort); do
    case "$name" in
      KAFKA_HEAP_OPTS|KAFKA_JVM_PERFORMANCE_OPTS|KAFKA_GC_LOG_OPTS|KAFKA_JMX_OPTS|KAFKA_LOG4J_OPTS|KAFKA_OPTS|KAFKA_DEBUG|KAFKA_MODE) continue ;;
    esac
    key="$(printf '%s' "${name#KAFKA_}" | tr 'A-Z_' 'a-z.')"
    printf '%s=%s\n' "$key" "$(printenv "$name")"
  done
} > "$config"

# Java properties files keep the last value of a repeated key, so the environment wins.
exec /opt/kafka/bin/connect-distributed.sh "$config"
