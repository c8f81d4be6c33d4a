#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Start-up benchmark (not a test): time from launch to the first frame that shows the project,
# for the demo project and for a generated 10,000-article project, against gnome-text-editor
# opening one demo article in the same run. Prints each median and the ratios.
#   usage: tests/bench/bench-startup.sh [BUILDDIR] [RUNS]
# Vera reports its first frame itself (VERA_EXIT_AFTER_FIRST_FRAME=1 prints a timestamp after
# the frame clock's after-paint once the project shows, then quits); for gnome-text-editor the
# time is when its window is mapped and visible (xdotool), which favours the editor slightly.
set -eu

src=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$src/_build}" && pwd)
runs=${2:-5}
vera="$build/src/app/vera"
demo="$build/data/demo/demo.vera"
article="$src/data/demo/harbour-transit.txt"

for tool in Xvfb xdotool python3; do
  command -v "$tool" >/dev/null || { echo "bench-startup.sh: $tool is missing" >&2; exit 1; }
done
editor=$(command -v gnome-text-editor || true)
[ -n "$editor" ] || echo "bench-startup.sh: gnome-text-editor is missing (apt-get install gnome-text-editor); comparing Vera only" >&2

work=$(mktemp -d)
display=:94
Xvfb $display -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$work"' EXIT
sleep 1

# A 10,000-article project, ten claims each, written as the project format.
python3 - "$work/large.vera" <<'PY'
import json, sys
articles = []
for a in range(10000):
    text, claims = "", []
    for c in range(10):
        start = len(text)
        sentence = "Figure %d of article %d rose by %d%% in %d." % (c, a, (a * 7 + c) % 90, 2000 + c)
        text += sentence + " "
        claims.append({"id": "a%d-c%d" % (a + 1, c + 1), "start": start,
                       "end": start + len(sentence), "text": sentence, "score": 0.5 + c / 20,
                       "kinds": ["quantity"], "status": "unreviewed", "note": ""})
    articles.append({"id": "a%d" % (a + 1), "source": "generated-%d.txt" % a,
                     "title": "Generated article %d" % (a + 1), "text": text,
                     "claims": claims, "findings": []})
json.dump({"format": "vera-project", "version": 1, "articles": articles, "conflicts": []},
          open(sys.argv[1], "w"))
PY

now_us () { python3 -c 'import time; print(int(time.time() * 1e6))'; }

run_env () {
  env DISPLAY=$display HOME="$work/home" XDG_CONFIG_HOME="$work/home" XDG_STATE_HOME="$work/home/state" \
      XDG_CACHE_HOME="$work/home/cache" XDG_DATA_HOME="$work/home/data" GSETTINGS_BACKEND=memory \
      GSETTINGS_SCHEMA_DIR="$build/data" NO_AT_BRIDGE=1 GDK_BACKEND=x11 "$@"
}

# One Vera start: microseconds from launch to the first frame showing the project.
vera_once () {
  start=$(now_us)
  stamp=$(run_env VERA_EXIT_AFTER_FIRST_FRAME=1 timeout 300 "$vera" "$1" 2>/dev/null | sed -n 's/^VERA_FIRST_FRAME //p')
  [ -n "$stamp" ] || { echo "bench-startup.sh: vera did not report a frame for $1" >&2; exit 1; }
  echo $((stamp - start))
}

editor_once () {
  start=$(now_us)
  run_env dbus-run-session -- "$editor" --standalone "$article" >/dev/null 2>&1 &
  pid=$!
  DISPLAY=$display xdotool search --sync --onlyvisible --name "harbour-transit" >/dev/null
  end=$(now_us)
  kill $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  echo $((end - start))
}

median () { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

measure () {
  i=0
  while [ $i -lt "$runs" ]; do "$@"; i=$((i + 1)); done | median
}

# A warm-up run of each, so that every measured run finds the files in the page cache.
vera_once "$demo" >/dev/null
[ -z "$editor" ] || editor_once >/dev/null

demo_us=$(measure vera_once "$demo")
large_us=$(measure vera_once "$work/large.vera")
echo "vera, demo project (3 articles):        $((demo_us / 1000)) ms to the first frame (median of $runs)"
echo "vera, 10,000 articles / 100,000 claims: $((large_us / 1000)) ms"
if [ -n "$editor" ]; then
  editor_us=$(measure editor_once)
  echo "gnome-text-editor, one article:         $((editor_us / 1000)) ms to a visible window"
  python3 -c "import sys; d, l, e = map(int, sys.argv[1:]); print('ratio demo / editor: %.2f   ratio 10,000 articles / editor: %.2f' % (d / e, l / e))" \
    "$demo_us" "$large_us" "$editor_us"
fi
