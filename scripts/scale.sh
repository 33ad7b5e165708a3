#!/usr/bin/env bash
# scale.sh measures full builds at several sizes (see docs/performance.md).
#
#   scripts/scale.sh [N...]        default: 1000 10000 100000
#
# For each N it writes a synthetic corpus of N raw articles (gen synth),
# builds it RUNS times with a compiled gen and reports the median wall
# time, articles and entries per second, the median peak RSS and the
# output size. At HUGO_N articles it also times a no-change rebuild and
# builds one Markdown-only corpus with gen and with Hugo, side by side.
# It prints a Markdown table on stdout and its progress on stderr.
#
# Environment:
#   RUNS=3          builds per measurement (the median is reported)
#   RUNS_LARGE=1    builds per measurement from LARGE=50000 articles up
#   HUGO_N=10000    size of the no-change rebuild and the Hugo comparison;
#                   HUGO_N=0 skips both
#   WORK=DIR        scratch folder (default: a new /tmp/timeline-scale.*);
#                   a 100,000-article corpus and its site take about 2 GB
#   KEEP=1          keep WORK afterwards
#
# Needs /usr/bin/time (apt-get install -y time) and, for the comparison,
# hugo (apt-get install -y hugo; Debian 12 has 0.111.3).
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=${*:-1000 10000 100000}
runs=${RUNS:-3}
runs_large=${RUNS_LARGE:-1}
large=${LARGE:-50000}
hugo_n=${HUGO_N:-10000}
work=${WORK:-$(mktemp -d /tmp/timeline-scale.XXXXXX)}
mkdir -p "$work"
if [ "${KEEP:-0}" != 1 ]; then
	trap 'rm -rf "$work"' EXIT
fi

if [ ! -x /usr/bin/time ]; then
	echo "scale.sh: /usr/bin/time is missing (apt-get install -y time)" >&2
	exit 1
fi
if [ "$hugo_n" != 0 ] && ! command -v hugo >/dev/null; then
	echo "scale.sh: hugo is missing (apt-get install -y hugo), or set HUGO_N=0" >&2
	exit 1
fi

log() { echo "scale.sh: $*" >&2; }

gen=$work/gen
go build -o "$gen" ./cmd/gen
# An absent templates folder: gen uses its embedded templates.
notemplates=$work/no-templates

# measure OUTFILE CMD...: runs CMD once, its output into OUTFILE, and
# appends "seconds max-RSS-KB" to $work/samples.
measure() {
	local out=$1
	shift
	/usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$out" 2>&1
	cat "$work/time" >>"$work/samples"
}

# median COLUMN: the median of a column of $work/samples.
median() {
	cut -d' ' -f"$1" "$work/samples" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'
}

# builds N RUNS CLEAN CMD...: runs CMD RUNS times (removing CLEAN first
# when it is not "-") and leaves the samples in $work/samples.
builds() {
	local n=$1 count=$2 clean=$3
	shift 3
	: >"$work/samples"
	for _ in $(seq "$count"); do
		[ "$clean" = - ] || rm -rf "$clean"
		measure "$work/out.log" "$@"
	done
	log "$n: $(tr '\n' ';' <"$work/samples")"
}

mb() { awk -v kb="$1" 'BEGIN {printf "%.0f MB", kb/1024}'; }
per_second() { awk -v n="$1" -v s="$2" 'BEGIN {if (s > 0) printf "%.0f", n/s; else print "–"}'; }
thousands() { echo "$1" | sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta'; }
# built FIELD: a number from gen's summary "built E entries, P pages (F files) ...".
built() { grep -o "built [0-9]* entries, [0-9]* pages" "$work/out.log" | tail -1 | awk -v f="$1" '{print (f == "entries") ? $2 : $4}'; }

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
mem=$(free -g | awk '/^Mem:/ {print $2}')
echo "Machine: $(nproc) cores ($cpu), ${mem} GB RAM; $(go version | cut -d' ' -f3); $(date -u +%Y-%m-%d)."
echo "Command: \`scripts/scale.sh $sizes\` (RUNS=$runs, RUNS_LARGE=$runs_large from $large articles)."
echo
echo "| raw articles | entries | pages | full build (median) | articles/s | entries/s | peak RSS (median) | output |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"

rebuild=""
for n in $sizes; do
	dir=$work/raw-$n
	log "generating $n raw articles"
	"$gen" synth -n "$n" -out "$dir" >&2
	count=$runs
	[ "$n" -lt "$large" ] || count=$runs_large
	log "building $n raw articles, $count times"
	builds "$n" "$count" "$dir/public" "$gen" -content "$dir/content" -templates "$notemplates" -out "$dir/public"
	secs=$(median 1)
	rss=$(median 2)
	entries=$(built entries)
	pages=$(built pages)
	size=$(du -sh "$dir/public" | cut -f1)
	echo "| $(thousands "$n") | $(thousands "$entries") | $(thousands "$pages") | ${secs} s | $(per_second "$n" "$secs") | $(per_second "$entries" "$secs") | $(mb "$rss") | $size |"
	if [ "$n" = "$hugo_n" ]; then
		log "rebuilding $n raw articles without a change, $runs times"
		builds "$n-rebuild" "$runs" - "$gen" -content "$dir/content" -templates "$notemplates" -out "$dir/public"
		rebuild="No-change rebuild at $(thousands "$n") raw articles (the output already there): $(median 1) s, peak RSS $(mb "$(median 2)") (median of $runs); a full build took ${secs} s."
	fi
	rm -rf "$dir"
done

if [ "$hugo_n" != 0 ]; then
	echo
	echo "$rebuild"
	dir=$work/md-$hugo_n
	log "generating $hugo_n Markdown articles"
	"$gen" synth -n "$hugo_n" -markdown-only -out "$dir" >&2
	echo
	echo "The same $(thousands "$hugo_n") Markdown files (\`gen synth -n $hugo_n -markdown-only\`), median of $runs full builds each:"
	echo
	echo "| generator | command | wall time | peak RSS | pages |"
	echo "|---|---|---:|---:|---:|"
	builds "gen-md" "$runs" "$work/gen-public" "$gen" -content "$dir/content" -templates "$notemplates" -out "$work/gen-public"
	gen_secs=$(median 1)
	gen_rss=$(median 2)
	echo "| gen | \`gen -content DIR/content\` | ${gen_secs} s | $(mb "$gen_rss") | $(thousands "$(built pages)") |"
	builds "hugo-md" "$runs" "$work/hugo-public" hugo -s "$dir" -d "$work/hugo-public"
	hugo_secs=$(median 1)
	hugo_rss=$(median 2)
	hugo_pages=$(awk -F'|' '/^ *Pages/ {gsub(/ /, "", $2); print $2}' "$work/out.log")
	hugo_version=$(hugo version | grep -o 'v[0-9.]*' | head -1)
	echo "| Hugo $hugo_version | \`hugo -s DIR\` | ${hugo_secs} s | $(mb "$hugo_rss") | $(thousands "$hugo_pages") |"
	echo
	awk -v g="$gen_secs" -v h="$hugo_secs" -v gm="$gen_rss" -v hm="$hugo_rss" \
		'BEGIN {printf "gen is %.1f× faster than Hugo on the same files, in %.0f %% of its memory.\n", h/g, 100*gm/hm}'
fi
