// Double-click on the canvas: type to find a layer or block, Enter inserts it right there.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../i18n';
import { NODE_WIDTH } from '../editing/layout';
import { FAMILY_NAME } from '../panels/families';
import { rankEntries, usePaletteEntries, type PaletteEntry } from '../panels/paletteItems';
import { useUi } from '../store/uiStore';
import { insertItem } from './commands';

const MAX_SHOWN = 9;

export function InsertPopup() {
  const t = useT();
  const popup = useUi((s) => s.insertPopup);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const entries = usePaletteEntries();
  const shown = rankEntries(entries, query).slice(0, MAX_SHOWN);

  useEffect(() => {
    if (popup) {
      setQuery('');
      setActive(0);
      requestAnimationFrame(() => input.current?.focus());
    }
  }, [popup]);

  if (!popup) return null;
  const close = () => useUi.getState().setInsertPopup(null);
  const choose = (entry: PaletteEntry | undefined) => {
    if (!entry) return;
    insertItem(entry.item, { x: popup.flow.x - NODE_WIDTH / 2, y: popup.flow.y - 24 });
    close();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') close();
    else if (e.key === 'ArrowDown') setActive((i) => Math.min(shown.length - 1, i + 1));
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
    else if (e.key === 'Enter') choose(shown[active]);
    else return;
    e.preventDefault();
  };
  // Keep the popup on screen near the click.
  const left = Math.min(popup.screen.x, window.innerWidth - 330);
  const top = Math.min(popup.screen.y, window.innerHeight - 380);
  return (
    <>
      <div className="popup-backdrop" onMouseDown={close} />
      <div className="insert-popup" style={{ left, top }} role="dialog" aria-label={t('insert.title')} data-testid="insert-popup">
        <input
          ref={input}
          className="search"
          placeholder={t('insert.placeholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul className="insert-list">
          {shown.map((entry, i) => (
            <li key={entry.key} className={i === active ? 'is-active' : ''} onMouseEnter={() => setActive(i)} onMouseDown={() => choose(entry)}>
              <span className="insert-title">{entry.title}</span>
              <span className="insert-family">{t(FAMILY_NAME[entry.family])}</span>
            </li>
          ))}
          {shown.length === 0 && <li className="muted">{t('palette.noMatch')}</li>}
        </ul>
      </div>
    </>
  );
}
