#!/usr/bin/env bash
# Kills rebuilds of a synthetic site with kill -9 at random points and
# checks what they leave (see docs/publishing.md):
#
#   - after each kill, public/ is byte for byte the old site or the new one;
#   - after the next build, it is the new one, and beside it there is
#     nothing but .public-previous/, finished (no unfinished marker).
#
# Each rebuild changes the site's title, so that every page changes; the
# title goes round three versions, so that the previous version kept
# beside public/ is never the one being built and every page is written.
# The kill lands at a uniformly random moment of a rebuild's duration
# (measured first), so some land before the write stage.
#
#   go build -o /tmp/gen ./cmd/gen
#   scripts/killbuild.sh /tmp/gen            # 5,000 articles, 20 kills
#   ARTICLES=500 RUNS=5 scripts/killbuild.sh /tmp/gen
set -euo pipefail
gen=$(realpath "${1:?usage: killbuild.sh GEN}")
articles=${ARTICLES:-5000}
runs=${RUNS:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

"$gen" synth -n "$articles" -out site >/dev/null
cd site
for v in a b c; do sed "s/^title: \"/title: \"$v: /" content/site.yaml >"$v.yaml"; done
for v in a b c; do
  cp "$v.yaml" content/site.yaml
  "$gen" -out "ref-$v" >/dev/null 2>&1
done

# Start from a, with c as the previous version beside it; time a rebuild.
cp c.yaml content/site.yaml && "$gen" -out public >/dev/null 2>&1
cp a.yaml content/site.yaml && "$gen" -out public >/dev/null 2>&1
start=$(date +%s%N)
cp b.yaml content/site.yaml && "$gen" -out public >/dev/null 2>&1
took=$(( ($(date +%s%N) - start) / 1000000 ))
echo "a full rebuild of $articles articles takes ${took} ms; killing $runs rebuilds at random points"
next() { case $1 in a) echo b;; b) echo c;; c) echo a;; esac; }

same() { diff -r --no-dereference -q "$1" "$2" >/dev/null 2>&1; }
current=b
old=0 new=0 mixed=0 finished=0 unfinished=0 leftovers=0
for run in $(seq 1 "$runs"); do
  target=$(next "$current")
  cp "$target.yaml" content/site.yaml
  at=$(( RANDOM * took / 32768 ))
  "$gen" -out public >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '%d.%03d' $((at / 1000)) $((at % 1000)))"
  if kill -9 "$pid" 2>/dev/null; then killed=yes; else killed=no; fi
  wait "$pid" 2>/dev/null || true
  [ "$killed" = no ] && finished=$((finished + 1))
  [ -e .public-previous/.timeline-unfinished ] && unfinished=$((unfinished + 1))
  if same public "ref-$current"; then state=old; old=$((old + 1))
  elif same public "ref-$target"; then state=new; new=$((new + 1))
  else state=MIXED; mixed=$((mixed + 1))
  fi
  "$gen" -out public >/dev/null 2>&1
  beside=$(ls -A | grep -v -x -e content -e a.yaml -e b.yaml -e c.yaml -e ref-a -e ref-b -e ref-c -e public -e .public-previous || true)
  if ! same public "ref-$target" || [ -n "$beside" ] || [ -e .public-previous/.timeline-unfinished ]; then
    leftovers=$((leftovers + 1))
    echo "run $run: after the next build: public/ differs from the new site or something is left over: $beside"
  fi
  echo "run $run: killed at ${at} ms (killed: $killed): public/ was the $state site"
  current=$target
done
echo "$runs runs: $old old, $new new, $mixed mixed; $finished finished before the kill; $unfinished left .public-previous unfinished; $leftovers with a problem after the next build"
[ "$mixed" -eq 0 ] && [ "$leftovers" -eq 0 ]
