#!/usr/bin/env bash
# start-bench.sh: a second start of the reader beside cat and rg over the
# same files, in the same run.
#
#   bash scripts/start-bench.sh [N]        # N articles, 10000 by default
#
# The corpus is made (or reused) under $TMPDIR by internal/corpus. Prints
# wall and CPU (user + sys) seconds for cat and rg, then the
# BenchmarkSecondStart line (cpu-s: CPU seconds of one second start).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
D=${TMPDIR:-/tmp}/broadsheet-corpus-n$N-seed1
[ -d "$D" ] || go run ./internal/corpus/cmd -n "$N" -seed 1 -out "$D" >/dev/null
go test -c -o /tmp/start-bench.test . >/dev/null
find "$D" -type f -print0 | xargs -0 cat >/dev/null # the page cache, warm
echo "files: $(find "$D" -type f | wc -l), $(du -sb "$D" | cut -f1) bytes"
t() { /usr/bin/time -f "%e s wall, %U+%S s CPU, %M KB max RSS  $1" "${@:2}" >/dev/null; }
t "cat of every file" sh -c "find '$D' -type f -print0 | xargs -0 cat"
if command -v rg >/dev/null; then
	t "rg -l -i election" rg -l -i election "$D"
fi
BROADSHEET_BENCH_N=$N /tmp/start-bench.test -test.run '^$' -test.bench SecondStart -test.benchtime 3x |
	grep -E '^Benchmark'
