// Global keys and clipboard events. Copy and paste use the browser's clipboard events, so
// they reach the system clipboard without asking for permission and work across tabs.
import { useEffect } from 'react';
import { canvasBridge } from '../canvas/canvasBridge';
import {
  deleteSelection,
  duplicateSelection,
  groupSelection,
  pasteText,
  selectAll,
  selectionAsText,
  tidy,
  ungroupSelection,
} from '../canvas/commands';
import { openProject, saveProject, saveProjectAs } from '../project/projectActions';
import { useDocument } from '../store/documentStore';
import { useUi } from '../store/uiStore';

function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function dialogOpen(): boolean {
  const ui = useUi.getState();
  return ui.dialog !== 'none' || ui.insertPopup !== null;
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (typingInField(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const doc = useDocument.getState();
      const ui = useUi.getState();
      let handled = true;
      if (mod && key === 's') void (e.shiftKey ? saveProjectAs() : saveProject());
      else if (mod && key === 'o') void openProject();
      else if (mod && key === 'n') ui.openDialog('gallery');
      else if (dialogOpen()) handled = false;
      else if (mod && key === 'z') {
        if (e.shiftKey) doc.redo();
        else doc.undo();
      } else if (mod && key === 'y') doc.redo();
      else if (mod && key === 'a') selectAll();
      else if (mod && key === 'd') duplicateSelection();
      else if (mod && key === 'g') {
        if (e.shiftKey) ungroupSelection();
        else groupSelection();
      }
      else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) deleteSelection();
      else if (!mod && e.key === '?') ui.openDialog('shortcuts');
      else if (!mod && key === 'f' && !e.shiftKey) canvasBridge()?.fitView();
      else if (!mod && key === 'l' && e.shiftKey) void tidy();
      else if (e.key === 'Escape') {
        if (ui.selectedNodes.length || ui.selectedEdges.length) ui.select([], []);
        else if (doc.scopePath.length) doc.closeBlocksTo(doc.scopePath.length - 1);
        else handled = false;
      } else handled = false;
      if (handled) e.preventDefault();
    };
    const onCopy = (e: ClipboardEvent, cut: boolean) => {
      if (typingInField(e.target) || dialogOpen()) return;
      const text = selectionAsText();
      if (!text || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', text);
      e.preventDefault();
      if (cut) deleteSelection();
    };
    const onPaste = (e: ClipboardEvent) => {
      if (typingInField(e.target) || dialogOpen()) return;
      const text = e.clipboardData?.getData('text/plain');
      if (!text) return;
      e.preventDefault();
      pasteText(text);
    };
    const copy = (e: ClipboardEvent) => onCopy(e, false);
    const cut = (e: ClipboardEvent) => onCopy(e, true);
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', copy);
    document.addEventListener('cut', cut);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', copy);
      document.removeEventListener('cut', cut);
      document.removeEventListener('paste', onPaste);
    };
  }, []);
}
