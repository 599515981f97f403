#!/usr/bin/env bash
# Time to the first frame: starts a command in a fresh virtual display (Xvfb) several times and
# measures, each time, from launch until a window whose title matches TITLE is mapped (visible).
# The map is seen as an X event (xev on the root window), not by polling: polling with xdotool
# every 20 ms, as this script first did, started fifty X clients a second on the same two cores
# and delayed the app it measured by about a second. Prints each run and the median, in
# milliseconds: the wall-clock time, and the CPU time (user + system, all threads) the process had
# used by then, which depends much less on what else the machine is running.
#   installer/first-frame.sh                       5 runs of the installed /opt/seuil/bin/seuil
#   RUNS=7 TITLE=Seuil installer/first-frame.sh target/installer/image/seuil/bin/seuil
# Needs: apt-get install -y xvfb xdotool x11-utils
set -euo pipefail
runs=${RUNS:-5}
title=${TITLE:-Seuil}
timeout_ms=${TIMEOUT_MS:-30000}
[ $# -gt 0 ] || set -- /opt/seuil/bin/seuil
for tool in Xvfb xdotool xev; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y xvfb xdotool x11-utils" >&2; exit 2; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

now_ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }
times=()
cpus=()
tick=$(getconf CLK_TCK)
cpu_ms() { awk -v tick="$tick" '{print int(($14 + $15) * 1000 / tick)}' "/proc/$1/stat"; }
for run in $(seq "$runs"); do
  display=:$((500 + RANDOM % 400))
  Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  # Wait until the display answers, so its start-up is not counted.
  for _ in $(seq 100); do DISPLAY=$display xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.05; done
  # xev prints a MapNotify for each window mapped on the root; read through a pipe by builtins only.
  rm -f "$tmp/events"; mkfifo "$tmp/events"
  DISPLAY=$display xev -root -event substructure >"$tmp/events" 2>/dev/null &
  xev=$!
  exec 3<"$tmp/events"
  start=$(now_ms)
  DISPLAY=$display "$@" >/dev/null 2>&1 &
  app=$!
  elapsed=
  mapped=no
  while IFS= read -r -t $((timeout_ms / 1000)) line <&3; do
    case $line in
      MapNotify*) mapped=yes ;;
      *window\ 0x*)
        if [ "$mapped" = yes ]; then
          mapped=no
          window=${line##*window }
          window=${window%%,*}
          if DISPLAY=$display xdotool getwindowname "$window" 2>/dev/null | grep -q "$title"; then
            elapsed=$(($(now_ms) - start))
            cpu=$(cpu_ms "$app")
            break
          fi
        fi ;;
    esac
  done
  exec 3<&-
  kill "$xev" 2>/dev/null || true
  wait "$xev" 2>/dev/null || true
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  wait "$xvfb" 2>/dev/null || true
  if [ -z "$elapsed" ]; then
    echo "run $run: no window titled '$title' was mapped within ${timeout_ms} ms (or the command exited)" >&2
    exit 1
  fi
  echo "run $run: ${elapsed} ms wall, ${cpu} ms CPU"
  times+=("$elapsed")
  cpus+=("$cpu")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
echo "first frame: median $(median "${times[@]}") ms wall, $(median "${cpus[@]}") ms CPU over ${runs} runs" \
  "(first run ${times[0]} ms wall) of: $*"
echo "load average when done: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
