// With nothing selected: what the graph is, and every problem in it, each a click away.
import { formatCount } from '../editing/format';
import { useT } from '../i18n';
import { useSay } from '../i18n/messageText';
import { useAnalysis } from '../store/analysis';
import { useDocument } from '../store/documentStore';
import { useUi } from '../store/uiStore';
import { LabelField } from './LabelField';

/** `heading` titles the list when it follows another section (an opened block's params). */
export function ProblemList({ heading }: { heading?: string } = {}) {
  const t = useT();
  const say = useSay();
  const analysis = useAnalysis((s) => s.analysis);
  const doc = useDocument((s) => s.doc);
  const scopePath = useDocument((s) => s.scopePath);
  const errors = analysis.errors;
  const select = (nodeId: string | null) => {
    if (!nodeId) return;
    if (scopePath.length) useDocument.getState().closeBlocksTo(0);
    useUi.getState().select([nodeId]);
  };
  return (
    <div className="properties" data-testid="document-summary">
      {heading && <div className="props-section-title">{heading}</div>}
      <LabelField
        label={t('summary.name')}
        value={doc.name}
        placeholder={t('doc.untitled')}
        testId="doc-name"
        onCommit={(name) => name.trim() && useDocument.getState().commit({ ...useDocument.getState().doc, name: name.trim() })}
      />
      <p className="props-description">
        {t('summary.counts', { nodes: doc.nodes.length, edges: doc.edges.length, blocks: Object.keys(doc.blocks).length })}
        <br />
        {t('summary.params', { n: formatCount(analysis.totals.params) })}
      </p>
      <div className="props-section-title">{t('props.problems')}</div>
      {errors.length === 0 ? (
        <p className="ok-line">{doc.nodes.length ? t('summary.valid') : t('summary.empty')}</p>
      ) : (
        <ul className="problem-list">
          {errors.slice(0, 50).map((e, i) => (
            <li key={i}>
              {e.nodeId ? (
                <button className="link" onClick={() => select(e.nodeId)}>
                  {e.nodeId}
                </button>
              ) : null}
              <span>{say(e)}</span>
              {e.fix && scopePath.length === 0 && (
                <button className="fix-button" onClick={() => useDocument.getState().edit(e.fix!.edits)} title={say(e.fix)}>
                  {t('node.fix')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="props-section-title">{t('summary.tipsTitle')}</div>
      <ul className="tips">
        <li>{t('summary.tipDrag')}</li>
        <li>{t('summary.tipDoubleClick')}</li>
        <li>{t('summary.tipWire')}</li>
        <li>{t('summary.tipShortcuts')}</li>
      </ul>
    </div>
  );
}
