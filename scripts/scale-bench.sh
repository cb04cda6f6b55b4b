#!/usr/bin/env bash
# Measure Broadsheet over a generated corpus of N articles, first start
# and second, beside cat and rg over the same files, in one run:
#
#   bash scripts/scale-bench.sh N [OUTDIR]     # e.g. 10000, 100000, 1000000
#
# The corpus is /tmp/broadsheet-corpus-nN-seed1, written first if missing
# (the folder the Go benchmarks share). The cache, read marks and config
# live under OUTDIR, fresh each run, so the first start finds no cache.
# Each line of the summary gives wall seconds, user and system CPU
# seconds, and peak resident memory in KB (/usr/bin/time '%e %U %S %M').
# Everything runs under nice, and is stopped if the machine's available
# memory falls under MEM_FLOOR_GB (4 unless set). The reader is run in
# tmux (READER=0 skips it). READER_ONLY=1 runs the reader alone, on the
# cache an earlier run left in OUTDIR: at a million articles, the run
# after the one whose reader wrote the kept index is a second start
# with it.
set -euo pipefail
n=${1:?usage: scale-bench.sh N [OUTDIR]}
repo=$(cd "$(dirname "$0")/.." && pwd)
out=${2:-$(mktemp -d /tmp/scale-bench-n$n.XXXX)}
mkdir -p "$out"
out=$(realpath "$out")
dir=/tmp/broadsheet-corpus-n$n-seed1
bin=$out/broadsheet
sum=$out/summary.txt
: >"$sum"
say() { echo "$*" | tee -a "$sum"; }
floor=${MEM_FLOOR_GB:-4}
avail_gb() { awk '/MemAvailable/ {print int($2/1024/1024)}' /proc/meminfo; }
timed() { # timed LABEL CMD...: run CMD under nice and /usr/bin/time
	local label=$1 pid
	shift
	setsid /usr/bin/time -f '%e %U %S %M' -o "$out/time" nice -n 10 "$@" &
	pid=$!
	while kill -0 "$pid" 2> /dev/null; do
		if [ "$(avail_gb)" -lt "$floor" ]; then
			kill -- -"$pid" 2> /dev/null || true
			say "$label: stopped, the machine had under $floor GB available"
			wait "$pid" || true
			return 0
		fi
		sleep 0.5
	done
	wait "$pid" || true
	say "$label: $(cat "$out/time")"
}

free_gb=$(df --output=avail -BG /tmp | tail -1 | tr -dc 0-9)
say "n=$n, $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), /tmp free ${free_gb} GB"
if [ ! -e "$dir/.done" ]; then
	need=$((n * 15 / 1000000 + 1)) # files and cache, about 14 GB a million
	if [ "$free_gb" -lt "$need" ]; then
		echo "scale-bench: $need GB needed in /tmp, $free_gb GB free" >&2
		exit 1
	fi
	rm -rf "$dir"
	(cd "$repo" && go build -o "$out/corpus" ./internal/corpus/cmd)
	timed "generate" "$out/corpus" -n "$n" -seed 1 -out "$dir"
	touch "$dir/.done"
fi
(cd "$repo" && go build -o "$bin" .)
say "commit $(cd "$repo" && git rev-parse --short HEAD)"
say "files: $(find "$dir" -type f -name '*.txt' | wc -l), $(du -sb --exclude=.done "$dir" | cut -f1) bytes, $(du -s -B1 "$dir" | cut -f1) bytes on disk"

export XDG_CACHE_HOME=$out/cache XDG_STATE_HOME=$out/state XDG_CONFIG_HOME=$out/config
mkdir -p "$XDG_CACHE_HOME" "$XDG_STATE_HOME" "$XDG_CONFIG_HOME"

if [ "${READER_ONLY:-0}" != 1 ]; then
# The floor: read every file once (this also warms the page cache).
timed "cat every file" sh -c "find '$dir' -type f -name '*.txt' -print0 | xargs -0 cat > /dev/null"
timed "rg -l -i harbour" sh -c "rg -l -i harbour '$dir' | wc -l > '$out/rg.count'"
say "  rg matched $(cat "$out/rg.count") files"

# The command line: every article, first with no cache, then with the
# cache the first run wrote. `list --json` also groups the stories (each
# line names its story), which at a million articles takes longer than
# the load: it runs after the plain list's second start, unless JSON=0
# (the default above 100,000 articles).
timed "list, first start" sh -c "'$bin' list '$dir' | wc -l > '$out/list.count'"
say "  listed $(cat "$out/list.count") articles"
say "cache: $(du -s -B1 "$XDG_CACHE_HOME" | cut -f1) bytes on disk"
timed "list, second start" sh -c "'$bin' list '$dir' | wc -l > /dev/null"
json=${JSON:-$((n <= 100000))}
[ "$json" = 0 ] || timed "list --json, second start" sh -c "'$bin' list --json '$dir' | wc -l > /dev/null"
timed "search harbour, second start" sh -c "'$bin' search harbour '$dir' | wc -l > /dev/null"
fi
say "cache: $(du -s -B1 "$XDG_CACHE_HOME" | cut -f1) bytes on disk before the reader"

[ "${READER:-1}" = 1 ] || exit 0
command -v tmux > /dev/null || exit 0

# The reader, in a window of 120×30: seconds until the first articles
# are listed, until all are (and its memory then), and until stories are
# grouped (READER_MAX seconds at most, 900 unless set), then its peak
# memory. With the cache in place from the runs above, this is a
# second start; READER_FRESH=1 empties the cache first.
[ "${READER_FRESH:-0}" = 1 ] && rm -rf "$XDG_CACHE_HOME" && mkdir -p "$XDG_CACHE_HOME"
total=$(echo "$n" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')
session=scale-bench-$$
start=$(date +%s.%N)
tmux new -d -s "$session" -x 120 -y 30 \
	"/usr/bin/time -f '%e %U %S %M' -o '$out/reader.time' nice -n 10 env XDG_CACHE_HOME='$XDG_CACHE_HOME' XDG_STATE_HOME='$XDG_STATE_HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' '$bin' '$dir'"
pane=$(tmux list-panes -t "$session" -F '#{pane_pid}')
first="" listed=""
# The reader's resident memory now and at its peak, in KB.
mem() { awk '/VmRSS|VmHWM/ {printf "%s %s KB ", $1, $2}' "/proc/$(pgrep -P "$pane" | head -1)/status" 2> /dev/null || echo "?"; }
while tmux has-session -t "$session" 2> /dev/null; do
	status=$(tmux capture-pane -t "$session" -p | tail -2 | head -1)
	now=$(date +%s.%N)
	took=$(echo "$now - $start" | bc)
	if [ -z "$first" ] && [[ $status =~ ^[1-9] ]]; then
		first=$took
		say "reader: first articles listed after $took s"
	fi
	if [ -z "$listed" ] && [[ $status == *" of $total article"* && $status != *loading* ]]; then
		listed=$took
		rss=$(awk '/VmRSS/ {print $2}' "/proc/$(pgrep -P "$pane" | head -1)/status" 2> /dev/null || echo "?")
		say "reader: all $total listed after $took s, $rss KB resident"
	fi
	if [ -n "$listed" ] && [[ $status != *grouping* && $status != *checking* ]]; then
		say "reader: stories grouped after $took s, $(mem)"
		break
	fi
	if [ "$(echo "$took > ${READER_MAX:-900}" | bc)" = 1 ]; then
		say "reader: stopped after $took s, $(mem): $status"
		break
	fi
	if [ "$(avail_gb)" -lt "$floor" ]; then
		say "reader: stopped, the machine had under $floor GB available"
		pkill -P "$pane" || true
		break
	fi
	sleep 0.2
done
tmux capture-pane -t "$session" -p | tail -2 | head -1 > "$out/reader.status" || true
tmux send-keys -t "$session" Q 2> /dev/null || true
while tmux has-session -t "$session" 2> /dev/null; do sleep 0.5; done
say "reader: $(cat "$out/reader.time" 2> /dev/null)"
