#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on a free loopback port for the server tests.
#   eval "$(bash .ci/postgres.sh)"        installs PostgreSQL from Debian packages if missing,
#                                         starts a cluster, prints the exports on stdout:
#                                         SEUIL_TEST_PG_URL (JDBC URL) and SEUIL_TEST_PG_DIR
#   bash .ci/postgres.sh stop "$SEUIL_TEST_PG_DIR"   stops it and removes its files
# SEUIL_PG_NO_INSTALL=1 makes a missing PostgreSQL an error (exit 3) instead of an install.
# Logs go to stderr so that stdout holds only the exports.
set -euo pipefail

as_owner() {
  # initdb and postgres refuse to run as root: run them as the postgres system user then.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

find_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  return 1
}

if [ "${1:-}" = stop ]; then
  dir="${2:?usage: postgres.sh stop DIR}"
  bin="$(find_bin)"
  as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >&2 || true
  rm -rf "$dir"
  exit 0
fi

if ! bin="$(find_bin)"; then
  if [ -n "${SEUIL_PG_NO_INSTALL:-}" ]; then echo "postgres.sh: PostgreSQL is not installed" >&2; exit 3; fi
  echo "postgres.sh: PostgreSQL missing, installing it from Debian packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  bin="$(find_bin)"
fi

port=""
for candidate in $(seq 55432 55632); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "postgres.sh: no free port in 55432-55632" >&2; exit 1; }

dir="$(mktemp -d /tmp/seuil-pg.XXXXXX)"
chmod 755 "$dir"
if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
as_owner "$bin/initdb" -D "$dir/data" -U seuil -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >&2 \
  || { cat "$dir/server.log" >&2; exit 1; }
as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U seuil seuil >&2

echo "postgres.sh: PostgreSQL from $bin on 127.0.0.1:$port, files in $dir" >&2
echo "export SEUIL_TEST_PG_URL='jdbc:postgresql://127.0.0.1:$port/seuil?user=seuil'"
echo "export SEUIL_TEST_PG_DIR='$dir'"
