#!/usr/bin/env bash
# Run the same benchmarks in two checkouts of Broadsheet, alternately, so
# that a noisy machine weighs on both alike, then compare them:
#
#   bash scripts/bench-compare.sh OLD_CHECKOUT NEW_CHECKOUT OUTDIR [ROUNDS]
#
# Each round runs every benchmark once in OLD, then once in NEW. benchstat
# prints the comparison; the raw results stay in OUTDIR.
set -euo pipefail
old=$(realpath "$1") new=$(realpath "$2") out=$3 rounds=${4:-3}
mkdir -p "$out"
out=$(realpath "$out")
: >"$out/old.txt"
: >"$out/new.txt"
benches=(
	"./feed/search;^Benchmark(LoadIndex|Index|Query|Typing)$/^n=10k$;1x"
	"./feed/story;^BenchmarkGroup10k$;1x"
	".;^BenchmarkFirstFrame$;20x"
)
for r in $(seq "$rounds"); do
	for side in old new; do
		dir=${!side}
		for b in "${benches[@]}"; do
			IFS=';' read -r pkg pattern times <<<"$b"
			echo "== round $r $side $pkg $pattern" >&2
			(cd "$dir" && go test "$pkg" -run '^$' -bench "$pattern" -benchmem ${times:+-benchtime "$times"} -timeout 60m) |
				grep -E '^(Benchmark|goos|goarch|pkg|cpu)' >>"$out/$side.txt"
		done
	done
done
go run golang.org/x/perf/cmd/benchstat@latest "$out/old.txt" "$out/new.txt"
