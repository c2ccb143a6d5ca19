#!/usr/bin/env bash
# Every lever level of bench/levers-resnet20.ts, single-threaded, then the last level with
# 2 threads, with PyTorch (THREADS=1 and 2) interleaved for the ratio. Best of ROUNDS each.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-2}; steps=${1:-5}; batch=${2:-64}
torch=${TORCH_BENCH:-../shared/bench/resnet20_torch.py}
declare -A best
run() { # key command...
  local key=$1; shift
  local v; v=$("$@" | sed -E 's/.*"(samplesPerSec|samples_per_s)": ?([0-9.]+).*/\2/')
  echo "  $key: $v" >&2
  best[$key]=$(echo "if (${best[$key]:-0} > $v) ${best[$key]:-0} else $v" | bc)
}
for ((r = 1; r <= rounds; r++)); do
  echo "round $r (load $(cut -d' ' -f1 /proc/loadavg))" >&2
  run torch1 env THREADS=1 /usr/bin/python3 "$torch" "$steps" "$batch"
  for level in 0 1 2 3 4 5; do run "level$level" env RESWIRE_WASM_THREADS=1 npx tsx bench/levers-resnet20.ts "$level" "$steps" "$batch"; done
  run threads2 env RESWIRE_WASM_THREADS=2 npx tsx bench/levers-resnet20.ts 5 "$steps" "$batch"
  run torch2 env THREADS=2 /usr/bin/python3 "$torch" "$steps" "$batch"
done
for key in torch1 torch2 level0 level1 level2 level3 level4 level5 threads2; do
  echo "$key ${best[$key]} samples/s  torch2/this $(echo "scale=1; ${best[torch2]} / ${best[$key]}" | bc)x  torch1/this $(echo "scale=1; ${best[torch1]} / ${best[$key]}" | bc)x"
done
