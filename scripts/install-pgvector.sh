#!/usr/bin/env bash
# Make the pgvector extension available to the local PostgreSQL server, at the newest version
# Debian has and never below the minimum the package requires (pgvectorMinimum in
# packages/db/src/connection/requirements.ts, which db:audit checks too).
#
# pgvector is not packaged for Debian bookworm, so we build it from Debian's own source
# package: unstable's (0.8.7 when this was written), else trixie's (0.8.0) when the mirror
# cannot serve unstable's files, and say so. Sources only (deb-src): no binary package is ever
# taken from unstable or trixie, and nothing on the system is upgraded. Idempotent: when the
# extension is installed at the newest version the mirror offers, this exits almost at once.
#
# The source comes from the Debian mirror this machine is already configured with (apt's own
# reading of /etc/apt/sources.list*): the script names no mirror of its own.
#
# Usage (as root): scripts/install-pgvector.sh
#        scripts/install-pgvector.sh --print-source   (prints the deb-src entries it would add)
#        scripts/install-pgvector.sh --print-minimum  (prints the oldest version it accepts)
# PGVECTOR_UPGRADE=1 builds Debian's newest even when an accepted version is installed.
set -euo pipefail

log() { echo "pgvector: $*"; }
die() { echo "pgvector: ERROR: $*" >&2; exit 1; }

# The Debian archive this machine installs its binaries from: the "deb" entry for its own
# release (VERSION_CODENAME), as apt itself parses sources.list and deb822 .sources files.
debian_mirror() {
  local codename targets uri
  codename="$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")"
  targets="$(apt-get indextargets --no-release-info --format '$(TARGET_OF) $(REPO_URI) $(RELEASE)' 2>/dev/null | sort -u)"
  uri="$(awk -v rel="$codename" '$1 == "deb" && $3 == rel { print $2; exit }' <<<"$targets")"
  if [[ -z "$uri" ]]; then
    # No entry for the release itself: any Debian archive entry that is not security.
    uri="$(awk '$1 == "deb" && $3 !~ /-security$/ && $2 ~ /\/debian\/?$/ { print $2; exit }' <<<"$targets")"
  fi
  [[ -n "$uri" ]] || return 1
  echo "${uri%/}"
}

# The suites whose source package is tried, newest first.
SUITES=(unstable trixie)

debian_source() {
  cat <<SOURCE
# Added by scripts/install-pgvector.sh: SOURCE packages only (deb-src), used to
# build pgvector. Do not add "deb" here: no binary may come from ${SUITES[*]}.
Types: deb-src
URIs: $1
Suites: ${SUITES[*]}
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCE
}

# The minimum the package requires, from the one place it is written.
REQUIREMENTS="$(cd "$(dirname "$0")/.." && pwd)/packages/db/src/connection/requirements.ts"
MINIMUM="$(sed -n "s/^export const pgvectorMinimum = '\([0-9.]*\)';/\1/p" "$REQUIREMENTS" 2>/dev/null || true)"
[[ -n "$MINIMUM" ]] || die "cannot read pgvectorMinimum from $REQUIREMENTS"
# Whether version $1 is older than version $2.
below() { [[ "$1" != "$2" && "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n1)" == "$1" ]]; }

if [[ "${1:-}" == "--print-minimum" ]]; then
  echo "$MINIMUM"
  exit 0
fi

if [[ "${1:-}" == "--print-source" ]]; then
  mirror="$(debian_mirror)" || die "no Debian mirror is configured in /etc/apt/sources.list*: add the one this machine should use"
  debian_source "$mirror"
  exit 0
fi

# PostgreSQL major version of the local cluster (highest under /etc/postgresql).
PG_VER="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n1 || true)"
PG_VER="${PG_VER:-15}"
PG_CONFIG="/usr/lib/postgresql/${PG_VER}/bin/pg_config"
CONTROL="/usr/share/postgresql/${PG_VER}/extension/vector.control"

control_version() {
  sed -n "s/^[[:space:]]*default_version[[:space:]]*=[[:space:]]*'\([^']*\)'.*/\1/p" "$CONTROL" 2>/dev/null | head -n1
}

is_installed() {
  [[ -f "$CONTROL" ]] || return 1
  local libdir="/usr/lib/postgresql/${PG_VER}/lib"
  [[ -f "$libdir/vector.so" ]] && return 0
  [[ -x "$PG_CONFIG" && -f "$("$PG_CONFIG" --pkglibdir)/vector.so" ]]
}

# ---- 1. fast path ---------------------------------------------------------
previous=""
if is_installed; then
  previous="$(control_version)"
  if ! below "$previous" "$MINIMUM" && [[ -z "${PGVECTOR_UPGRADE:-}" ]]; then
    log "already installed (version $previous; the package needs $MINIMUM or newer; PGVECTOR_UPGRADE=1 builds Debian's newest)"
    exit 0
  fi
  log "version $previous is installed: looking for a newer one"
fi

[[ "$(id -u)" -eq 0 ]] || die "must run as root to install"
export DEBIAN_FRONTEND=noninteractive

# ---- 2. unstable and trixie deb-src (sources only, never binaries) --------
SRC_FILE=/etc/apt/sources.list.d/pgvector-src.sources
PIN_FILE=/etc/apt/preferences.d/no-pgvector-src-binaries
mirror="$(debian_mirror)" || die "no Debian mirror is configured in /etc/apt/sources.list*: add the one this machine should use"
# An earlier version of this script added trixie alone, under another name: its entries go.
for old in /etc/apt/sources.list.d/trixie-src.sources /etc/apt/preferences.d/no-trixie-binaries; do
  if [[ -f "$old" ]] && grep -q 'Added by scripts/install-pgvector.sh' "$old"; then rm -f "$old"; fi
done
if [[ -f "$SRC_FILE" ]] && grep -q 'Added by scripts/install-pgvector.sh' "$SRC_FILE"; then
  # Ours: kept in line with the mirror the machine uses now.
  debian_source "$mirror" >"$SRC_FILE"
else
  log "adding deb-src for ${SUITES[*]} main from $mirror ($SRC_FILE)"
  debian_source "$mirror" >"$SRC_FILE"
fi
if [[ ! -f "$PIN_FILE" ]]; then
  # Belt and braces: should an unstable or trixie "deb" line ever appear, never install from it.
  cat >"$PIN_FILE" <<'PIN'
# Added by scripts/install-pgvector.sh: never install binaries from unstable or trixie.
Package: *
Pin: release a=unstable
Pin-Priority: -1

Package: *
Pin: release n=trixie
Pin-Priority: -1
PIN
fi

# ---- 3. build dependencies ------------------------------------------------
log "apt-get update"
apt-get update -qq >/dev/null

# Keep postgresql-server-dev at the installed server's version when possible,
# so that the server package is not upgraded behind our back.
server_pkg="postgresql-${PG_VER}"
server_ver_before="$(dpkg-query -W -f='${Version}' "$server_pkg" 2>/dev/null || true)"
dev_pkg="postgresql-server-dev-${PG_VER}"
pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }
# Only ask for what is missing: naming an installed package would upgrade it.
deps=()
for p in build-essential make gcc dpkg-dev; do pkg_installed "$p" || deps+=("$p"); done
if ! pkg_installed "$dev_pkg"; then
  if [[ -n "$server_ver_before" ]] && apt-cache madison "$dev_pkg" | grep -qF "| $server_ver_before |"; then
    deps+=("$dev_pkg=$server_ver_before")
  else
    deps+=("$dev_pkg")
  fi
fi
if ((${#deps[@]})); then
  log "installing build deps: ${deps[*]}"
  apt-get install -y -qq --no-install-recommends "${deps[@]}" >/dev/null \
    2> >(grep -v '^debconf: delaying package configuration' >&2)
fi

# ---- 4. fetch + build + install -------------------------------------------
work="$(mktemp -d /tmp/pgvector-build.XXXXXX)"
trap 'rm -rf "$work"' EXIT
# Let apt's sandbox user write the downloads (avoids the "unsandboxed as root" warning).
if id _apt >/dev/null 2>&1; then chown _apt "$work"; fi
cd "$work"
# The version a suite's source package has (from apt's lists), e.g. 0.8.7-1.
suite_version() {
  apt-cache madison pgvector 2>/dev/null | awk -F' *[|] *' -v suite="$1" '$3 ~ (" " suite "/main Sources$") { print $2 }' | head -n1
}
dsc=""
for suite in "${SUITES[@]}"; do
  version="$(suite_version "$suite")"
  [[ -n "$version" ]] || { log "$suite has no pgvector source package"; continue; }
  if apt-get source -qq --download-only "pgvector/$suite" >"$work/fetch.log" 2>&1; then
    dsc="$(ls ./pgvector_*.dsc 2>/dev/null | head -n1 || true)"
    [[ -n "$dsc" ]] && break
  fi
  log "$suite's source package $version cannot be downloaded from $mirror ($(grep -o '[0-9]\{3\} [A-Za-z ]*[a-z]' "$work/fetch.log" | tr -s ' ' | head -n1 || echo 'failed')); trying the next suite"
  rm -f ./pgvector_*
done
[[ -n "$dsc" ]] || die "no pgvector source package could be downloaded from $mirror (tried ${SUITES[*]})"
source_version="$(basename "$dsc" .dsc)"
source_version="${source_version#pgvector_}"
source_version="${source_version%-*}"
if below "$source_version" "$MINIMUM"; then
  die "the newest pgvector source the mirror serves is $source_version, below the $MINIMUM the package needs (pgvectorMinimum in packages/db/src/connection/requirements.ts)"
fi
if [[ -n "$previous" ]] && ! below "$previous" "$source_version"; then
  log "already installed (version $previous), and the mirror serves nothing newer"
  exit 0
fi
dpkg-source --no-check -x "$dsc" src >/dev/null
log "building $(basename "$dsc" .dsc)"
# OPTFLAGS="" (as Debian does): no -march=native, so the .so stays portable.
make -s -C src PG_CONFIG="$PG_CONFIG" OPTFLAGS="" >/dev/null 2>"$work/build.log" \
  || { cat "$work/build.log" >&2; die "build failed"; }
make -s -C src PG_CONFIG="$PG_CONFIG" OPTFLAGS="" install >/dev/null 2>>"$work/build.log" \
  || { cat "$work/build.log" >&2; die "install failed"; }
is_installed || die "files missing after make install"

# ---- 5. make sure the server runs (restart once if it was upgraded) -------
server_ver_after="$(dpkg-query -W -f='${Version}' "$server_pkg" 2>/dev/null || true)"
if pg_isready -q -h 127.0.0.1 -p 5432; then
  if [[ "$server_ver_before" != "$server_ver_after" ]]; then
    log "server upgraded ($server_ver_before -> $server_ver_after), restarting"
    pg_ctlcluster --skip-systemctl-redirect "$PG_VER" main restart
  elif [[ -n "$previous" ]]; then
    # Running sessions may hold the old library: one restart, and every session loads the new one.
    log "replaced pgvector $previous, restarting the server once"
    pg_ctlcluster --skip-systemctl-redirect "$PG_VER" main restart
  fi
else
  log "cluster down, starting $PG_VER/main"
  pg_ctlcluster --skip-systemctl-redirect "$PG_VER" main start || true
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done

# ---- 6. verify ------------------------------------------------------------
ver="$(psql -h 127.0.0.1 -U postgres -d postgres -Atc \
  "select default_version from pg_available_extensions where name='vector'" || true)"
[[ -n "$ver" ]] || die "server does not list the vector extension"
if below "$ver" "$MINIMUM"; then die "the server offers pgvector $ver, below the $MINIMUM the package needs"; fi
log "installed (version $ver)"
if [[ -n "$previous" ]]; then
  log "a database that created the extension before keeps $previous until: ALTER EXTENSION vector UPDATE"
fi
