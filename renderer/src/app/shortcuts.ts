// Every keyboard shortcut, as data: the key handler and the shortcut sheet read the same
// table, so the sheet cannot drift from what the keys do.
import type { MessageKey } from '../i18n';

export interface Shortcut {
  /** Human-readable keys; "Mod" is Ctrl, or Cmd on macOS. */
  keys: string[];
  action: MessageKey;
}

export const SHORTCUT_GROUPS: { title: MessageKey; items: Shortcut[] }[] = [
  {
    title: 'shortcuts.file',
    items: [
      { keys: ['Mod', 'N'], action: 'action.new' },
      { keys: ['Mod', 'O'], action: 'action.open' },
      { keys: ['Mod', 'S'], action: 'action.save' },
      { keys: ['Mod', 'Shift', 'S'], action: 'action.saveAs' },
    ],
  },
  {
    title: 'shortcuts.edit',
    items: [
      { keys: ['Mod', 'Z'], action: 'action.undo' },
      { keys: ['Mod', 'Shift', 'Z'], action: 'action.redo' },
      { keys: ['Mod', 'Y'], action: 'action.redo' },
      { keys: ['Mod', 'C'], action: 'action.copy' },
      { keys: ['Mod', 'X'], action: 'action.cut' },
      { keys: ['Mod', 'V'], action: 'action.paste' },
      { keys: ['Mod', 'D'], action: 'action.duplicate' },
      { keys: ['Delete'], action: 'action.delete' },
      { keys: ['Mod', 'A'], action: 'action.selectAll' },
      { keys: ['Mod', 'G'], action: 'action.group' },
      { keys: ['Mod', 'Shift', 'G'], action: 'action.ungroup' },
    ],
  },
  {
    title: 'shortcuts.canvas',
    items: [
      { keys: ['Shift', 'Drag'], action: 'shortcuts.boxSelect' },
      { keys: ['Mod', 'Click'], action: 'shortcuts.multiSelect' },
      { keys: ['Double-click'], action: 'shortcuts.insert' },
      { keys: ['Drag'], action: 'shortcuts.pan' },
      { keys: ['Wheel'], action: 'shortcuts.zoom' },
      { keys: ['F'], action: 'action.fit' },
      { keys: ['Shift', 'L'], action: 'action.tidy' },
      { keys: ['Esc'], action: 'shortcuts.escape' },
      { keys: ['?'], action: 'action.shortcuts' },
    ],
  },
];

export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function keyLabel(key: string): string {
  if (key === 'Mod') return IS_MAC ? '⌘' : 'Ctrl';
  if (key === 'Shift') return IS_MAC ? '⇧' : 'Shift';
  return key;
}
