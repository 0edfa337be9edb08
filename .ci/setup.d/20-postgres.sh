#!/usr/bin/env bash
# A real PostgreSQL server for the journal's test suite (tests/journal/ runs on both
# backends). Installs the Debian package, starts its cluster on the loopback interface,
# creates a role and a database, and writes MFS_TEST_POSTGRES_URL into .ci/env.
# Idempotent: run it again and it reuses the running server, role and database.
set -euo pipefail
cd "$(dirname "$0")/../.."

export DEBIAN_FRONTEND=noninteractive
if ! compgen -G "/usr/lib/postgresql/*/bin/postgres" > /dev/null; then
    apt-get update -qq
    apt-get install -y -qq postgresql > /dev/null
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
cluster=main
if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c' | grep -q .; then
    pg_createcluster "$version" "$cluster" -- --auth-local=peer --auth-host=scram-sha-256
fi
port=$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c {print $3}')
if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c {print $4}' | grep -q online; then
    pg_ctlcluster "$version" "$cluster" start -- -o "-c listen_addresses=127.0.0.1"
fi

user=mfs_test
database=mfs_test
password=mfs_test_password  # a throwaway server on the loopback interface only
as_postgres() { runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qAt "$@"; }
# Wait until the server accepts connections.
for _ in $(seq 1 30); do
    as_postgres -c "select 1" > /dev/null 2>&1 && break
    sleep 1
done
if [ "$(as_postgres -c "select 1 from pg_roles where rolname = '$user'")" != 1 ]; then
    as_postgres -c "create role $user login password '$password'"
fi
if [ "$(as_postgres -c "select 1 from pg_database where datname = '$database'")" != 1 ]; then
    as_postgres -c "create database $database owner $user"
fi

echo "MFS_TEST_POSTGRES_URL=postgresql://$user:$password@127.0.0.1:$port/$database" >> .ci/env
echo "PostgreSQL $version listening on 127.0.0.1:$port, database $database"
