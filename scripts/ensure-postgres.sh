#!/usr/bin/env bash
# Make sure the local PostgreSQL cluster accepts connections on 127.0.0.1:5432.
# Idempotent: does nothing when it is already up.
set -euo pipefail

HOST=127.0.0.1
PORT=5432

if pg_isready -q -h "$HOST" -p "$PORT"; then
  echo "postgres: already running ($HOST:$PORT)"
  exit 0
fi

PG_VER="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n1 || true)"
[[ -n "$PG_VER" ]] || { echo "postgres: ERROR: no cluster under /etc/postgresql" >&2; exit 1; }

pg_ctlcluster --skip-systemctl-redirect "$PG_VER" main start >/dev/null 2>&1 || true

for _ in $(seq 1 30); do
  if pg_isready -q -h "$HOST" -p "$PORT"; then
    echo "postgres: started cluster $PG_VER/main ($HOST:$PORT)"
    exit 0
  fi
  sleep 1
done

echo "postgres: ERROR: cluster $PG_VER/main not ready after 30s" >&2
exit 1
