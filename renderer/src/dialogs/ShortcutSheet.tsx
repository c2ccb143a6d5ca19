// The keyboard shortcut sheet ("?").
import { Fragment } from 'react';
import { SHORTCUT_GROUPS, keyLabel } from '../app/shortcuts';
import { useT } from '../i18n';
import { useUi } from '../store/uiStore';
import { Modal } from './Modal';

export function ShortcutSheet() {
  const t = useT();
  return (
    <Modal title={t('shortcuts.title')} onClose={() => useUi.getState().openDialog('none')} wide testId="shortcut-sheet">
      <div className="shortcut-columns">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title}>
            <h3>{t(group.title)}</h3>
            <dl className="shortcut-list">
              {group.items.map((item, i) => (
                <Fragment key={i}>
                  <dt>
                    {item.keys.map((k) => (
                      <kbd key={k}>{keyLabel(k === 'Drag' ? t('keys.drag') : k === 'Click' ? t('keys.click') : k === 'Double-click' ? t('keys.doubleClick') : k === 'Wheel' ? t('keys.wheel') : k)}</kbd>
                    ))}
                  </dt>
                  <dd>{t(item.action)}</dd>
                </Fragment>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Modal>
  );
}
