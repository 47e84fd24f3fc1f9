#!/usr/bin/env bash
# Start a local PostgreSQL server on loopback for the test suite and print the DATABASE_URL to use.
# Used by .ci/run; needs root (it uses Debian's pg_ctlcluster).
set -euo pipefail

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^${version} main$"; then
  pg_createcluster "$version" main >/dev/null 2>&1
fi
pg_ctlcluster "$version" main start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL did not start" >&2; exit 1; }
su postgres -c "psql -q -v ON_ERROR_STOP=1" >/dev/null <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'denkraam') THEN
    CREATE ROLE denkraam LOGIN CREATEDB PASSWORD 'denkraam';
  END IF;
END $$;
SQL
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_database WHERE datname = 'denkraam'\"" | grep -q 1 \
  || su postgres -c "createdb -O denkraam denkraam"
echo "postgres://denkraam:denkraam@127.0.0.1:5432/denkraam"
