import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAYERS } from '../../../shared/catalog';
import { inferGraph } from '../../../shared/graph/infer';
import { EN_MESSAGES, placeholdersOf, type MessageCode } from '../../../shared/i18n/messages';
import { BLOCK_PARAMS, RESIDUAL_BLOCKS } from '../../../shared/templates/blocks';
import { TemplateError } from '../../../shared/templates/errors';
import { buildTemplate } from '../../../shared/templates/registry';
import { doc, e, n, residualChain } from '../editing/testGraphs';
import { optionText } from '../panels/layerText';
import { useLanguage } from './index';
import { ZH_OPTIONS } from './layerText';
import { saidIn, sayNow } from './messageText';
import { ZH_MESSAGES } from './zhMessages';

const CJK = /[\u4e00-\u9fff]/;

describe('Chinese messages from shared/', () => {
  it('exist for every English message code, with the same placeholders', () => {
    expect(Object.keys(ZH_MESSAGES).sort()).toEqual(Object.keys(EN_MESSAGES).sort());
    for (const code of Object.keys(EN_MESSAGES) as MessageCode[]) {
      expect(placeholdersOf(ZH_MESSAGES[code]), code).toEqual(placeholdersOf(EN_MESSAGES[code]));
      // Any words besides the placeholders are Chinese, not English left behind (names of
      // layers, fields, values and commands stay as they are written).
      const words = ZH_MESSAGES[code].replace(/\{[^}]*\}/g, '');
      const rest = words.replace(
        /\b(true|false|same|valid|projection|Reshape|Flatten|Dense|GlobalAvgPool2D|BatchNorm|BlockInput|BlockOutput|Input|Output|ResNet|ImageNet|Conv2D|ResWire|JSON|format|version|null|blocks|NUL|reswire|serve|dir|parseDocument|id|x)\b/g,
        '',
      );
      if (/[A-Za-z]{2}/.test(rest)) throw new Error(`${code}: untranslated words in "${ZH_MESSAGES[code]}"`);
      // Punctuation alone (a full stop after placeholders) or a kept name needs no Chinese.
      if (rest.replace(/[\s。，；：、（）]/g, '')) expect(words, code).toMatch(CJK);
    }
  });

  it('label every enum choice of every layer and block param', () => {
    const options = new Set<string>();
    for (const layer of LAYERS) for (const spec of Object.values(layer.params)) if (spec.kind === 'enum') spec.options.forEach((o) => options.add(o));
    for (const spec of Object.values(BLOCK_PARAMS)) if (spec.kind === 'enum') spec.options?.forEach((o) => options.add(String(o)));
    for (const o of options) expect(ZH_OPTIONS[o], o).toMatch(new RegExp(`${o}|${CJK.source}`, 'i'));
  });
});

describe('errors shown in the studio', () => {
  beforeEach(() => useLanguage.setState({ language: 'zh' }));
  afterEach(() => useLanguage.setState({ language: 'en' }));

  it('show a stride-2 convolution into an identity Add, and its fix, in Chinese', () => {
    const d = residualChain();
    d.nodes.find((x) => x.id === 'conv1')!.params = { filters: 32, strides: 2 };
    const add = inferGraph(d).nodes.get('add')!.errors[0];
    expect(sayNow(add)).toBe(
      'Add add 的各个输入形状必须相同，实际为 [16, 16, 32]（输入 0）、[32, 32, 32]（输入 1）。请在捷径（输入 1）上插入一个 1x1 投影（步长 2，32 个卷积核）和批归一化，使它与 [16, 16, 32] 一致。',
    );
    expect(sayNow(add.fix!)).toBe('为 Add add 在捷径（输入 1）上插入一个 1x1 投影（步长 2，32 个卷积核）和批归一化');
    // English is the sentence shared/ wrote, unchanged.
    expect(saidIn('en', add)).toBe(add.message);
    expect(saidIn('en', add.fix!)).toBe('Insert a 1x1 projection (stride 2, 32 filters) with batch norm on the shortcut (input 1) into Add add');
  });

  it('translate both parts of an error inside a block, and the block name', () => {
    const d = doc(
      [n('in', 'Input', { shape: [32, 32, 16] }), n('b1', 'Block', { block: 'basic', filters: 32, stride: 2 }), n('gap', 'GlobalAvgPool2D'), n('out', 'Output', { classes: 32 })],
      [e('in', 'b1'), e('b1', 'gap'), e('gap', 'out')],
      { basic: RESIDUAL_BLOCKS.basic.definition },
    );
    const [error] = inferGraph(d).errors;
    expect(error.message).toMatch(/^Inside block b1 \(Basic residual block\): Add add needs inputs of identical shape/);
    expect(sayNow(error)).toBe(
      '模块 b1（基本残差模块）内部：Add add 的各个输入形状必须相同，实际为 [16, 16, 32]（输入 0）、[32, 32, 16]（输入 1）。请在捷径（输入 1）上插入一个 1x1 投影（步长 2，32 个卷积核）和批归一化，使它与 [16, 16, 32] 一致。把它的捷径设为 “projection” 即可修复。',
    );
    expect(sayNow(error.fix!)).toBe('在模块 b1（基本残差模块）中改用投影捷径');
  });

  it('translate graph-level errors, param errors and template errors', () => {
    const d = doc([n('c1', 'Conv2D', { filters: 0 })], []);
    expect(inferGraph(d).errors.map(sayNow)).toEqual([
      '图中没有 Input 层；请添加一个 Input，并设置单个样本的形状。',
      '图中没有 Output 层；请在最后一层之后添加一个，用来设置类别数和损失函数。',
      'Conv2D c1 没有输入；请为它连接一个层。',
      // Params are named by their labels in the properties panel, not by their keys.
      'Conv2D c1 的参数“卷积核数”必须是正整数，实际为 0。',
    ]);
    let failure: unknown;
    try {
      buildTemplate('resnet', { depth: 21 });
    } catch (err) {
      failure = err;
    }
    expect(failure).toBeInstanceOf(TemplateError);
    expect(sayNow(failure as TemplateError)).toBe('ResNet 的深度必须是 6n+2（8、14、20、32、44、56、110……），实际为 21。');
  });

  it('label enum choices in Chinese while the value stays the same', () => {
    expect(optionText('same')).toBe('same（保持尺寸）');
    useLanguage.setState({ language: 'en' });
    expect(optionText('same')).toBe('same');
  });

  it('show a message without a code as it came', () => {
    expect(sayNow({ message: 'Could not read the file.' })).toBe('Could not read the file.');
  });
});
