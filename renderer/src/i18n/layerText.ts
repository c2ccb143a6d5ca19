// Chinese text for what the layer catalog says in English: layer descriptions and the
// label and help of every param. Typed by layer type, so a new layer without Chinese text
// fails to compile.
import type { LayerType } from '../../../shared/catalog';

export const ZH_LAYER_DESCRIPTIONS: Record<LayerType, string> = {
  Input: '样本进入网络的地方：图像 [H, W, C] 或向量 [N]。',
  Output: '网络的输出头：设定类别数和损失函数，并相应地应用 softmax 或 sigmoid。',
  Conv2D: '在特征图上滑动可学习的卷积核，每个卷积核产生一个输出通道。',
  DepthwiseConv2D: '每个输入通道用各自的卷积核卷积，不混合通道。',
  SeparableConv2D: '深度卷积后接混合通道的 1x1 卷积：权重远少于普通二维卷积。',
  Dense: '向量的每个值都连接到每个输出单元（全连接层）。',
  BatchNorm: '在批次上对每个通道归一化，再缩放和平移；使深层网络保持可训练。',
  LayerNorm: '对每个样本沿最后一个轴归一化，再缩放和平移；与批大小无关。',
  Activation: '对每个值应用 ReLU 等非线性函数；形状不变。',
  MaxPool2D: '保留每个窗口中的最大值，缩小特征图。',
  AvgPool2D: '对每个窗口取平均，缩小特征图。',
  GlobalAvgPool2D: '对每个通道在整张特征图上取平均：[H, W, C] 变为向量 [C]。',
  GlobalMaxPool2D: '保留每个通道的最大值：[H, W, C] 变为向量 [C]。',
  Add: '逐元素相加：残差（跳跃）连接的汇合点。',
  Multiply: '逐元素相乘，例如用来门控一个分支。',
  Concatenate: '沿一个轴（默认是通道）拼接输入，如 DenseNet 和 Inception。',
  Dropout: '训练时随机将一部分值置零，使网络不依赖任何单个值。',
  Flatten: '把所有值排成一个向量，例如 [7, 7, 64] 变为 [3136]。',
  Reshape: '在值的总数不变的前提下重排为新形状，例如 [784] 变为 [28, 28, 1]。',
  ZeroPadding2D: '在特征图四周补零行和零列。',
  UpSampling2D: '通过重复（最近邻）或插值（双线性）放大特征图。',
  BlockInput: '模块定义的输入端口；其形状来自模块实例的输入。',
  BlockOutput: '模块定义的输出端口：模块实例产生的结果。',
};

/** Param label and help by param name; "Type.param" entries override for one layer. */
export const ZH_PARAMS: Record<string, { label: string; help?: string }> = {
  shape: { label: '形状', help: '不含批维度的单个样本：图像为 [高, 宽, 通道]，向量为 [长度]。' },
  classes: { label: '类别数', help: '输出向量的长度（每个类别一个，mse 时每个目标值一个）。' },
  loss: { label: '损失函数', help: 'crossentropy：每个样本一个类别（softmax）；binaryCrossentropy：每一项独立判断是/否（sigmoid）；mse：回归（无激活）。' },
  filters: { label: '卷积核数', help: '输出通道数。' },
  kernelSize: { label: '卷积核大小', help: '窗口的高和宽，例如 3 或 [3, 1]。' },
  strides: { label: '步长', help: '窗口之间的间隔；2 会使高和宽减半。' },
  padding: { label: '填充', help: '"same" 保持尺寸为 ceil(输入 / 步长)；"valid" 只使用完整窗口。' },
  dilation: { label: '空洞率', help: '卷积核采样点之间的间距；不增加权重即可扩大感受野。' },
  useBias: { label: '使用偏置', help: '后接批归一化时请关闭：其 beta 起同样的作用。' },
  'SeparableConv2D.useBias': { label: '使用偏置', help: '1x1 逐点卷积的偏置（深度卷积部分没有偏置）。' },
  activation: { label: '激活函数', help: '应用于输出；"linear" 表示不做任何处理。' },
  'Activation.activation': { label: '函数', help: 'softmax 沿最后一个轴归一化。' },
  depthMultiplier: { label: '深度乘数', help: '深度卷积中每个输入通道对应的输出通道数。' },
  units: { label: '单元数', help: '输出向量的长度。' },
  momentum: { label: '动量', help: '滑动均值和方差跟随批次变化的缓慢程度。' },
  epsilon: { label: 'Epsilon', help: '加到方差上，避免除以零。' },
  center: { label: '中心化', help: '为每个通道学习一个平移量（beta）。' },
  scale: { label: '缩放', help: '为每个通道学习一个缩放量（gamma）。' },
  alpha: { label: 'Alpha', help: '负输入的斜率（leakyRelu）或饱和值（elu）。' },
  poolSize: { label: '池化窗口', help: '窗口的高和宽。' },
  'MaxPool2D.padding': { label: '填充', help: '"valid" 只使用完整窗口；"same" 保持尺寸为 ceil(输入 / 步长)。' },
  'AvgPool2D.padding': { label: '填充', help: '"valid" 只使用完整窗口；"same" 保持尺寸为 ceil(输入 / 步长)。' },
  axis: { label: '轴', help: '拼接所沿的轴；-1 表示最后一个轴（通道），不计批维度。' },
  rate: { label: '丢弃率', help: '被置零的比例，从 0 到 1（不含 1）。' },
  targetShape: { label: '目标形状', help: '不含批维度的新形状；可以有一项为 -1，由系统推断。' },
  'ZeroPadding2D.padding': { label: '填充', help: '上下各补的行数、左右各补的列数：p 或 [行, 列]。' },
  size: { label: '倍数', help: '高和宽的放大倍数。' },
  interpolation: { label: '插值方式', help: 'nearest：最近邻；bilinear：双线性。' },
  index: { label: '端口', help: '这是模块实例的第几个输入，从 0 开始。' },
  // Residual block instance params.
  stride: { label: '步长', help: '2 会使高和宽减半（每个阶段的第一个模块）。' },
  shortcut: { label: '捷径', help: '输入与输出形状相同时用 identity，否则用 projection（1x1 卷积）。' },
  'Block.filters': { label: '卷积核数', help: '模块中卷积的通道数（瓶颈模块输出为其 4 倍）。' },
};

/**
 * Labels of enum choices (padding, activations, losses, shortcuts...), by value. The value
 * itself stays as it is in documents and code; the label keeps it visible next to the Chinese.
 */
export const ZH_OPTIONS: Record<string, string> = {
  same: 'same（保持尺寸）',
  valid: 'valid（只用完整窗口）',
  linear: 'linear（线性，不激活）',
  relu: 'ReLU',
  leakyRelu: 'Leaky ReLU（带泄露的 ReLU）',
  elu: 'ELU（指数线性单元）',
  gelu: 'GELU（高斯误差线性单元）',
  swish: 'Swish（x·sigmoid(x)）',
  sigmoid: 'Sigmoid（S 型函数）',
  tanh: 'Tanh（双曲正切）',
  softmax: 'Softmax（归一化指数）',
  crossentropy: 'crossentropy（交叉熵，单一类别）',
  binaryCrossentropy: 'binaryCrossentropy（二元交叉熵，逐项是/否）',
  mse: 'mse（均方误差，回归）',
  nearest: 'nearest（最近邻）',
  bilinear: 'bilinear（双线性）',
  identity: 'identity（恒等捷径）',
  projection: 'projection（1x1 投影捷径）',
};
