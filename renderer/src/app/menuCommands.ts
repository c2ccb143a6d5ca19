// Commands from the native menu (Electron). On macOS every accelerator is a key equivalent, so
// Cmd+Z typed in a text field arrives here as edit.undo instead of as a key: the edit commands
// go to a focused text field, as the browser's own Edit menu would send them, and to the graph
// only otherwise (and, as with the keys, not to the graph behind an open dialog).
import type { MenuCommand, MenuCommandName } from '../../../shared/api/schemas';
import { canvasBridge } from '../canvas/canvasBridge';
import { deleteSelection, duplicateSelection, selectAll } from '../canvas/commands';
import { confirmDiscard, openFromSystem, openPath, openProject, saveProject, saveProjectAs } from '../project/projectActions';
import { useDocument } from '../store/documentStore';
import { useUi } from '../store/uiStore';

/** What a focused element is, as far as edit commands care (an Element, or a plain object in tests). */
export interface FocusedElement {
  tagName: string;
  type?: string;
  disabled?: boolean;
  isContentEditable?: boolean;
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'tel', 'email', 'password', 'number']);

/** A field that takes typing and keeps its own undo history (not a checkbox, button or select). */
export function isTextField(el: FocusedElement | null | undefined): boolean {
  if (!el) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA') return !el.disabled;
  if (tag === 'INPUT') return !el.disabled && TEXT_INPUT_TYPES.has((el.type || 'text').toLowerCase());
  return false;
}

type EditCommand = Extract<MenuCommandName, `edit.${string}`>;

/** The browser's editing command for a field, by menu command; Duplicate has none. */
const FIELD_EDITS: Record<EditCommand, 'undo' | 'redo' | 'selectAll' | 'delete' | null> = {
  'edit.undo': 'undo',
  'edit.redo': 'redo',
  'edit.selectAll': 'selectAll',
  'edit.delete': 'delete',
  'edit.duplicate': null,
};

export type EditRoute = { to: 'field'; edit: 'undo' | 'redo' | 'selectAll' | 'delete' } | { to: 'graph' } | { to: 'nothing' };

/** Where an edit command from the menu goes, given what has focus and whether a dialog is open. */
export function routeEditCommand(command: EditCommand, focused: FocusedElement | null | undefined, dialogOpen: boolean): EditRoute {
  if (isTextField(focused)) {
    const edit = FIELD_EDITS[command];
    // Duplicate means nothing to a field, and the graph is not what the user is typing in.
    return edit ? { to: 'field', edit } : { to: 'nothing' };
  }
  return dialogOpen ? { to: 'nothing' } : { to: 'graph' };
}

function isEditCommand(command: MenuCommandName): command is EditCommand {
  return Object.hasOwn(FIELD_EDITS, command);
}

function dialogOpen(): boolean {
  const ui = useUi.getState();
  return ui.dialog !== 'none' || ui.insertPopup !== null;
}

function editGraph(command: EditCommand): void {
  const doc = useDocument.getState();
  if (command === 'edit.undo') doc.undo();
  else if (command === 'edit.redo') doc.redo();
  else if (command === 'edit.delete') deleteSelection();
  else if (command === 'edit.duplicate') duplicateSelection();
  else selectAll();
}

export function runMenuCommand(cmd: MenuCommand): void {
  if (isEditCommand(cmd.command)) {
    const route = routeEditCommand(cmd.command, document.activeElement as HTMLElement | null, dialogOpen());
    // The page cannot reach Electron's webContents.undo(); execCommand is the same editing
    // command, on the focused field's own history, with the input events React listens to.
    if (route.to === 'field') document.execCommand(route.edit);
    else if (route.to === 'graph') editGraph(cmd.command);
    return;
  }
  const bridge = canvasBridge();
  switch (cmd.command) {
    case 'file.new':
      return useUi.getState().openDialog('gallery');
    case 'file.open':
      return void openProject();
    case 'file.openRecent':
      if (cmd.path && confirmDiscard()) void openPath(cmd.path);
      return;
    case 'file.openFromSystem':
      return void openFromSystem();
    case 'file.save':
      return void saveProject();
    case 'file.saveAs':
      return void saveProjectAs();
    case 'view.zoomIn':
      return bridge?.zoom('in');
    case 'view.zoomOut':
      return bridge?.zoom('out');
    case 'view.zoomReset':
      return bridge?.zoom('reset');
    case 'view.fit':
      return bridge?.fitView();
    case 'help.shortcuts':
      return useUi.getState().openDialog('shortcuts');
  }
}
