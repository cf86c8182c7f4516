#!/usr/bin/env bash
# Make the pgvector extension available to the local PostgreSQL server.
#
# pgvector is not packaged for Debian bookworm, so we build it from Debian's
# own source package in trixie (deb-src only: no binary package is ever taken
# from trixie). Idempotent: when the extension is already installed this
# exits almost immediately.
#
# The source comes from the Debian mirror this machine is already configured with (apt's own
# reading of /etc/apt/sources.list*): the script names no mirror of its own.
#
# Usage (as root): scripts/install-pgvector.sh
#        scripts/install-pgvector.sh --print-source   (prints the deb-src entry it would add)
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

trixie_source() {
  cat <<EOF
# Added by scripts/install-pgvector.sh: SOURCE packages only (deb-src), used to
# build pgvector. Do not add "deb" here: no binary may come from trixie.
Types: deb-src
URIs: $1
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
}

if [[ "${1:-}" == "--print-source" ]]; then
  mirror="$(debian_mirror)" || die "no Debian mirror is configured in /etc/apt/sources.list*: add the one this machine should use"
  trixie_source "$mirror"
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
if is_installed; then
  log "already installed (version $(control_version))"
  exit 0
fi

[[ "$(id -u)" -eq 0 ]] || die "must run as root to install"
export DEBIAN_FRONTEND=noninteractive

# ---- 2. trixie deb-src (sources only, never binaries) ---------------------
SRC_FILE=/etc/apt/sources.list.d/trixie-src.sources
PIN_FILE=/etc/apt/preferences.d/no-trixie-binaries
mirror="$(debian_mirror)" || die "no Debian mirror is configured in /etc/apt/sources.list*: add the one this machine should use"
if [[ -f "$SRC_FILE" ]] && grep -q 'Added by scripts/install-pgvector.sh' "$SRC_FILE"; then
  # Ours: kept in line with the mirror the machine uses now.
  trixie_source "$mirror" >"$SRC_FILE"
elif ! apt-get indextargets --no-release-info --format '$(TARGET_OF) $(RELEASE)' 2>/dev/null | grep -qx 'deb-src trixie'; then
  log "adding deb-src for trixie main from $mirror ($SRC_FILE)"
  trixie_source "$mirror" >"$SRC_FILE"
fi
if [[ ! -f "$PIN_FILE" ]]; then
  # Belt and braces: should a trixie "deb" line ever appear, never install from it.
  cat >"$PIN_FILE" <<'EOF'
# Added by scripts/install-pgvector.sh: never install binaries from trixie.
Package: *
Pin: release n=trixie
Pin-Priority: -1
EOF
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
log "fetching source package (trixie)"
apt-get source -qq --download-only pgvector >/dev/null
dsc="$(ls ./pgvector_*.dsc 2>/dev/null | head -n1 || true)"
[[ -n "$dsc" ]] || die "no pgvector .dsc downloaded"
dpkg-source --no-check -x "$dsc" src >/dev/null
log "building $(basename "$dsc" .dsc)"
# OPTFLAGS="" (as Debian does): no -march=native, so the .so stays portable.
make -s -C src PG_CONFIG="$PG_CONFIG" OPTFLAGS="" >/dev/null 2>"$work/build.log" \
  || { cat "$work/build.log" >&2; die "build failed"; }
make -s -C src PG_CONFIG="$PG_CONFIG" OPTFLAGS="" install >/dev/null 2>>"$work/build.log" \
  || { cat "$work/build.log" >&2; die "install failed"; }
is_installed || die "files missing after make install"

# ---- 5. make sure the server runs (restart if it was upgraded) ------------
server_ver_after="$(dpkg-query -W -f='${Version}' "$server_pkg" 2>/dev/null || true)"
if pg_isready -q -h 127.0.0.1 -p 5432; then
  if [[ "$server_ver_before" != "$server_ver_after" ]]; then
    log "server upgraded ($server_ver_before -> $server_ver_after), restarting"
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
log "installed (version $ver)"
