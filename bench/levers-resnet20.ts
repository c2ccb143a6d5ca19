// ResNet-20 training throughput with ResWire's speed-ups switched on one at a time, to record
// what each gives. One configuration per process (thread count is fixed at backend start):
//   npx tsx bench/levers-resnet20.ts LEVEL [steps] [batch]     LEVEL 0..5, see LEVELS
// Threads come from RESWIRE_WASM_THREADS (bench/levers-resnet20.sh runs every level).
import { initBackend } from '../main/engine/backend';
import { restoreStockKernels } from '../main/engine/kernels';
import { batchNormChoice } from '../main/engine/compile/layers';
import { benchGraph } from '../main/cli/commands/bench';
import { buildTemplate } from '../shared/templates';

const LEVELS: { name: string; stock: string[]; closedFormBatchNorm: boolean }[] = [
  { name: 'convolution gradients as convolutions', stock: ['Sum', 'Mean', 'FusedBatchNorm', 'FusedBatchNorm_grad', 'Identity'], closedFormBatchNorm: false },
  { name: '+ broadcasting batch-norm gradient', stock: ['Sum', 'Mean', 'FusedBatchNorm', 'Identity'], closedFormBatchNorm: false },
  { name: '+ Sum/Mean as one pooling window', stock: ['FusedBatchNorm', 'Identity'], closedFormBatchNorm: false },
  { name: '+ FusedBatchNorm as 1x1 depthwise', stock: ['Identity'], closedFormBatchNorm: false },
  { name: '+ closed-form batch-norm layer', stock: ['Identity'], closedFormBatchNorm: true },
  { name: '+ copy-free Identity', stock: [], closedFormBatchNorm: true },
];

const [levelArg = '5', steps = '5', batch = '64'] = process.argv.slice(2);
const level = LEVELS[Number(levelArg)];
if (!level) throw new Error(`LEVEL must be 0..${LEVELS.length - 1}.`);
await initBackend('wasm');
restoreStockKernels(level.stock);
batchNormChoice.closedFormGradient = level.closedFormBatchNorm;
const r = await benchGraph(buildTemplate('resnet', { depth: 20 }), Number(batch), Number(steps), 'wasm');
console.log(JSON.stringify({ level: Number(levelArg), lever: level.name, threads: r.threads, samplesPerSec: r.samplesPerSec, bestStepSamplesPerSec: r.bestStepSamplesPerSec }));
