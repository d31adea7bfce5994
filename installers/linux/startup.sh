#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Measures how fast the installed CostBench starts and how much memory it holds afterwards.
#
#   installers/linux/startup.sh [RUNS] [LAUNCHER]      default: 6 runs of /opt/costbench/bin/costbench-start
#                                                      (what the menu entry and /usr/bin/costbench run)
#
# Run 1 is cold: the page cache is dropped first (needs root; skipped otherwise). The others are warm. Each run starts
# the app with a fresh data directory on a virtual display (Xvfb, 1600x1000, started here when DISPLAY is unset) and
# reports, from the moment the launcher is executed:
#   mapped  the main window appears on the X server (xdotool polls every 20 ms);
#   usable  the window is shown and the JavaFX thread answers (the app's start-up probe, -Dcostbench.startupProbe);
#   table   the example prompt is counted and priced on every model: the cost table is filled;
# and the resident memory (VmRSS) 2 s and 10 s after the table was filled. Then the medians of the warm runs.
# The load average is printed too: on a shared machine the figures move with it.
set -euo pipefail
runs=${1:-6}
launcher=${2:-/opt/costbench/bin/costbench-start}
[ -x "$launcher" ] || { echo "startup.sh: $launcher not found (install the .deb first)" >&2; exit 1; }
for t in xdotool Xvfb; do command -v $t >/dev/null || { echo "startup.sh: needs $t (apt-get install xvfb xdotool)" >&2; exit 1; }; done

work=$(mktemp -d)
xvfb_pid=""
cleanup() { [ -z "$xvfb_pid" ] || { kill "$xvfb_pid" 2>/dev/null; wait "$xvfb_pid" 2>/dev/null; } || true; rm -rf "$work"; }
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ]; then
  for n in $(seq 90 120); do [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ] || break; done
  Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  export DISPLAY=":$n"
  for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done
fi

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
rss_mb() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }

echo "CostBench start-up: $launcher, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-5s %-5s %8s %8s %8s %10s %10s\n' run cache mapped usable table "rss+2s" "rss+10s"
results=()
for i in $(seq "$runs"); do
  cache=warm
  if [ "$i" = 1 ]; then
    if sync && echo 3 > /proc/sys/vm/drop_caches 2>/dev/null; then cache=cold; else cache="warm*"; fi
  fi
  data="$work/data-$i"
  t0=$(now_ms)
  JAVA_TOOL_OPTIONS="-Dcostbench.startupProbe=report ${COSTBENCH_STARTUP_OPTS:-}" COSTBENCH_DATA_DIR="$data" \
    "$launcher" > "$work/out-$i.log" 2>&1 &
  pid=$!
  mapped=""
  while [ -z "$mapped" ]; do
    xdotool search --onlyvisible --name 'CostBench$' >/dev/null 2>&1 && mapped=$(( $(now_ms) - t0 ))
    [ -n "$mapped" ] || sleep 0.02
    [ $(( $(now_ms) - t0 )) -lt 60000 ] || { echo "startup.sh: no window after 60 s; log:" >&2; cat "$work/out-$i.log" >&2; exit 1; }
  done
  until grep -q 'costbench-startup:' "$work/out-$i.log"; do
    sleep 0.05
    [ $(( $(now_ms) - t0 )) -lt 60000 ] || { echo "startup.sh: no start-up report after 60 s" >&2; exit 1; }
  done
  line=$(grep 'costbench-startup:' "$work/out-$i.log")
  usable=$(sed -E 's/.*window shown ([0-9]+) ms.*/\1/' <<< "$line")
  table=$(sed -E 's/.*table ready ([0-9]+) ms.*/\1/' <<< "$line")
  sleep 2; rss2=$(rss_mb $pid)
  sleep 8; rss10=$(rss_mb $pid)
  kill $pid; wait $pid 2>/dev/null || true
  printf '%-5s %-5s %6s ms %6s ms %6s ms %7s MB %7s MB\n' "$i" "$cache" "$mapped" "$usable" "$table" "$rss2" "$rss10"
  sed -E "s/.*(phases: .*)/      \1/" <<< "$line"
  [ "$i" = 1 ] || results+=("$mapped $usable $table $rss2 $rss10")
done
if [ ${#results[@]} -gt 0 ]; then
  median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)) }'; }
  col() { printf '%s\n' "${results[@]}" | awk -v c="$1" '{ print $c }' | median; }
  printf '%-11s %6s ms %6s ms %6s ms %7s MB %7s MB\n' "warm median" "$(col 1)" "$(col 2)" "$(col 3)" "$(col 4)" "$(col 5)"
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
