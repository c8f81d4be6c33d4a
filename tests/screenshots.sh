#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Takes screenshots of Vera's main states (light and dark, wide and narrow) under Xvfb into
# data/screenshots/. Usage: tests/screenshots.sh [BUILDDIR]   (default: _build)
# Needs Xvfb, xdotool and ImageMagick's import. Runs the built app with the demo project.
# SHOTS="main-light narrow" takes only those.
set -eu

src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/_build}" && pwd)
out="$src/data/screenshots"
vera="$build/src/app/vera"
demo="$build/data/demo/demo.vera"

for tool in Xvfb xdotool import; do
  command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool is missing" >&2; exit 1; }
done
[ -x "$vera" ] || { echo "screenshots.sh: build first: $vera is missing" >&2; exit 1; }
[ -f "$demo" ] || { echo "screenshots.sh: build first: $demo is missing" >&2; exit 1; }
mkdir -p "$out"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
display=:93

# shot NAME WIDTH HEIGHT SCHEME KEYS [PROJECT]
shot () {
  name=$1 width=$2 height=$3 scheme=$4 keys=$5 project=${6-$demo}
  case " ${SHOTS:-$name} " in *" $name "*) ;; *) return 0 ;; esac
  home="$work/$name"
  mkdir -p "$home/glib-2.0/settings"
  cat > "$home/glib-2.0/settings/keyfile" <<KEYS
[io/github/verafact/Vera]
window-width=$width
window-height=$height
KEYS
  Xvfb $display -screen 0 "$((width + 40))x$((height + 40))x24" -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  env DISPLAY=$display HOME="$home" XDG_CONFIG_HOME="$home" XDG_STATE_HOME="$home/state" \
      XDG_CACHE_HOME="$home/cache" GSETTINGS_BACKEND=keyfile \
      GSETTINGS_SCHEMA_DIR="$build/data" NO_AT_BRIDGE=1 GDK_BACKEND=x11 \
      VERA_COLOR_SCHEME="$scheme" LANGUAGE=en \
      "$vera" $project >"$work/$name.log" 2>&1 &
  app=$!
  window=$(DISPLAY=$display xdotool search --sync --onlyvisible --class vera | head -n 1)
  sleep 2
  for key in $keys; do
    DISPLAY=$display xdotool key --window "$window" "$key"
    sleep 0.4
  done
  sleep 1
  # Dialogs are windows of their own: take the whole screen for them.
  case $name in
    preferences|export|shortcuts) DISPLAY=$display import -window root "$out/$name.png" ;;
    *) DISPLAY=$display import -window "$window" "$out/$name.png" ;;
  esac
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  wait "$xvfb" 2>/dev/null || true
  echo "$out/$name.png"
}

shot main-light 1200 760 light "j 3 j 5 j 7 j 2 j"
shot main-dark 1200 760 dark "j 3 j 5 j 7 j 2 j"
shot claims-light 1200 760 light "alt+2 j 3 j 5 j 4 j"
shot claims-dark 1200 760 dark "alt+2 j 3 j 5 j 4 j"
shot conflicts-light 1200 760 light "alt+3"
shot conflicts-dark 1200 760 dark "alt+3"
shot narrow 400 760 light ""
shot narrow-dark 400 760 dark "j j"
shot empty 1000 680 light "" ""
shot empty-dark 1000 680 dark "" ""
shot preferences 1000 700 light "ctrl+comma"
shot export 1000 700 dark "ctrl+e"
shot shortcuts 1200 760 light "ctrl+question"
