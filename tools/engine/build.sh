#!/usr/bin/env bash
# `npm run engine`: builds the Pulumi CLI that test/engine/ runs the pack under, from the Go module
# proxy, at the version this folder's go.mod pins (go.sum holds every module's checksum). Go's own
# module and build caches are reused, so a rebuild after a change of pin costs only what changed.
# Does nothing when bin/pulumi was already built from the pinned module.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v go >/dev/null; then
    echo "npm run engine needs the go command (Go 1.26 or later)" >&2
    exit 1
fi

module=github.com/pulumi/pulumi/pkg/v3
version=$(go list -m -f '{{.Version}}' "$module")
bin=bin/pulumi

# The binary's embedded build information names the module version it was built from.
if [ -x "$bin" ] && go version -m "$bin" 2>/dev/null | grep -Eq "^[[:space:]]+(mod|dep)[[:space:]]+$module[[:space:]]+$version[[:space:]]"; then
    echo "engine: pulumi $version is already built at tools/engine/$bin"
    exit 0
fi

echo "engine: building pulumi $version into tools/engine/$bin (about 8 CPU minutes and 1.4 GB of modules when Go's caches are cold)"
mkdir -p bin
# The version the CLI reports (and checks plugins' requirements against) is set at link time.
# No VCS stamp: the binary is named by the module version, and a clone need not be a git work tree.
go build -buildvcs=false -o "$bin.partial" \
    -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$version" \
    "$module/cmd/pulumi"
mv "$bin.partial" "$bin"
echo "engine: built $(PULUMI_SKIP_UPDATE_CHECK=true "$bin" version)"
