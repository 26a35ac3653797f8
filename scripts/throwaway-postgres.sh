#!/usr/bin/env bash
# Starts (or stops) a disposable PostgreSQL cluster for tests, using Debian's server binaries.
#   scripts/throwaway-postgres.sh start DIR PORT   prints the connection URL on stdout
#   scripts/throwaway-postgres.sh stop DIR
#   scripts/throwaway-postgres.sh pause DIR        stops the server, keeps the cluster (outage drills)
#   scripts/throwaway-postgres.sh resume DIR PORT  starts a paused cluster again
set -euo pipefail
action=${1:?start|stop}
dir=${2:?cluster directory}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL server binaries not found (apt-get install -y postgresql)" >&2; exit 1; }
as_owner() { (cd / && if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi); }
case "$action" in
  start|resume)
    port=${3:?port}
    if [ "$action" = start ]; then
      mkdir -p "$dir"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
      as_owner "'$bin/initdb' -D '$dir' --auth=trust -U postgres >/dev/null"
    fi
    as_owner "'$bin/pg_ctl' -D '$dir' -l '$dir/server.log' -o \"-c listen_addresses=127.0.0.1 -p $port -k '$dir' -c fsync=off\" -w start >/dev/null"
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  pause)
    as_owner "'$bin/pg_ctl' -D '$dir' -m fast -w stop >/dev/null"
    ;;
  stop)
    as_owner "'$bin/pg_ctl' -D '$dir' -m fast -w stop >/dev/null" || true
    rm -rf "$dir"
    ;;
  *) echo "unknown action $action" >&2; exit 2 ;;
esac
