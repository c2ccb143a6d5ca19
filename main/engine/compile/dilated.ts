// Dilated convolutions that train on every backend. Stock tfjs 4.22 refuses gradients of
// dilated convolutions, and its DepthwiseConv2D layer ignores dilation altogether. A
// dilated filter is the same as a larger filter with (d-1) zeros between its taps, so these
// layers spread their filter that way and run an ordinary convolution; gradients then come
// from plain ops. The classes subclass the stock ones, so weights, configs and serialised
// class names stay those of Conv2D, DepthwiseConv2D and SeparableConv2D.
import * as tf from '@tensorflow/tfjs';

/** The filter [KH, KW, A, B] with (d-1) zeros inserted between taps along height and width. */
export function spreadFilter(w: tf.Tensor4D, dilation: number[]): tf.Tensor4D {
  const [dh, dw] = dilation;
  return tf.tidy(() => {
    let out: tf.Tensor4D = w;
    if (dh > 1) {
      const [kh, kw, a, b] = out.shape;
      const spread = tf.pad(tf.reshape(out, [kh, 1, kw, a, b]), [[0, 0], [0, dh - 1], [0, 0], [0, 0], [0, 0]]);
      out = tf.slice(tf.reshape(spread, [kh * dh, kw, a, b]), 0, (kh - 1) * dh + 1) as tf.Tensor4D;
    }
    if (dw > 1) {
      const [kh, kw, a, b] = out.shape;
      const spread = tf.pad(tf.reshape(out, [kh, kw, 1, a, b]), [[0, 0], [0, 0], [0, dw - 1], [0, 0], [0, 0]]);
      out = tf.slice(tf.reshape(spread, [kh, kw * dw, a, b]), [0, 0], [kh, (kw - 1) * dw + 1]) as tf.Tensor4D;
    }
    return out;
  });
}

/** Fields of the stock convolution layers that the overrides read. */
interface ConvFields {
  strides: [number, number];
  padding: 'same' | 'valid';
  dilationRate: [number, number];
  kernelSize: [number, number];
  useBias: boolean;
  bias: { read(): tf.Tensor } | null;
  activation: { apply(t: tf.Tensor): tf.Tensor } | null;
  kernel?: { read(): tf.Tensor };
  depthwiseKernel?: { read(): tf.Tensor };
  pointwiseKernel?: { read(): tf.Tensor };
  depthMultiplier?: number;
}

type LayerClass = new (args: object) => tf.layers.Layer;

function stockClass(className: string): LayerClass {
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[className];
  if (!entry) throw new Error(`TF.js has no registered ${className} layer class.`);
  return entry[0] as unknown as LayerClass;
}

function finish(self: ConvFields, y: tf.Tensor): tf.Tensor {
  let out = y;
  if (self.useBias && self.bias) out = tf.add(out, self.bias.read());
  return self.activation ? self.activation.apply(out) : out;
}

function one(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor4D {
  return (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D;
}

let classes: { conv: LayerClass; depthwise: LayerClass; separable: LayerClass } | null = null;

function dilatedClasses() {
  if (classes) return classes;
  class DilatedConv2D extends stockClass('Conv2D') {
    override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
      const self = this as unknown as ConvFields;
      return tf.tidy(() =>
        finish(self, tf.conv2d(one(inputs), spreadFilter(self.kernel!.read() as tf.Tensor4D, self.dilationRate), self.strides, self.padding)),
      );
    }
  }
  class DilatedDepthwiseConv2D extends stockClass('DepthwiseConv2D') {
    override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
      const self = this as unknown as ConvFields;
      const filter = () => spreadFilter(self.depthwiseKernel!.read() as tf.Tensor4D, self.dilationRate);
      return tf.tidy(() => finish(self, tf.depthwiseConv2d(one(inputs), filter(), self.strides, self.padding)));
    }

    // The stock layer leaves dilation out of its output shape.
    override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
      const self = this as unknown as ConvFields;
      const s = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as number[];
      const side = (n: number, i: 0 | 1) => {
        const span = (self.kernelSize[i] - 1) * self.dilationRate[i] + 1;
        return self.padding === 'same' ? Math.ceil(n / self.strides[i]) : Math.floor((n - span) / self.strides[i]) + 1;
      };
      return [s[0], side(s[1], 0), side(s[2], 1), s[3] * (self.depthMultiplier ?? 1)];
    }
  }
  class DilatedSeparableConv2D extends stockClass('SeparableConv2D') {
    override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
      const self = this as unknown as ConvFields;
      return tf.tidy(() => {
        const depthwise = spreadFilter(self.depthwiseKernel!.read() as tf.Tensor4D, self.dilationRate);
        const pointwise = self.pointwiseKernel!.read() as tf.Tensor4D;
        return finish(self, tf.separableConv2d(one(inputs), depthwise, pointwise, self.strides, self.padding));
      });
    }
  }
  classes = { conv: DilatedConv2D, depthwise: DilatedDepthwiseConv2D, separable: DilatedSeparableConv2D };
  return classes;
}

export function dilatedConv2d(args: Record<string, unknown>): tf.layers.Layer {
  return new (dilatedClasses().conv)(args);
}

export function dilatedDepthwiseConv2d(args: Record<string, unknown>): tf.layers.Layer {
  return new (dilatedClasses().depthwise)(args);
}

export function dilatedSeparableConv2d(args: Record<string, unknown>): tf.layers.Layer {
  return new (dilatedClasses().separable)(args);
}
