// Short-lived messages (saved, refused wire, fix applied) in the corner of the canvas.
import { useT } from '../i18n';
import { useUi } from '../store/uiStore';

export function Notices() {
  const t = useT();
  const notices = useUi((s) => s.notices);
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.tone}`} data-testid={`notice-${n.tone}`}>
          <span>
            {t(n.key, n.vars)}
            {n.detail ? ` ${n.detail}` : ''}
          </span>
          <button className="icon-button" onClick={() => useUi.getState().dismiss(n.id)} aria-label={t('action.close')}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
