#!/usr/bin/env bash
# screenshots.sh regenerates the README screenshots from the real program:
# it runs broadsheet in tmux at fixed sizes and themes, captures each screen
# with its colors (tmux capture-pane -e) and renders it to PNG with freeze
# (github.com/charmbracelet/freeze, fetched through the Go module proxy),
# then shrinks it to a small palette PNG with ImageMagick.
#
# Usage: scripts/screenshots.sh [article folder...]
#   With no folder it shows the bundled samples, as `broadsheet` does.
# Needs: go, tmux, ImageMagick (convert). Writes docs/screenshots/*.png.
# FREEZE can name another freeze command (default: go run ...@v0.2.2).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/docs/screenshots"
freeze=${FREEZE:-"go run github.com/charmbracelet/freeze@v0.2.2"}
work=$(mktemp -d)
sock="broadsheet-shots-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

# ImageMagick: skip stand-ins that are not the real thing.
magick=""
for c in magick convert-im6.q16 /usr/bin/convert convert; do
	if command -v "$c" >/dev/null 2>&1 && "$c" -version 2>/dev/null | grep -q ImageMagick; then
		magick=$c
		break
	fi
done
[ -n "$magick" ] || { echo "screenshots: ImageMagick is needed (apt-get install imagemagick)" >&2; exit 1; }
command -v tmux >/dev/null || { echo "screenshots: tmux is needed" >&2; exit 1; }

mkdir -p "$out"
(cd "$root" && go build -o "$work/broadsheet" .)

# Colors of the terminal the shots pretend to be, per theme: background
# and default text, as R;G;B.
declare -A bg=([dark]="27;27;31" [light]="250;250;247")
declare -A fg=([dark]="221;221;221" [light]="26;26;26")
declare -A bghex=([dark]="#1B1B1F" [light]="#FAFAF7")

screen() { tmux -L "$sock" capture-pane -p -t shot; }

# wait_for waits until the screen shows text, then until it stops changing.
wait_for() {
	local i last=""
	for i in $(seq 200); do
		screen | grep -qF -- "$1" && break
		sleep 0.05
	done
	screen | grep -qF -- "$1" || { echo "screenshots: waiting for '$1', the screen shows:" >&2; screen >&2; exit 1; }
	for i in $(seq 40); do
		local now
		now=$(screen)
		[ "$now" = "$last" ] && return 0
		last=$now
		sleep 0.1
	done
}

# shot NAME THEME WIDTH HEIGHT WAIT-TEXT [KEYS WAIT-TEXT]...
shot() {
	local name=$1 theme=$2 w=$3 h=$4 ready=$5
	shift 5
	printf 'theme = "%s"\n' "$theme" >"$work/config.toml"
	tmux -L "$sock" -f /dev/null new-session -d -s shot -x "$w" -y "$h" \
		env BROADSHEET_CONFIG="$work/config.toml" TERM=xterm-256color COLORTERM=truecolor NO_COLOR= \
		"$work/broadsheet" "${folders[@]}"
	wait_for "$ready"
	while [ $# -ge 2 ]; do
		tmux -L "$sock" send-keys -t shot $1
		wait_for "$2"
		shift 2
	done
	tmux -L "$sock" capture-pane -e -p -t shot >"$work/$name.ansi"
	tmux -L "$sock" kill-server
	# freeze knows no "default" colors: spell out the terminal's. It
	# also loses the color of bold text, so bold goes.
	local on=$'\e[38;2;'"${fg[$theme]}"$'m\e[48;2;'"${bg[$theme]}"'m'
	sed -e 's/\x1b\[1m//g' -e 's/\x1b\[1;/\x1b[/g' -e "s/\x1b\[0\?m/&$on/g" -e "s/\x1b\[49m/\x1b[48;2;${bg[$theme]}m/g" \
		-e "s/\x1b\[39m/\x1b[38;2;${fg[$theme]}m/g" -e "s/^/$on/" "$work/$name.ansi" >"$work/$name.fixed"
	$freeze --language ansi --window=false --padding 16 --font.size 7 \
		--background "${bghex[$theme]}" -o "$work/$name.png" "$work/$name.fixed" >/dev/null
	"$magick" "$work/$name.png" -colors 48 "PNG8:$out/$name.png"
	echo "wrote docs/screenshots/$name.png ($(wc -c <"$out/$name.png") bytes)"
}

folders=("$@")

shot list-dark dark 120 36 " articles"
shot list-light light 120 36 " articles"
shot list-narrow dark 80 24 " articles"
shot article-find dark 100 30 " articles" Enter "esc/h back" / "find" "the Enter" " of "
shot help dark 100 30 " articles" "?" "half page down"
shot article-light light 120 40 " articles" Enter "esc/h back"
