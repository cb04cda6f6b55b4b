#!/usr/bin/env bash
# Record what a build of Broadsheet prints over the bundled samples, the
# shared evaluation sets and a generated corpus, so that a refactor can be
# checked byte for byte:
#
#   bash scripts/snapshot.sh BINARY OUTDIR
#   diff -r OLD NEW
#
# Cache and state live in a throwaway folder; the user's are never touched.
set -euo pipefail
bin=$(realpath "$1")
out=$2
here=$(cd "$(dirname "$0")/.." && pwd)
shared=$here/../shared
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME=$tmp/cache XDG_STATE_HOME=$tmp/state XDG_CONFIG_HOME=$tmp/config XDG_DATA_HOME=$tmp/data
corpus=$tmp/corpus
(cd "$here" && go run ./internal/corpus/cmd -n 2000 -seed 7 -out "$corpus" >/dev/null)

sets=(data:"$here/data" corpus:"$corpus")
if [ -d "$shared" ]; then
	for s in seeds eval-dev/text eval-dev/html eval-news/text eval-news/html stories-dev; do
		[ -d "$shared/$s" ] && sets+=("${s//\//-}:$shared/$s")
	done
fi
for entry in "${sets[@]}"; do
	name=${entry%%:*} dir=${entry#*:}
	for cache in --no-cache ""; do
		tag=$name${cache:+-nocache}
		"$bin" list --json $cache "$dir" >"$out/list-$tag.jsonl" 2>"$out/list-$tag.err" || echo "exit $?" >>"$out/list-$tag.err"
	done
	"$bin" stories --json "$dir" >"$out/stories-$name.jsonl" 2>"$out/stories-$name.err" || echo "exit $?" >>"$out/stories-$name.err"
	"$bin" outlets "$dir" >"$out/outlets-$name.txt" 2>&1 || echo "exit $?" >>"$out/outlets-$name.txt"
	for q in ferry "strike mayor" the; do
		"$bin" search --json "$q" "$dir" >"$out/search-$name-${q// /_}.jsonl" 2>&1 || echo "exit $?" >>"$out/search-$name-${q// /_}.jsonl"
	done
	# show every file of the small sets, a sample of the corpus
	find "$dir" -type f | sort | sed -n 1,400p | while read -r f; do
		"$bin" show --json "$f" || echo "exit $? $f"
	done >"$out/show-$name.jsonl" 2>"$out/show-$name.err"
done
find "$here/data" -name '*.txt' | sort | sed -n 1,3p | while read -r f; do
	"$bin" show "$f" || echo "exit $?"
done >"$out/show-data-plain.txt" 2>&1
"$bin" list >"$out/list-default.txt" 2>&1 || echo "exit $?" >>"$out/list-default.txt"
