#!/usr/bin/env bash
# Runs once, when the primary's data folder is first initialised (/docker-entrypoint-initdb.d): creates
# the replication user and lets it stream WAL from any address of the compose network. wal_level=replica
# and max_wal_senders come from the service's command line (docker/compose/database.yaml).
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v user="$REPLICATION_USER" -v password="$REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE :"user" WITH REPLICATION LOGIN PASSWORD :'password';
SQL

echo "host replication $REPLICATION_USER all scram-sha-256" >>"$PGDATA/pg_hba.conf"
