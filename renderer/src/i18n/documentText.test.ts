// A broken project as the studio shows it in Chinese: the problems parseDocument found, sent
// as message data, rendered from the Chinese table with params named by their panel labels.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStudioClient } from '../../../shared/api/client';
import { StudioApiError } from '../../../shared/api/errors';
import { parseDocument } from '../../../shared/graph/schema';
import { english, list, msg } from '../../../shared/i18n/messages';
import { RESIDUAL_BLOCKS } from '../../../shared/templates/blocks';
import { useLanguage } from './index';
import { saidBy, saidIn, sayNow } from './messageText';

beforeEach(() => useLanguage.setState({ language: 'zh' }));
afterEach(() => useLanguage.setState({ language: 'en' }));

function brokenProject() {
  const block = JSON.parse(JSON.stringify(RESIDUAL_BLOCKS.basic.definition));
  block.nodes.find((n: { type: string }) => n.type === 'Conv2D').params.strides = { $param: 'step' };
  return {
    format: 'reswire.graph',
    version: 2,
    name: 'broken',
    nodes: [
      { id: 'in', type: 'Input', params: { shape: [8, 8, 3] }, position: { x: 0, y: 0 } },
      { id: 'c', type: 'Conv3D', params: {}, position: { x: 0, y: 80 } },
    ],
    edges: [{ id: 'e1', source: 'in', target: 'gone', targetPort: 0 }],
    blocks: { basic: block },
  };
}

describe('a broken project in Chinese', () => {
  it('shows each problem parseDocument found in Chinese', () => {
    const r = parseDocument(brokenProject());
    if (r.ok) throw new Error('expected a refusal');
    expect(r.texts.map((text) => sayNow({ text }))).toEqual([
      '节点 c 的层类型“Conv3D”未知（nodes[1].type）。',
      'edges[0].target 引用了节点“gone”，但该节点不存在。',
      'blocks.basic.nodes[1].params.strides 引用了模块参数“step”，但 blocks.basic 的参数中没有声明它。',
    ]);
    // English is the sentence shared/ wrote.
    expect(r.texts.map((t) => saidIn('en', { message: english(t), text: t }))).toEqual(r.errors);
  });

  it('names block params by the labels of the properties panel', () => {
    const undeclared = msg('ref.undeclaredParam', { path: 'blocks.b.nodes[0].params.strides', param: { layer: 'Block', param: 'stride' }, block: 'blocks.b' });
    expect(sayNow({ text: undeclared })).toBe('blocks.b.nodes[0].params.strides 引用了模块参数“步长”，但 blocks.b 的参数中没有声明它。');
    const wrong = msg('blockParam.oneOf', { name: { layer: 'Block', param: 'shortcut' }, options: list(['"identity"', '"projection"'], 'comma'), value: '"zap"' });
    expect(sayNow({ text: wrong })).toBe('捷径 必须是 "identity"、"projection" 之一，而不是 "zap"。');
    // A param without a Chinese label keeps its own label, else its key.
    expect(sayNow({ text: msg('blockParam.number', { name: { layer: 'Block', param: 'width', label: 'Width' }, value: '"x"' }) })).toBe('Width 必须是数字，而不是 "x"。');
    expect(saidIn('en', { message: english(wrong), text: wrong })).toBe('shortcut must be one of "identity", "projection", not "zap".');
  });

  it('shows the open failure the API sent as one Chinese sentence: its problems and how many more', async () => {
    const r = parseDocument(brokenProject());
    if (r.ok) throw new Error('expected a refusal');
    const text = msg('project.notAGraph', { file: 'broken.json', problems: list(r.texts.slice(0, 2), 'clauses'), more: msg('project.moreProblems', { count: 4 }) });
    const api = createStudioClient({ call: async () => ({ ok: false, error: english(text), text }), listen: () => () => undefined });
    const error = await api.openProject({ path: 'broken.json' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StudioApiError);
    expect(sayNow(saidBy(error))).toBe(
      '无法打开 broken.json：它不是这个版本能读取的 ResWire 图。节点 c 的层类型“Conv3D”未知（nodes[1].type）；edges[0].target 引用了节点“gone”，但该节点不存在（另有 4 个问题）。',
    );
    useLanguage.setState({ language: 'en' });
    expect(sayNow(saidBy(error))).toMatch(/^Could not open broken\.json: it is not a ResWire graph that this version can read\. unknown layer type "Conv3D" on node c \(nodes\[1\]\.type\); edges\[0\]\.target refers to node "gone", which does not exist \(and 4 more\)\.$/);
  });

  it('shows anything else thrown as it came', () => {
    expect(sayNow(saidBy(new Error('The connection to the studio was lost.')))).toBe('The connection to the studio was lost.');
    expect(sayNow(saidBy('plain words'))).toBe('plain words');
  });
});
