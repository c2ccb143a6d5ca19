// Chinese text for the template gallery (the registry in shared/templates is English).
export const ZH_TEMPLATES: Record<string, { label: string; description: string }> = {
  resnet: {
    label: 'CIFAR 用 ResNet（6n+2）',
    description: 'He 等人 2015 年的 CIFAR ResNet：3x3 起始卷积，三个阶段各 n 个基本模块（16/32/64 个卷积核），全局平均池化，全连接层。深度为 6n+2：20、32、44、56、110。',
  },
  resnet18: { label: 'ResNet-18', description: 'torchvision 布局的 ImageNet ResNet-18：7x7 起始卷积、最大池化、四个阶段的基本模块（64/128/256/512 个卷积核）、全局平均池化、全连接层。' },
  resnet34: { label: 'ResNet-34', description: 'torchvision 布局的 ImageNet ResNet-34：7x7 起始卷积、最大池化、四个阶段的基本模块（64/128/256/512 个卷积核）、全局平均池化、全连接层。' },
  resnet50: { label: 'ResNet-50', description: 'torchvision 布局的 ImageNet ResNet-50：7x7 起始卷积、最大池化、四个阶段的瓶颈模块（64/128/256/512 个卷积核，输出 4 倍）、全局平均池化、全连接层。' },
  resnet101: { label: 'ResNet-101', description: 'torchvision 布局的 ImageNet ResNet-101：7x7 起始卷积、最大池化、四个阶段的瓶颈模块（64/128/256/512 个卷积核，输出 4 倍）、全局平均池化、全连接层。' },
  resnet152: { label: 'ResNet-152', description: 'torchvision 布局的 ImageNet ResNet-152：7x7 起始卷积、最大池化、四个阶段的瓶颈模块（64/128/256/512 个卷积核，输出 4 倍）、全局平均池化、全连接层。' },
  mlp: { label: 'MLP 入门', description: '展平、128 单元 ReLU 全连接层、Dropout、全连接层：适合 MNIST 大小输入的第一个网络。' },
  cnn: { label: '小型 CNN 入门', description: '两个“卷积-批归一化-ReLU-最大池化”阶段加一个小型全连接头，适用于 28x28 图像。' },
};

export const ZH_TEMPLATE_OPTIONS: Record<string, { label: string; help: string }> = {
  depth: { label: '深度', help: '带权重的层数：6n+2，例如 20、32、44、56 或 110。' },
  input: { label: '输入', help: '图像尺寸，格式为 高x宽x通道（MLP 也可以是向量长度，如 784）。' },
  classes: { label: '类别数', help: '输出类别的数量。' },
  plain: { label: '普通网络（无捷径）', help: '去掉所有捷径连接的同一网络，用于对比。' },
  preact: { label: '预激活（v2）', help: '在每个卷积之前做 BN 和 ReLU（He 等人 2016）。' },
  flat: { label: '展开（不用模块）', help: '把每个模块实例展开成它的各层。' },
  hidden: { label: '隐藏单元数', help: '隐藏全连接层的单元数。' },
};
