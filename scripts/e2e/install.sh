#!/usr/bin/env bash
# Installs what the real-editor tests need, offline except for Debian apt and the npm registry:
#   - Debian packages: chromium (drives code-server's workbench), neovim (test/nvim),
#     ripgrep + build deps (code-server's native modules build from source here);
#   - code-server 4.100.3 (VS Code 1.100.3, the newest whose engines.node is 20) into
#     .cache/code-server, never into package.json.
# Idempotent: a second run only checks. Fails loudly with the step that broke.
# Pitfalls handled (see shared notes "real-vscode-tests.md"):
#   kerberos needs libkrb5-dev; @vscode/ripgrep downloads from GitHub unless its tarball cache is
#   primed; node-pty's postinstall runs `npx node-gyp` (npm_config_yes); root needs --unsafe-perm;
#   node-gyp needs node's headers, found in /usr/include/node (npm_config_nodedir, set below).
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${MESHLINT_E2E_CACHE:-$ROOT/.cache}"
PREFIX="$CACHE/code-server"
BIN="$PREFIX/node_modules/.bin/code-server"
DEB_PACKAGES=(build-essential python3 pkg-config libkrb5-dev ripgrep chromium fonts-dejavu-core neovim ca-certificates)

step() { printf '\n==> %s\n' "$*"; }
die() { printf '\nERROR (scripts/e2e/install.sh): %s\n' "$*" >&2; exit 1; }
trap 'die "command failed at line $LINENO: $BASH_COMMAND"' ERR

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || die "not root and no sudo: cannot apt-get install ${DEB_PACKAGES[*]}"
  SUDO=sudo
fi

step "Debian packages"
missing=()
# "install ok installed" only: a removed package keeps a dpkg entry ("deinstall ok config-files").
installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }
for p in "${DEB_PACKAGES[@]}"; do installed "$p" || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  # apt's progress goes to a log, shown only if something fails.
  apt_log="$(mktemp)"
  $SUDO apt-get update -qq >"$apt_log" 2>&1 || { tail -n 30 "$apt_log"; die "apt-get update failed (is the Debian mirror reachable?)"; }
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$apt_log" 2>&1 \
    || { tail -n 30 "$apt_log"; die "apt-get install ${missing[*]} failed"; }
  rm -f "$apt_log"
  echo "installed"
else
  echo "all present"
fi
for tool in chromium nvim rg; do command -v "$tool" >/dev/null || die "$tool not on PATH after apt-get"; done

step "code-server $CODE_SERVER_VERSION in $PREFIX"
# code-server writes ~/.config/code-server/config.yaml even for --version: give it a throwaway HOME.
# It also logs an "info" line on stdout first: pick the "X.Y.Z <commit> with Code" line.
installed_version() {
  local h; h="$(mktemp -d)"
  HOME="$h" XDG_CONFIG_HOME="$h" "$BIN" --version 2>/dev/null | sed -n 's/^\([0-9.]*\) [0-9a-f]* with Code.*/\1/p' || true
  rm -rf "$h"
}
if [ -x "$BIN" ] && [ "$(installed_version)" = "$CODE_SERVER_VERSION" ]; then
  echo "already installed"
  exit 0
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# Our own TMPDIR: @vscode/ripgrep looks for its cached tarball in os.tmpdir().
export TMPDIR="$WORK/tmp"
mkdir -p "$TMPDIR"

# Which @vscode/ripgrep will VS Code install, and which ripgrep release tag does it fetch?
(cd "$WORK" && npm pack --silent "code-server@$CODE_SERVER_VERSION" >/dev/null) || die "npm pack code-server failed"
tar -xzf "$WORK/code-server-$CODE_SERVER_VERSION.tgz" -C "$WORK" package/lib/vscode/npm-shrinkwrap.json
RG_PKG_VERSIONS="$(node -e '
  const s = require(process.argv[1]);
  const v = new Set(Object.entries(s.packages || {})
    .filter(([k]) => k.endsWith("node_modules/@vscode/ripgrep")).map(([, p]) => p.version));
  console.log([...v].join(" "));' "$WORK/package/lib/vscode/npm-shrinkwrap.json")"
[ -n "$RG_PKG_VERSIONS" ] || die "no @vscode/ripgrep in code-server's lib/vscode/npm-shrinkwrap.json"

for v in $RG_PKG_VERSIONS; do
  (cd "$WORK" && npm pack --silent "@vscode/ripgrep@$v" >/dev/null) || die "npm pack @vscode/ripgrep@$v failed"
  mkdir -p "$WORK/rgpkg-$v"
  tar -xzf "$WORK/vscode-ripgrep-$v.tgz" -C "$WORK/rgpkg-$v"
  tag="$(sed -n "s/^const VERSION = '\(.*\)';.*/\1/p" "$WORK/rgpkg-$v/package/lib/postinstall.js")"
  [ -n "$tag" ] || die "cannot read the ripgrep VERSION from @vscode/ripgrep@$v lib/postinstall.js"
  # Prime the cache with Debian's rg packed the way the release tarball is (rg at the top level).
  mkdir -p "$TMPDIR/vscode-ripgrep-cache-$v" "$WORK/rgbin"
  cp "$(command -v rg)" "$WORK/rgbin/rg"
  tar -czf "$TMPDIR/vscode-ripgrep-cache-$v/ripgrep-$tag-x86_64-unknown-linux-musl.tar.gz" -C "$WORK/rgbin" rg
  echo "primed ripgrep cache: @vscode/ripgrep $v -> $tag"
done

# node-gyp builds code-server's native modules against node's headers; without a nodedir it downloads
# them from nodejs.org, which a machine reaching only npm and Debian cannot. Use the headers the node
# package installed beside /usr/bin/node when they are this very node's (set here, so the machine's
# npm configuration need not say it).
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node_version.h ]; then
  headers_version="$(sed -n 's/^#define NODE_\(MAJOR\|MINOR\|PATCH\)_VERSION \([0-9]*\)$/\2/p' /usr/include/node/node_version.h | paste -sd.)"
  if [ "$headers_version" = "$(node -p process.versions.node)" ]; then
    export npm_config_nodedir=/usr
    echo "node headers: /usr/include/node ($headers_version)"
  else
    echo "node headers in /usr/include/node are $headers_version, node is $(node -p process.versions.node): not used"
  fi
fi

mkdir -p "$PREFIX"
[ -f "$PREFIX/package.json" ] || echo '{"private": true}' >"$PREFIX/package.json"
export npm_config_yes=true          # node-pty's postinstall runs `npx node-gyp`
# --unsafe-perm: code-server's postinstall refuses to run as root without it (npm still passes it on).
npm install --prefix "$PREFIX" --unsafe-perm --no-audit --no-fund --loglevel=warn \
  "code-server@$CODE_SERVER_VERSION" || die "npm install code-server@$CODE_SERVER_VERSION failed (see the npm output above)"

[ -x "$BIN" ] || die "code-server binary missing at $BIN after install"
[ "$(installed_version)" = "$CODE_SERVER_VERSION" ] || die "installed code-server does not report version $CODE_SERVER_VERSION"
[ -e "$PREFIX/node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node" ] \
  || die "code-server's postinstall did not build node-pty (npm may have skipped install scripts)"
echo "code-server ready: $BIN"
