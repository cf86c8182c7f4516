#!/usr/bin/env bash
# Rebuilds one commit of the original (scripts/build-original.sh), gives it realistic rows
# (scripts/lineage-rows.ts seed), and converges it with no flag: plan, apply, the rows compared,
# the audit, and a second run. What docs/adopting-lineages.md shows, commit by commit.
#
#   ORIGINAL_GIT_DIR=… scripts/converge-lineage.sh COMMIT [ADMIN_URL]
#
# ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres) is where a scratch database
# fluxcore_lineage_COMMIT (or LINEAGE_DATABASE, when two runs share a server) is created and, at
# the end, dropped.
set -uo pipefail
commit=${1:?usage: scripts/converge-lineage.sh COMMIT [ADMIN_URL]}
admin=${2:-postgres://postgres@127.0.0.1:5432/postgres}
here=$(cd "$(dirname "$0")" && pwd)
name="${LINEAGE_DATABASE:-fluxcore_lineage_${commit}}"
url="${admin%/*}/$name"
psql "$admin" -X -q -c "drop database if exists $name" -c "create database $name" 2>&1 | grep -v NOTICE
trap 'psql "$admin" -X -q -c "drop database if exists $name with (force)"' EXIT
"$here/build-original.sh" "$commit" "$url" | tail -1
bun "$here/lineage-rows.ts" seed "$url"
before=$(mktemp)
bun "$here/lineage-rows.ts" before "$url" "$before"
export DATABASE_URL=$url
cd "$here/.."
echo "\$ bun run db:status"
bun run db:status | tail -2
echo "\$ bun run db:converge --plan"
bun run db:converge --plan >"$before.plan" 2>&1
code=$?
sed -n '2,4p' "$before.plan" | cut -c1-400
grep -E '^-- (drop|rename aside) (composite|trigger|function)|check ok: [0-9]+ null|REFUSED|^-- then run|^-- [0-9]+ check' "$before.plan" | cut -c1-300 | sort | uniq -c | sort -rn | head -40
tail -1 "$before.plan"
echo "(exit $code)"
if [[ $code -eq 0 ]]; then
  echo "\$ bun run db:converge --yes"
  bun run db:converge --yes >"$before.out" 2>&1
  code=$?
  grep -E '^error|converged|moved|disabled|filled|timestamps|recorded|kept|took|rewritten' "$before.out" | grep -v ' 0 rows rewritten' | cut -c1-300
  echo "(exit $code)"
  [[ $code -eq 0 ]] || exit 1
  bun "$here/lineage-rows.ts" after "$url" "$before"
  echo "\$ bun run db:audit"
  bun run db:audit | tail -1
  echo "\$ bun run db:converge --yes (again)"
  bun run db:converge --yes | cut -c1-200
fi
rm -f "$before" "$before.plan" "$before.out"
