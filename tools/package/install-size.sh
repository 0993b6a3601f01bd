#!/usr/bin/env bash
# `npm run install-size`: what a user's `npm install` of this package costs. Packs the package as it
# would be published, installs the tarball into an empty project, and prints the packages npm put in
# node_modules and their size on disk. Pass a tarball to measure that one instead (an older release).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ $# -ge 1 ]; then
    tarball="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
else
    (cd "$root" && npm pack --silent --pack-destination "$work" >/dev/null)
    tarball="$(ls "$work"/*.tgz)"
fi
mkdir "$work/app"
cd "$work/app"
echo '{ "name": "install-size", "version": "1.0.0", "private": true }' > package.json
npm install --no-audit --no-fund --loglevel=error "$tarball" >/dev/null
packages=$(npm ls --all --parseable | tail -n +2 | sort -u | wc -l)
echo "$(basename "$tarball"): $packages packages, $(du -sh node_modules | cut -f1) in node_modules"
