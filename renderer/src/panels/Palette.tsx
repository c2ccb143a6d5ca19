// The layer palette: families in order, a search box, drag an entry onto the canvas (or
// click it to drop it in the middle of the view).
import { useState, type DragEvent } from 'react';
import { canvasBridge } from '../canvas/canvasBridge';
import { insertItem } from '../canvas/commands';
import { useT } from '../i18n';
import { NODE_WIDTH } from '../editing/layout';
import { FAMILY_NAME, PALETTE_FAMILIES, familyClass } from './families';
import { INSERT_MIME, rankEntries, usePaletteEntries, type PaletteEntry } from './paletteItems';

function onDragStart(e: DragEvent, entry: PaletteEntry) {
  e.dataTransfer.setData(INSERT_MIME, JSON.stringify(entry.item));
  e.dataTransfer.setData('text/plain', entry.title);
  e.dataTransfer.effectAllowed = 'copy';
}

function insertAtCenter(entry: PaletteEntry) {
  const c = canvasBridge()?.center() ?? { x: 0, y: 0 };
  insertItem(entry.item, { x: c.x - NODE_WIDTH / 2, y: c.y - 30 });
}

export function Palette() {
  const t = useT();
  const [query, setQuery] = useState('');
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const entries = usePaletteEntries();
  const shown = rankEntries(entries, query);
  const searching = query.trim() !== '';
  const toggle = (family: string) => {
    const next = new Set(collapsed);
    if (next.has(family)) next.delete(family);
    else next.add(family);
    setCollapsed(next);
  };
  return (
    <aside className="palette" aria-label={t('palette.title')}>
      <div className="panel-title">{t('palette.title')}</div>
      <input
        className="search"
        type="search"
        placeholder={t('palette.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="palette-search"
      />
      <div className="palette-list">
        {PALETTE_FAMILIES.map((family) => {
          const items = shown.filter((e) => e.family === family);
          if (items.length === 0) return null;
          const open = searching || !collapsed.has(family);
          return (
            <section key={family} className={`palette-family ${familyClass(family)}`}>
              <button className="palette-family-head" onClick={() => toggle(family)} aria-expanded={open}>
                <span className={`chevron${open ? ' open' : ''}`} aria-hidden>
                  ▸
                </span>
                <span className="family-dot" />
                {t(FAMILY_NAME[family])}
                <span className="count">{items.length}</span>
              </button>
              {open &&
                items.map((entry) => (
                  <div
                    key={entry.key}
                    className="palette-item"
                    draggable
                    onDragStart={(e) => onDragStart(e, entry)}
                    onDoubleClick={() => insertAtCenter(entry)}
                    title={entry.description}
                    data-testid={`palette-${entry.key}`}
                  >
                    <span className="palette-item-title">{entry.title}</span>
                  </div>
                ))}
            </section>
          );
        })}
        {shown.length === 0 && <p className="muted small">{t('palette.noMatch')}</p>}
      </div>
      <p className="palette-hint">{t('palette.hint')}</p>
    </aside>
  );
}
