#!/usr/bin/env bash
# Time to the first frame: starts a command in a fresh virtual display (Xvfb) several times and
# measures, each time, from launch until a window whose title matches TITLE is mapped (visible),
# polling with xdotool. Prints each run and the median, in milliseconds: the wall-clock time, and
# the CPU time (user + system, all threads) the process had used by then, which depends much less
# on what else the machine is running.
#   installer/first-frame.sh                       5 runs of the installed /opt/seuil/bin/seuil
#   RUNS=7 TITLE=Seuil installer/first-frame.sh target/installer/image/seuil/bin/seuil
# Needs: apt-get install -y xvfb xdotool
set -euo pipefail
runs=${RUNS:-5}
title=${TITLE:-Seuil}
timeout_ms=${TIMEOUT_MS:-30000}
[ $# -gt 0 ] || set -- /opt/seuil/bin/seuil
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y xvfb xdotool" >&2; exit 2; }
done

now_ms() { echo $(($(date +%s%N) / 1000000)); }
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
  start=$(now_ms)
  DISPLAY=$display "$@" >/dev/null 2>&1 &
  app=$!
  elapsed=
  while kill -0 "$app" 2>/dev/null; do
    if DISPLAY=$display xdotool search --onlyvisible --name "$title" >/dev/null 2>&1; then
      elapsed=$(($(now_ms) - start))
      cpu=$(cpu_ms "$app")
      break
    fi
    [ $(($(now_ms) - start)) -lt "$timeout_ms" ] || break
    sleep 0.02
  done
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
