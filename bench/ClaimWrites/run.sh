#!/bin/bash
# The claim and outcome statements of 100,000 deliveries on a private PostgreSQL cluster, per variant (claim_writes.py):
# the backend's CPU time (/proc, in 10-ms ticks) and the WAL written. `bench/ClaimWrites/run.sh [rounds]`; as root the
# cluster runs as the postgres OS user (initdb refuses root).
set -e
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/claim-writes-XXXX); chmod 777 "$work"
port=54329
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
as_pg initdb -D "$work/data" -U postgres >/dev/null
as_pg pg_ctl -D "$work/data" -o "-p $port -c autovacuum=off -c listen_addresses=127.0.0.1 -c unix_socket_directories=$work" -l "$work/pg.log" start >/dev/null
trap 'as_pg pg_ctl -D "$work/data" stop -m fast >/dev/null; rm -rf "$work"' EXIT
psql_() { psql -X -q -h 127.0.0.1 -p $port -U postgres -d postgres "$@"; }
ticks() { awk '{print $14 + $15}' "$1"; }
for v in before batch kept; do python3 "$here/claim_writes.py" $v "$work"; done
echo "| round | variant | backend CPU s | µs per message | WAL MB | load |"
echo "|---:|---|---:|---:|---:|---|"
for round in $(seq 1 "${1:-3}"); do
  for v in before batch kept; do
    psql_ -f "$here/schema.sql" >/dev/null 2>&1
    wal=$(psql_ -A -t -f "$work/$v.sql" | tail -1)
    cpu=$(( $(ticks "$work/end-$v.txt") - $(ticks "$work/start-$v.txt") ))
    echo "| $round | $v | $(echo "scale=2; $cpu / 100" | bc) | $(echo "scale=1; $cpu * 10000 / 100000" | bc) | $(echo "scale=1; $wal / 1048576" | bc) | $(cut -d' ' -f1 /proc/loadavg) |"
  done
done
