// Templates: functions that build graph documents (ResNets, their plain twins, starters).
export { BASIC_BLOCK, BOTTLENECK_BLOCK, PREACT_BASIC_BLOCK, PREACT_BOTTLENECK_BLOCK, RESIDUAL_BLOCKS } from './blocks';
export { TemplateError } from './errors';
export { flattenTemplate } from './flatten';
export { makePlainTwin, removeShortcuts } from './plain';
export {
  TEMPLATES,
  buildTemplate,
  getTemplate,
  resolveTemplateOptions,
  type TemplateInfo,
  type TemplateOptionSpec,
  type TemplateOptionValue,
  type TemplateOptions,
} from './registry';
export { IMAGENET_STAGES, cifarResNet, imagenetResNet, type ResNetOptions } from './resnet';
export { cnn, mlp, type StarterOptions } from './starters';
