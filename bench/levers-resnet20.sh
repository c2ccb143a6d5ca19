#!/usr/bin/env bash
# Every lever level of bench/levers-resnet20.ts single-threaded, then the last level with
# 2 threads, with PyTorch (THREADS=1 and 2) interleaved. Best of ROUNDS for each; for the
# engine both the mean over the steps and the fastest step (steadier on a busy machine).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-2}; steps=${1:-5}; batch=${2:-64}
torch=${TORCH_BENCH:-../shared/bench/resnet20_torch.py}
declare -A best
keep() { best[$1]=$(echo "if (${best[$1]:-0} > $2) ${best[$1]:-0} else $2" | bc); }
engine() { # key level threads
  local out mean fast
  out=$(RESWIRE_WASM_THREADS=$3 npx tsx bench/levers-resnet20.ts "$2" "$steps" "$batch")
  mean=$(sed -E 's/.*"samplesPerSec":([0-9.]+).*/\1/' <<<"$out"); fast=$(sed -E 's/.*"bestStepSamplesPerSec":([0-9.]+).*/\1/' <<<"$out")
  echo "  $1: mean $mean, fastest step $fast" >&2
  keep "$1" "$mean"; keep "$1-step" "$fast"
}
torch() { # key threads
  local v; v=$(THREADS=$2 /usr/bin/python3 "$torch" "$steps" "$batch" | sed -E 's/.*"samples_per_s": ([0-9.]+).*/\1/')
  echo "  $1: $v" >&2; keep "$1" "$v"
}
for ((r = 1; r <= rounds; r++)); do
  echo "round $r (load $(cut -d' ' -f1 /proc/loadavg))" >&2
  torch torch1 1
  for level in 0 1 2 3 4 5; do engine "level$level" "$level" 1; done
  engine threads2 5 2
  torch torch2 2
done
echo "pytorch: 1 thread ${best[torch1]}, 2 threads ${best[torch2]} samples/s"
for key in level0 level1 level2 level3 level4 level5 threads2; do
  echo "$key: mean ${best[$key]}, fastest step ${best[$key-step]} samples/s; pytorch(1)/mean $(echo "scale=1; ${best[torch1]} / ${best[$key]}" | bc)x, pytorch(2)/mean $(echo "scale=1; ${best[torch2]} / ${best[$key]}" | bc)x"
done
