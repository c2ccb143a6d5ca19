// Short-lived messages (saved, refused wire, grouped) at the foot of the canvas, and the
// live reason a wire is refused while it is dragged.
import { useT } from '../i18n';
import { useSay } from '../i18n/messageText';
import { useUi } from '../store/uiStore';

/** While a wire is dragged onto a port that refuses it: why, in one line above the canvas. */
export function ConnectionHint() {
  const t = useT();
  const hint = useUi((s) => s.connectionHint);
  if (!hint) return null;
  return (
    <div className="connection-hint" role="status" data-testid="status-line">
      {t(hint.key, hint.vars)}
    </div>
  );
}

export function Notices() {
  const t = useT();
  const say = useSay();
  const notices = useUi((s) => s.notices);
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.tone}`} data-testid={`notice-${n.tone}`}>
          <span>
            {t(n.key, n.vars)}
            {n.detail ? ` ${say(n.detail)}` : ''}
          </span>
          <button className="icon-button" onClick={() => useUi.getState().dismiss(n.id)} aria-label={t('action.close')}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
