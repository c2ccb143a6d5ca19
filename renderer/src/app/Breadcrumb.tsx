// Where the canvas is: the main graph, or a block definition opened from it.
import { useT } from '../i18n';
import { blockName } from '../panels/layerText';
import { useDocument } from '../store/documentStore';

export function Breadcrumb() {
  const t = useT();
  const scopePath = useDocument((s) => s.scopePath);
  const blocks = useDocument((s) => s.doc.blocks);
  if (scopePath.length === 0) return null;
  const close = useDocument.getState().closeBlocksTo;
  return (
    <nav className="breadcrumb" aria-label={t('breadcrumb.label')} data-testid="breadcrumb">
      <button className="link" onClick={() => close(0)} data-testid="breadcrumb-root">
        {t('breadcrumb.main')}
      </button>
      {scopePath.map((id, i) => (
        <span key={`${id}-${i}`} className="crumb">
          <span className="crumb-sep" aria-hidden>
            ›
          </span>
          {i === scopePath.length - 1 ? <strong>{blocks[id] ? blockName(blocks[id]) : id}</strong> : <button className="link" onClick={() => close(i + 1)}>{blocks[id] ? blockName(blocks[id]) : id}</button>}
        </span>
      ))}
      <span className="crumb-note">{t('breadcrumb.note')}</span>
    </nav>
  );
}
