// The one real-training test: the ResNet-8 template on the 10,000 real MNIST digits, three
// epochs on the default backend, through the actual command line. It takes minutes, not
// seconds; the seconds per epoch it prints are the figure to watch.
import { afterAll, expect, it } from 'vitest';
import { type EpochEvent, type StartedEvent, parseRunEvent } from '../../shared/api/runEvents';
import { reswire, tempFolder } from './helpers';
import { join } from 'node:path';

const { dir, cleanup } = tempFolder();
afterAll(cleanup);

it('ResNet-8 reaches at least 97% validation accuracy on MNIST in 3 epochs', () => {
  const graph = join(dir, 'resnet8.json');
  const made = reswire(['template', 'resnet', '--depth', '8', '--input', '28x28x1', '--out', graph]);
  expect(made.code).toBe(0);

  const r = reswire(['train', graph, '--data', 'mnist', '--epochs', '3', '--json', '--out', join(dir, 'runs')]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const events = r.stdout.trim().split('\n').map((l) => parseRunEvent(JSON.parse(l)));
  const started = events[0] as StartedEvent;
  const epochs = events.filter((e): e is EpochEvent => e.type === 'epoch');
  for (const e of epochs) {
    process.stdout.write(
      `ResNet-8 / MNIST on ${started.engine === 'onnxruntime' ? `onnxruntime (update on ${started.backend})` : started.backend}: epoch ${e.epoch} took ${e.seconds.toFixed(1)} s ` +
        `(${e.samplesPerSec.toFixed(0)} samples/s), val accuracy ${(e.valAccuracy! * 100).toFixed(2)}%\n`,
    );
  }
  expect(started).toMatchObject({ samples: 8000, valSamples: 2000 });
  expect(epochs).toHaveLength(3);
  expect(epochs[2].valAccuracy).toBeGreaterThanOrEqual(0.97);
}, 900_000);
