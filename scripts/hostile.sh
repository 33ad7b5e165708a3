#!/usr/bin/env bash
# The hostile-content suite against the gen binary: each case of
# testdata/hostile built on the real file system, its exit status, wall
# time (under 10 s) and peak memory (under 500 MB) measured, and what gen
# prints checked for control characters. The in-process checks of the
# same cases (diagnostics, public/ unchanged, injections) are
# go test ./internal/hostile.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/gen" ./cmd/gen
go run ./scripts/hostile -gen "$tmp/gen" testdata/hostile
