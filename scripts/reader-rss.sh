#!/usr/bin/env bash
# reader-rss.sh: the reader's second start on a folder, in tmux: how long
# until every article shows, and its memory then (/proc/PID/status).
#
#   bash scripts/reader-rss.sh BIN DIR
#
# A first start, with a cache folder of its own under /tmp, fills the
# cache and the kept index; the second is measured. Needs tmux.
set -euo pipefail
BIN=$(realpath "$1") D=$(realpath "$2")
X=$(mktemp -d /tmp/reader-rss-XXXXXX)
n=$(find "$D" -type f -name '*.txt' | wc -l)
for run in first second; do
	tmux new -d -s reader-rss -x 100 -y 30 "XDG_CACHE_HOME=$X XDG_STATE_HOME=$X/state $BIN $D"
	start=$(date +%s.%N)
	# Loaded once the status bar stops saying "loading".
	until tmux capture-pane -t reader-rss -p | grep -q 'unread of' &&
		! tmux capture-pane -t reader-rss -p | grep -q 'loading'; do sleep 0.1; done
	took=$(echo "$(date +%s.%N) - $start" | bc)
	pid=$(tmux display -p -t reader-rss '#{pane_pid}')
	mem=$(grep -E 'VmRSS|RssAnon|RssFile' /proc/$pid/status | tr -s ' \t' ' ' | tr '\n' ' ')
	echo "$run start ($n files): loaded after ${took}s; $mem"
	# Let the load's end (stories, the cache and index written) finish.
	while tmux capture-pane -t reader-rss -p | grep -q 'grouping'; do sleep 0.5; done
	tmux send-keys -t reader-rss q
	while tmux has-session -t reader-rss 2>/dev/null; do sleep 0.2; done
done
rm -rf "$X"
