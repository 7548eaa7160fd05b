#!/usr/bin/env bash
# Traces libthrift's and Skiff's clients (dev.skiff.bench.ClientPath, cross-core, taking turns)
# with bpftrace and prints, per client, the median and quartiles of each step from the reply's
# wake-up to the next request's write. Needs root, bpftrace and python3; the benchmarks jar built.
#   benchmarks/scripts/client-path.sh [--server libthrift|skiff] [--seconds 25] [--size 32]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/../target/skiff-benchmarks.jar"
seconds=25
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [[ ${args[i]} == --seconds ]]; then seconds=${args[i + 1]}; fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -cp "$jar" dev.skiff.bench.ClientPath --tids "$work/tids" "$@" > "$work/client.out" &
client=$!
while [[ ! -f $work/tids ]]; do
  kill -0 "$client" 2> /dev/null || { cat "$work/client.out"; exit 1; }
  sleep 0.2
done
read -r _ libthrift_tid < <(grep '^libthrift ' "$work/tids")
read -r _ skiff_tid < <(grep '^skiff ' "$work/tids")
# Stop tracing a little before the clients stop calling.
timeout $((seconds - 2)) bpftrace "$here/client-path.bt" "$libthrift_tid" "$skiff_tid" \
  > "$work/trace.out" 2> "$work/trace.err" || true
wait "$client"
cat "$work/client.out"
if ! grep -q '^@' "$work/trace.out"; then
  echo "bpftrace recorded nothing:" >&2
  grep ERROR "$work/trace.err" >&2 || true
  exit 1
fi
python3 "$here/client-path-report.py" "$work/trace.out" "libthrift=$libthrift_tid" "skiff=$skiff_tid"
