#!/usr/bin/env bash
# Compiles the original FluxCore app against its own @fluxcore/db and against this one, and
# prints the errors this package adds. ORIGINAL_GIT_DIR: a git directory of harvan88/FluxCoreChat.
# Optional arguments: the commits to check (default f07159b and 239c046).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec bun "$here/../packages/db/src/original-app/check.ts" "$@"
