#!/usr/bin/env bash
# reader-memory.sh: the reader's memory on a folder, in tmux: RSS (all,
# anonymous, file-backed) once every article is listed, its peak once
# stories are grouped, and RSS 3 s later, when the start has settled,
# with the mappings that hold more than 2 MB (/proc/PID/smaps).
#
#   bash scripts/reader-memory.sh BIN DIR MODE
#
# MODE is first (no cache), afterlist (`BIN list DIR` filled the cache;
# the reader still indexes and groups), or second (a first start in
# the reader filled the cache, the kept index and the kept grouping; the
# second is measured). RSS is printed every EVERY seconds (3 unless set)
# until LATER seconds (3 unless set) after grouping ends: the reader
# settles once the stories it prepares are done. The cache lives in a folder of its own under /tmp,
# removed after, unless XKEEP names one: it is then kept, and a second
# start whose folder holds a file "done" makes no first start (to
# compare two builds on one cache, see BENCHMARKS.md "readermem"). CPU is
# the process's user + system seconds so far. Needs tmux (set TMUX_TMPDIR
# for a server of its own).
set -euo pipefail
BIN=$(realpath "$1") D=$(realpath "$2") mode=$3
X=${XKEEP:-$(mktemp -d /tmp/reader-memory-XXXXXX)}
S=reader-memory-$$ every=${EVERY:-3} later=${LATER:-3}
mem() { awk '/VmHWM|VmRSS|RssAnon|RssFile/ {printf "%s %d MB ", $1, $2/1024}' /proc/$1/status; awk -v hz="$(getconf CLK_TCK)" '{printf "cpu %.2f s", ($14+$15)/hz}' /proc/$1/stat; }
run() {
	tmux new -d -s $S -x 100 -y 30 "exec env XDG_CACHE_HOME=$X XDG_STATE_HOME=$X/state $BIN $D"
	start=$(date +%s.%N)
	until tmux capture-pane -t $S -p | grep -q 'unread of' &&
		! tmux capture-pane -t $S -p | grep -qE 'loading|checking'; do sleep 0.1; done
	took=$(echo "$(date +%s.%N) - $start" | bc)
	pid=$(tmux display -p -t $S '#{pane_pid}')
	listed=$(mem $pid)
	smapsl=$(awk '/^[0-9a-f]+-[0-9a-f]+ /{name=$6} /^Rss:/{r[name]+=$2} END{for(n in r) if(r[n]>2048) printf "  %s %d MB;", (n==""?"(anonymous)":n), r[n]/1024}' /proc/$pid/smaps)
	sleep 0.5
	while tmux capture-pane -t $S -p | grep -q 'grouping'; do sleep 0.3; done
	took2=$(echo "$(date +%s.%N) - $start" | bc)
	grouped=$(mem $pid)
	echo "$1: all listed at ${took}s: $listed"
	echo "  listed, mappings: $smapsl"
	echo "$1: grouped at ${took2}s: $grouped"
	for t in $(seq "$every" "$every" "$later"); do
		sleep "$every"
		echo "$1: $t s later: $(mem $pid)"
	done
	awk '/^[0-9a-f]+-[0-9a-f]+ /{name=$6} /^Rss:/{r[name]+=$2} END{for(n in r) if(r[n]>2048) printf "  %s %d MB\n", (n==""?"(anonymous)":n), r[n]/1024}' /proc/$pid/smaps
	tmux send-keys -t $S q
	while tmux has-session -t $S 2>/dev/null; do sleep 0.2; done
}
case $mode in
first) run first ;;
afterlist) XDG_CACHE_HOME=$X XDG_STATE_HOME=$X/state $BIN list $D >/dev/null; run afterlist ;;
second)
	[ -n "${XKEEP:-}" ] && [ -e "$X/done" ] || run first >/dev/null
	touch "$X/done"
	run second
	;;
*) echo "MODE: first, afterlist or second" >&2; exit 2 ;;
esac
[ -n "${XKEEP:-}" ] || rm -rf "$X"
