#!/usr/bin/env bash
# Rebuilds the database of any commit of the original FluxCore (harvan88/FluxCoreChat) from its
# own files, as the references describe (shared/reference/fluxcore-2026-0{2,5}/README.md):
#   1. the extensions pgcrypto and vector;
#   2. the Drizzle journal, applied by drizzle-orm's own migrator;
#   3. every other SQL file of packages/db/migrations and packages/db/src/migrations, one at a
#      time with psql, continuing past errors, in the order the files first appeared in the git
#      history (files added by one commit: migrations/ first, then src/migrations/, by version).
# The original's files are read from ORIGINAL_GIT_DIR (a bare mirror) into a scratch folder
# outside the repository and removed afterwards; nothing of them is kept.
#
#   ORIGINAL_GIT_DIR=/path/to/FluxCoreChat.git scripts/build-original.sh COMMIT DATABASE_URL
#
# DATABASE_URL names a database that exists and is empty. Prints one line per script, with its
# error count, and a last line with the totals; exits 0 when the build ran (errors included, as
# they happen on any new database), 2 when it could not run.
set -euo pipefail

commit=${1:-}
url=${2:-}
if [[ -z "$commit" || -z "$url" || -z "${ORIGINAL_GIT_DIR:-}" ]]; then
  echo "usage: ORIGINAL_GIT_DIR=… scripts/build-original.sh COMMIT DATABASE_URL" >&2
  exit 2
fi
git_() { git --git-dir="$ORIGINAL_GIT_DIR" "$@"; }
if ! git_ rev-parse --verify --quiet "$commit^{commit}" >/dev/null; then
  echo "error: $commit is not a commit of $ORIGINAL_GIT_DIR. Pass a commit of harvan88/FluxCoreChat (f07159b, 239c046, …)" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/fluxcore-original-XXXXXX")
trap 'rm -rf "$scratch"' EXIT

psql_() { psql "$url" -X -q -v ON_ERROR_STOP=0 "$@"; }

# 1. Extensions.
psql "$url" -X -q -v ON_ERROR_STOP=1 -c 'create extension if not exists pgcrypto; create extension if not exists vector;'

# 2. The journal, by drizzle-orm's migrator, from the commit's own migrations folder.
mkdir -p "$scratch/journal/meta"
git_ show "$commit:packages/db/migrations/meta/_journal.json" >"$scratch/journal/meta/_journal.json"
tags=$(bun -e 'const j = JSON.parse(await Bun.file(process.argv[1]).text()); console.log(j.entries.map((e) => e.tag).join("\n"))' "$scratch/journal/meta/_journal.json")
for tag in $tags; do
  git_ show "$commit:packages/db/migrations/$tag.sql" >"$scratch/journal/$tag.sql"
done
bun "$here/original-journal.ts" "$scratch/journal" "$url"
echo "journal: $(echo "$tags" | wc -l) migration(s) applied by drizzle-orm's migrator"

# 3. The scripts, in the order they first appeared in git history.
folders=(packages/db/migrations packages/db/src/migrations)
present=$(git_ ls-tree -r --name-only "$commit" -- "${folders[@]}" | grep -E '\.sql$' |
  grep -v -E '^packages/db/migrations/meta/' || true)
journal_files=$(for tag in $tags; do echo "packages/db/migrations/$tag.sql"; done)
order=$(
  git_ log --reverse --no-renames --diff-filter=A --name-only --format='@%H' "$commit" -- "${folders[@]}" |
    awk -v present="$present" -v journal="$journal_files" '
      BEGIN { n = split(present, p, "\n"); for (i = 1; i <= n; i++) keep[p[i]] = 1
              n = split(journal, j, "\n"); for (i = 1; i <= n; i++) skip[j[i]] = 1 }
      /^@/ { group++; next }
      /\.sql$/ && keep[$0] && !skip[$0] && !seen[$0]++ {
        folder = index($0, "packages/db/src/migrations/") == 1 ? 1 : 0
        print group "\t" folder "\t" $0 }' |
    sort -t $'\t' -k1,1n -k2,2n -k3,3V | cut -f3
)
total=0
files=0
for path in $order; do
  git_ show "$commit:$path" >"$scratch/script.sql"
  errors=$(psql_ -f "$scratch/script.sql" 2>&1 >/dev/null | grep -c '^psql:.*ERROR:' || true)
  short=${path#packages/db/}
  echo "script: $short  ($errors error(s))"
  total=$((total + errors))
  files=$((files + 1))
done
echo "built $commit: journal of $(echo "$tags" | wc -l) migration(s), $files script(s), $total error(s) in the scripts"
