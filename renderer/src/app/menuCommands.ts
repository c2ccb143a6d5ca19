// Commands from the native menu (Electron).
import type { MenuCommand } from '../../../shared/api/schemas';
import { canvasBridge } from '../canvas/canvasBridge';
import { deleteSelection, duplicateSelection, selectAll } from '../canvas/commands';
import { confirmDiscard, openFromSystem, openPath, openProject, saveProject, saveProjectAs } from '../project/projectActions';
import { useDocument } from '../store/documentStore';
import { useUi } from '../store/uiStore';

export function runMenuCommand(cmd: MenuCommand): void {
  const doc = useDocument.getState();
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
    case 'edit.undo':
      return doc.undo();
    case 'edit.redo':
      return doc.redo();
    case 'edit.delete':
      return deleteSelection();
    case 'edit.duplicate':
      return duplicateSelection();
    case 'edit.selectAll':
      return selectAll();
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
