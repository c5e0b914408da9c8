#!/usr/bin/env bash
# Entrypoint of the streaming replica (docker/compose/database.yaml). On first start the data folder is
# empty: wait for the primary, clone it with `pg_basebackup -R` (which writes standby.signal and
# primary_conninfo), then run PostgreSQL as a hot standby that replays the primary's WAL stream.
set -euo pipefail

PGDATA="${PGDATA:-/var/lib/postgresql/data}"
PRIMARY_PORT="${PRIMARY_PORT:-5432}"
export PGPASSWORD="$REPLICATION_PASSWORD"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -q -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U "$REPLICATION_USER"; do
    echo "replica: waiting for the primary at $PRIMARY_HOST:$PRIMARY_PORT"
    sleep 1
  done
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  chmod 0700 "$PGDATA"
  gosu postgres pg_basebackup --pgdata="$PGDATA" --host="$PRIMARY_HOST" --port="$PRIMARY_PORT" \
    --username="$REPLICATION_USER" --write-recovery-conf --wal-method=stream --checkpoint=fast --no-password
  echo "replica: base backup done, starting as a hot standby"
fi

exec gosu postgres postgres -c hot_standby=on -c hot_standby_feedback=on
