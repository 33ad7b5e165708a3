#!/usr/bin/env bash
# sameoutput.sh checks that a change to the code leaves the output alone:
# it builds the sample site and a synthetic site with a reference gen
# binary and with the working tree's code, and compares the two output
# folders file by file.
#
#   git stash; go build -o /tmp/gen-ref ./cmd/gen; git stash pop   # or any older gen
#   scripts/sameoutput.sh /tmp/gen-ref [N]                       # N synthetic articles, default 1000
#
# It prints the paths that differ (or are missing on one side) and exits
# 1 when there are any; "same output" and 0 otherwise. Both binaries get
# the same inputs: the repository's content/ and templates/, and one
# synthetic corpus written by the reference binary.
set -euo pipefail
cd "$(dirname "$0")/.."

ref=${1:?usage: scripts/sameoutput.sh REF_GEN [N]}
n=${2:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/gen-new" ./cmd/gen
"$ref" synth -n "$n" -out "$work/synth" >/dev/null 2>&1

status=0
compare() { # name content templates
  "$ref" build -force -content "$2" -templates "$3" -out "$work/$1-ref" >/dev/null 2>&1
  "$work/gen-new" build -force -content "$2" -templates "$3" -out "$work/$1-new" >/dev/null 2>&1
  if ! diff -rq -x .timeline-generated "$work/$1-ref" "$work/$1-new"; then
    status=1
  fi
}
compare sample content templates
compare synth "$work/synth/content" templates
if [ "$status" = 0 ]; then
  echo "same output: the sample site and $n synthetic articles"
fi
exit $status
