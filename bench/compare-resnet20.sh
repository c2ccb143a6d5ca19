#!/usr/bin/env bash
# ResNet-20 training throughput, ResWire's engine against PyTorch CPU, interleaved in one
# run so both see the same machine load; prints every round and the best of each.
# usage: bench/compare-resnet20.sh [rounds] [steps] [batch]   (THREADS: PyTorch threads, default 2)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}; steps=${2:-5}; batch=${3:-64}; threads=${THREADS:-2}
torch_script=${TORCH_BENCH:-../shared/bench/resnet20_torch.py}
best_torch=0; best_engine=0
for ((r = 1; r <= rounds; r++)); do
  t=$(THREADS=$threads /usr/bin/python3 "$torch_script" "$steps" "$batch" | sed -E 's/.*"samples_per_s": ([0-9.]+).*/\1/')
  e=$(RESWIRE_WASM_THREADS=${RESWIRE_WASM_THREADS:-$threads} node bin/reswire.js bench resnet --depth 20 --batch-size "$batch" --steps "$steps" --json | sed -E 's/.*"samplesPerSec":([0-9.]+).*/\1/')
  echo "round $r: pytorch($threads threads) $t samples/s, reswire $e samples/s, ratio $(echo "scale=1; $t / $e" | bc)x"
  best_torch=$(echo "if ($t > $best_torch) $t else $best_torch" | bc)
  best_engine=$(echo "if ($e > $best_engine) $e else $best_engine" | bc)
done
echo "best: pytorch $best_torch, reswire $best_engine samples/s; pytorch/reswire = $(echo "scale=2; $best_torch / $best_engine" | bc)x"
