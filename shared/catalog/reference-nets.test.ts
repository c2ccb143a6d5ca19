// Whole networks assembled by hand from the layer rules, checked against published totals:
// if any rule's params or MACs were off, these sums would be too.
import { describe, expect, it } from 'vitest';
import type { Params, Shape } from '../graph/types';
import { evaluateLayer } from './index';

/** Runs layers one at a time, summing weights and MACs like a model summary does. */
class Tally {
  trainable = 0;
  nonTrainable = 0;
  macs = 0;
  layer(type: string, inputs: Shape[], params: Params = {}): Shape {
    const r = evaluateLayer(type, inputs, params);
    if (!r.ok) throw new Error(r.error.message);
    this.trainable += r.params.trainable;
    this.nonTrainable += r.params.nonTrainable;
    this.macs += r.macs;
    return r.shape;
  }
  /** Conv (no bias) + BatchNorm, optionally ReLU: the ResNet unit. */
  convBn(x: Shape, filters: number, kernelSize: number, strides: number, relu: boolean): Shape {
    let y = this.layer('BatchNorm', [this.layer('Conv2D', [x], { filters, kernelSize, strides, useBias: false })]);
    if (relu) y = this.layer('Activation', [y], { activation: 'relu' });
    return y;
  }
  /** The shortcut: identity when shapes match, else a 1x1 projection with batch norm. */
  merge(main: Shape, x: Shape, strides: number): Shape {
    const same = main.length === x.length && main.every((d, i) => d === x[i]);
    const shortcut = same ? x : this.convBn(x, main[2], 1, strides, false);
    return this.layer('Activation', [this.layer('Add', [main, shortcut])], { activation: 'relu' });
  }
}

describe('reference networks built from the layer rules', () => {
  it('ResNet-20 for CIFAR-10 has 272,474 trainable and 274,042 total params and about 40.8M MACs', () => {
    const t = new Tally();
    let x = t.convBn(t.layer('Input', [], { shape: [32, 32, 3] }), 16, 3, 1, true);
    for (const [stage, filters] of [16, 32, 64].entries()) {
      for (let b = 0; b < 3; b++) {
        const strides = stage > 0 && b === 0 ? 2 : 1;
        const y = t.convBn(t.convBn(x, filters, 3, strides, true), filters, 3, 1, false);
        x = t.merge(y, x, strides);
      }
    }
    expect(x).toEqual([8, 8, 64]);
    const out = t.layer('Output', [t.layer('Dense', [t.layer('GlobalAvgPool2D', [x])], { units: 10 })], { classes: 10 });
    expect(out).toEqual([10]);
    expect(t.trainable).toBe(272_474);
    expect(t.trainable + t.nonTrainable).toBe(274_042);
    expect(t.macs / 1e6).toBeCloseTo(40.8, 1);
  });

  it('ResNet-50 (torchvision layout) has 25,557,032 trainable and 25,610,152 total params and about 4.09G MACs', () => {
    const t = new Tally();
    let x = t.convBn(t.layer('Input', [], { shape: [224, 224, 3] }), 64, 7, 2, true);
    x = t.layer('MaxPool2D', [x], { poolSize: 3, strides: 2, padding: 'same' });
    expect(x).toEqual([56, 56, 64]);
    const stages: [number, number][] = [[64, 3], [128, 4], [256, 6], [512, 3]];
    stages.forEach(([width, blocks], stage) => {
      for (let b = 0; b < blocks; b++) {
        // torchvision (v1.5) strides the 3x3 conv, not the first 1x1.
        const strides = stage > 0 && b === 0 ? 2 : 1;
        let y = t.convBn(x, width, 1, 1, true);
        y = t.convBn(y, width, 3, strides, true);
        y = t.convBn(y, width * 4, 1, 1, false);
        x = t.merge(y, x, strides);
      }
    });
    expect(x).toEqual([7, 7, 2048]);
    t.layer('Dense', [t.layer('GlobalAvgPool2D', [x])], { units: 1000 });
    expect(t.trainable).toBe(25_557_032);
    expect(t.trainable + t.nonTrainable).toBe(25_610_152);
    expect(t.macs / 1e9).toBeCloseTo(4.09, 2);
  });

  it('a MobileNet-style separable stack counts depthwise and pointwise work separately', () => {
    const t = new Tally();
    const x = t.layer('Input', [], { shape: [112, 112, 32] });
    const y = t.layer('SeparableConv2D', [x], { filters: 64, useBias: false });
    // depthwise 3*3*32 + pointwise 32*64 weights; MACs per output pixel likewise.
    expect(y).toEqual([112, 112, 64]);
    expect(t.trainable).toBe(288 + 2048);
    expect(t.macs).toBe(112 * 112 * (288 + 2048));
  });
});
