// The studio window: toolbar, palette, canvas, properties, totals bar, and dialogs.
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../canvas/Canvas';
import { InsertPopup } from '../canvas/InsertPopup';
import { FilePicker } from '../dialogs/FilePicker';
import { ShortcutSheet } from '../dialogs/ShortcutSheet';
import { TemplateGallery } from '../dialogs/TemplateGallery';
import { Palette } from '../panels/Palette';
import { Properties } from '../panels/Properties';
import { useUi } from '../store/uiStore';
import { Breadcrumb } from './Breadcrumb';
import { ConnectionHint, Notices } from './Notices';
import { Toolbar } from './Toolbar';
import { TotalsBar } from './TotalsBar';
import { useShortcuts } from './useShortcuts';
import { useStudioConnection } from './useStudioConnection';

function Dialogs() {
  const dialog = useUi((s) => s.dialog);
  switch (dialog) {
    case 'gallery':
      return <TemplateGallery />;
    case 'shortcuts':
      return <ShortcutSheet />;
    case 'open':
      return <FilePicker mode="open" />;
    case 'saveAs':
      return <FilePicker mode="saveAs" />;
    default:
      return null;
  }
}

export function App() {
  useShortcuts();
  useStudioConnection();
  return (
    <ReactFlowProvider>
      <div className="studio">
        <Toolbar />
        <div className="workspace">
          <Palette />
          <main className="canvas-area">
            <Breadcrumb />
            <Canvas />
            <ConnectionHint />
            <Notices />
          </main>
          <Properties />
        </div>
        <TotalsBar />
        <InsertPopup />
        <Dialogs />
      </div>
    </ReactFlowProvider>
  );
}
