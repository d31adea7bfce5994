#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The History view and an experiment's summary on the team store (PostgreSQL) beside the H2 file, with a 20,000-trial
# experiment (issue 19, item 3; the 200 ms targets). Not part of the test run.
#   scripts/bench-team-store.sh [trials (default 20000)] [repeats (default 10)]
# The PostgreSQL server: BENCH_PG_URL (an empty database, jdbc:postgresql://host:5432/db?user=…), else a throwaway
# server started here from the machine's PostgreSQL binaries (as the postgres user when run as root). Prints one JSON
# line per store.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/bench-lib.sh"
trials="${1:-20000}"
repeats="${2:-10}"
build_bench package
url="${BENCH_PG_URL:-}"
if [[ -z "$url" ]]; then
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [[ -n "$pgbin" ]] || pgbin=$(dirname "$(command -v initdb)")
  pgdir=$(mktemp -d /tmp/costbench-bench-pg.XXXXXX)
  as=()
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres "$pgdir"
    as=(runuser -u postgres --)
  fi
  "${as[@]}" "$pgbin/initdb" -D "$pgdir/data" -A trust -U postgres --no-sync >/dev/null
  "${as[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -w -l "$pgdir/log" \
    -o "-p 55433 -k $pgdir -c listen_addresses=127.0.0.1" start >/dev/null
  trap '"${as[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1; rm -rf "$pgdir"' EXIT
  "$pgbin/createdb" -h 127.0.0.1 -p 55433 -U postgres bench
  url="jdbc:postgresql://127.0.0.1:55433/bench?user=postgres"
fi
echo "bench: team store ($trials trials, $repeats repeats) on $url" >&2
java -Xmx1g -cp "$cp" dev.costbench.bench.TeamStoreBench "$url" "$trials" "$repeats"
