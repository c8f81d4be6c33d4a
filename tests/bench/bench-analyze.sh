#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark (not a test): vera-check analyze on generated corpora of 1,000 and 10,000 articles.
# Prints the time as a ratio to `wc -w` over the same files in the same run, the peak memory as
# a multiple of the input size, and the growth from 1,000 to 10,000 articles.
# Usage: bench-analyze.sh [VERA_CHECK] [WORK_FOLDER]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
vera_check=${1:-${VERA_CHECK:-$here/../../_build/src/cli/vera-check}}
work=${2:-${TMPDIR:-/tmp}/vera-bench-analyze}
command -v /usr/bin/time >/dev/null || { echo "bench-analyze: needs /usr/bin/time (apt-get install time)"; exit 77; }

now () { date +%s.%N; }

run () {
  n=$1
  dir="$work/$n"
  [ -f "$dir/article-$(printf %05d $((n - 1))).txt" ] || python3 "$here/make-corpus.py" "$n" "$dir"
  bytes=$(cat "$dir"/*.txt | wc -c)
  # Warm the page cache so both commands read from memory.
  cat "$dir"/*.txt > /dev/null
  t0=$(now); cat "$dir"/*.txt | wc -w > /dev/null; t1=$(now)
  /usr/bin/time -f '%M' -o "$work/mem-$n" "$vera_check" analyze -o "$work/out-$n.vera" "$dir"/*.txt
  t2=$(now)
  wc_s=$(echo "$t1 - $t0" | bc -l)
  vera_s=$(echo "$t2 - $t1" | bc -l)
  peak_kb=$(cat "$work/mem-$n")
  printf '%6d articles, %5.1f MB: wc -w %.3f s, vera-check analyze %.3f s (%.1fx wc -w), peak %.0f MB (%.2fx input)\n' \
    "$n" "$(echo "$bytes / 1048576" | bc -l)" "$wc_s" "$vera_s" "$(echo "$vera_s / $wc_s" | bc -l)" \
    "$(echo "$peak_kb / 1024" | bc -l)" "$(echo "$peak_kb * 1024 / $bytes" | bc -l)"
  eval "time_$n=$vera_s"
}

mkdir -p "$work"
run 1000
run 10000
printf 'growth 1,000 → 10,000 articles: %.1fx time for 10x the input\n' "$(echo "$time_10000 / $time_1000" | bc -l)"
