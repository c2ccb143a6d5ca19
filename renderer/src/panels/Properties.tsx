// The right-hand panel: the selected node's properties, the selection's actions, or, when
// nothing is selected, the open block's params and the document's problems.
import { useMemo } from 'react';
import { deleteSelection, duplicateSelection, groupSelection } from '../canvas/commands';
import { scopeGraph } from '../editing/scope';
import { useT } from '../i18n';
import { currentScope, useDocument } from '../store/documentStore';
import { useUi } from '../store/uiStore';
import { BlockDefinitionPanel } from './BlockDefinitionPanel';
import { NodeProperties } from './NodeProperties';
import { ProblemList } from './ProblemList';

export function Properties() {
  const t = useT();
  const doc = useDocument((s) => s.doc);
  const scope = useDocument(currentScope);
  const selected = useUi((s) => s.selectedNodes);
  const view = useMemo(() => scopeGraph(doc, scope), [doc, scope]);
  const nodes = view.nodes.filter((n) => selected.includes(n.id));
  let body;
  if (nodes.length === 1) body = <NodeProperties key={nodes[0].id} node={nodes[0]} />;
  else if (nodes.length > 1)
    body = (
      <div className="properties">
        <h2>{t('props.manySelected', { n: nodes.length })}</h2>
        <p className="props-description">{t('props.manyHint')}</p>
        <div className="props-actions column">
          <button onClick={groupSelection} data-testid="group-selection">
            {t('action.group')}
          </button>
          <button onClick={duplicateSelection}>{t('action.duplicate')}</button>
          <button className="danger" onClick={deleteSelection}>
            {t('action.delete')}
          </button>
        </div>
      </div>
    );
  else if (scope !== null && doc.blocks[scope])
    body = (
      <>
        <BlockDefinitionPanel key={scope} def={doc.blocks[scope]} />
        <ProblemList heading={t('blockDef.wholeGraph')} />
      </>
    );
  else body = <ProblemList />;
  return (
    <aside className="side-panel" aria-label={t('props.title')}>
      {body}
    </aside>
  );
}
