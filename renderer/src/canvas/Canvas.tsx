// The node-graph canvas. The document store is the source of truth; React Flow gets nodes
// derived from it, and local state only holds what changes while dragging.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent } from 'react';
import {
  ConnectionLineType,
  Controls,
  ReactFlow,
  SelectionMode,
  applyEdgeChanges,
  applyNodeChanges,
  useReactFlow,
  useStore,
  type Connection,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
  type OnNodeDrag,
  type ReactFlowState,
} from '@xyflow/react';
import { checkConnection } from '../editing/connect';
import { scopeGraph } from '../editing/scope';
import { useT } from '../i18n';
import { NODE_WIDTH } from '../editing/layout';
import { useScopeAnalysis } from '../store/analysis';
import { currentScope, useDocument } from '../store/documentStore';
import { useUi } from '../store/uiStore';
import { setCanvasBridge } from './canvasBridge';
import { applyMoves, insertItem, tryConnect, type InsertItem } from './commands';
import { FlowModel, type LayerFlowNode, type ShapeFlowEdge } from './flowModel';
import { DotGrid } from './DotGrid';
import { LayerNode } from './LayerNode';
import { ShapeEdge } from './ShapeEdge';
import { INSERT_MIME } from '../panels/paletteItems';
import { Minimap } from './Minimap';
import { useCanvasOverlays } from './canvasOverlays';

const nodeTypes = { layer: LayerNode };
const edgeTypes = { shape: ShapeEdge };
const PRO = { hideAttribution: true };
/** Below this zoom, node text is too small to read. */
const READABLE_ZOOM = 0.75;

/** Derived objects the model kept since the last build give way to React Flow's copies of them. */
function keepFlowCopies<T extends { id: string }>(derived: T[], current: T[], before: ReadonlyMap<string, T>): T[] {
  const copies = new Map(current.map((x) => [x.id, x]));
  return derived.map((x) => (before.get(x.id) === x ? (copies.get(x.id) ?? x) : x));
}

const paneWidthOf = (s: ReactFlowState) => s.width;
const paneHeightOf = (s: ReactFlowState) => s.height;

/** Panels drawn over the canvas (the minimap, the zoom buttons): error notes keep clear of them. */
function PanelCovers() {
  const width = useStore(paneWidthOf);
  const height = useStore(paneHeightOf);
  const setCover = useCanvasOverlays((s) => s.setCover);
  useLayoutEffect(() => {
    const pane = document.querySelector('.canvas .react-flow');
    if (!pane) return;
    const panels = Array.from(pane.querySelectorAll('.react-flow__panel'));
    const publish = () => {
      const p = pane.getBoundingClientRect();
      panels.forEach((el, i) => {
        const r = el.getBoundingClientRect();
        setCover(`panel-${i}`, { x: r.x - p.x, y: r.y - p.y, width: r.width, height: r.height });
      });
    };
    publish();
    // The minimap changes size with the graph.
    const observer = new ResizeObserver(publish);
    for (const el of panels) observer.observe(el);
    return () => {
      observer.disconnect();
      panels.forEach((_, i) => setCover(`panel-${i}`, null));
    };
  }, [width, height, setCover]);
  return null;
}

export function Canvas() {
  const t = useT();
  const doc = useDocument((s) => s.doc);
  const scope = useDocument(currentScope);
  const loadId = useDocument((s) => s.loadId);
  const analysis = useScopeAnalysis();
  const selectedNodes = useUi((s) => s.selectedNodes);
  const selectedEdges = useUi((s) => s.selectedEdges);
  const flow = useReactFlow<LayerFlowNode, ShapeFlowEdge>();
  const model = useRef(new FlowModel());
  const pointer = useRef<{ x: number; y: number } | null>(null);
  const view = useMemo(() => scopeGraph(doc, scope), [doc, scope]);

  const derivedNodes = useMemo(
    () => model.current.buildNodes(doc, view, analysis.nodes, new Set(selectedNodes)),
    [doc, view, analysis, selectedNodes],
  );
  const derivedEdges = useMemo(() => model.current.buildEdges(doc, view, new Set(selectedEdges)), [doc, view, selectedEdges]);
  const [nodes, setNodes] = useState<LayerFlowNode[]>(derivedNodes);
  const [edges, setEdges] = useState<ShapeFlowEdge[]>(derivedEdges);

  // The document wins. Where the model kept a node or edge unchanged, React Flow's copy of it
  // (with its measured size) stays, so React Flow skips it instead of re-adopting all 1,000.
  const appliedNodes = useRef(new Map<string, LayerFlowNode>());
  const appliedEdges = useRef(new Map<string, ShapeFlowEdge>());
  useLayoutEffect(() => {
    const before = appliedNodes.current;
    appliedNodes.current = new Map(derivedNodes.map((n) => [n.id, n]));
    setNodes((current) => keepFlowCopies(derivedNodes, current, before));
  }, [derivedNodes]);
  useLayoutEffect(() => {
    const before = appliedEdges.current;
    appliedEdges.current = new Map(derivedEdges.map((e) => [e.id, e]));
    setEdges((current) => keepFlowCopies(derivedEdges, current, before));
  }, [derivedEdges]);

  // A freshly opened graph is shown whole when that stays readable; a tall one (a deep
  // ResNet) is shown from its top at a readable zoom instead of as a thin unreadable strip.
  const showGraph = useCallback(() => {
    const all = flow.getNodes();
    const rect = document.querySelector('.canvas')?.getBoundingClientRect();
    if (!rect) return;
    if (!all.length) {
      void flow.setViewport({ x: 0, y: 0, zoom: 1 });
      return;
    }
    const b = flow.getNodesBounds(all);
    const pad = 40;
    const zoom = Math.min(rect.width / (b.width + 2 * pad), rect.height / (b.height + 2 * pad), 1.1);
    if (zoom >= READABLE_ZOOM) void flow.fitView({ padding: 0.15, maxZoom: 1.1 });
    else void flow.setViewport({ x: rect.width / 2 - (b.x + b.width / 2) * READABLE_ZOOM, y: pad - b.y * READABLE_ZOOM, zoom: READABLE_ZOOM });
  }, [flow]);
  // Entering or leaving a block starts with nothing selected: the ids belong to another graph.
  useEffect(() => useUi.getState().select([], []), [scope]);
  useEffect(() => {
    const id = requestAnimationFrame(showGraph);
    return () => cancelAnimationFrame(id);
  }, [scope, loadId, showGraph]);

  useEffect(() => {
    setCanvasBridge({
      fitView: () => flow.fitView({ padding: 0.15, maxZoom: 1.2, duration: 200 }),
      zoom: (kind) => (kind === 'in' ? flow.zoomIn() : kind === 'out' ? flow.zoomOut() : flow.zoomTo(1)),
      pointer: () => pointer.current,
      center: () => {
        const el = document.querySelector('.react-flow');
        const r = el?.getBoundingClientRect();
        return r ? flow.screenToFlowPosition({ x: r.left + r.width / 2, y: r.top + r.height / 2 }) : { x: 0, y: 0 };
      },
      sizeOf: (id) => {
        const n = flow.getNode(id);
        if (!n) return undefined;
        // A node not drawn yet (off screen since the project opened) is as big as others of its kind.
        return n.measured?.width && n.measured.height ? { width: n.measured.width, height: n.measured.height } : model.current.sizeOf(id, n.data.isBlock);
      },
    });
    return () => setCanvasBridge(null);
  }, [flow]);

  const onNodesChange = useCallback((changes: NodeChange<LayerFlowNode>[]) => {
    const measured = new Set<string>();
    for (const c of changes) {
      if (c.type !== 'dimensions' || !c.dimensions) continue;
      measured.add(c.id);
      model.current.noteMeasured(c.id, c.dimensions, flow.getNode(c.id)?.data.isBlock ?? false);
    }
    // A measured node drops its estimated handles: React Flow would prefer them to the real ones.
    setNodes((ns) => applyNodeChanges(changes, ns).map((n) => (n.handles && measured.has(n.id) ? { ...n, handles: undefined } : n)));
    if (changes.some((c) => c.type === 'select')) {
      const selected = new Set(useUi.getState().selectedNodes);
      for (const c of changes) {
        if (c.type !== 'select') continue;
        if (c.selected) selected.add(c.id);
        else selected.delete(c.id);
      }
      useUi.getState().select([...selected], useUi.getState().selectedEdges);
    }
  }, [flow]);

  const onEdgesChange = useCallback((changes: EdgeChange<ShapeFlowEdge>[]) => {
    setEdges((es) => applyEdgeChanges(changes, es));
    if (changes.some((c) => c.type === 'select')) {
      const selected = new Set(useUi.getState().selectedEdges);
      for (const c of changes) {
        if (c.type !== 'select') continue;
        if (c.selected) selected.add(c.id);
        else selected.delete(c.id);
      }
      useUi.getState().select(useUi.getState().selectedNodes, [...selected]);
    }
  }, []);

  const onNodeDragStop: OnNodeDrag<LayerFlowNode> = useCallback((_e, _node, dragged) => {
    applyMoves(dragged.map((n) => ({ id: n.id, position: n.position })));
  }, []);

  const isValidConnection: IsValidConnection<ShapeFlowEdge> = useCallback((c) => {
    const s = useDocument.getState();
    const check = checkConnection(s.doc, scopeGraph(s.doc, currentScope(s)), c.source, c.target, c.targetHandle);
    useUi.getState().setConnectionHint(check.ok ? null : { key: `refuse.${check.reason}`, vars: { source: check.source, target: check.target } });
    return check.ok;
  }, []);

  const onConnect = useCallback((c: Connection) => {
    const check = tryConnect(c.source, c.target, c.targetHandle);
    if (!check.ok) useUi.getState().notify('error', `refuse.${check.reason}`, { source: check.source, target: check.target });
    useUi.getState().setConnectionHint(null);
  }, []);

  const onConnectEnd = useCallback(() => {
    const hint = useUi.getState().connectionHint;
    if (hint) useUi.getState().notify('error', hint.key, hint.vars);
    useUi.getState().setConnectionHint(null);
  }, []);

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(INSERT_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const raw = e.dataTransfer.getData(INSERT_MIME);
      if (!raw) return;
      e.preventDefault();
      const item = JSON.parse(raw) as InsertItem;
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      insertItem(item, { x: p.x - NODE_WIDTH / 2, y: p.y - 24 });
    },
    [flow],
  );

  const onMouseMove = useCallback(
    (e: MouseEvent) => {
      pointer.current = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    },
    [flow],
  );

  const onDoubleClick = useCallback(
    (e: MouseEvent) => {
      if (!(e.target instanceof Element) || !e.target.classList.contains('react-flow__pane')) return;
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      useUi.getState().setInsertPopup({ screen: { x: e.clientX, y: e.clientY }, flow: p });
    },
    [flow],
  );

  // Set on the element directly: a re-render of the canvas per pan would cost more than it saves.
  const onMoveStart = useCallback(() => document.querySelector('.canvas')?.classList.add('is-moving'), []);
  const onMoveEnd = useCallback(() => document.querySelector('.canvas')?.classList.remove('is-moving'), []);

  const onNodeDoubleClick = useCallback((_e: MouseEvent, node: LayerFlowNode) => {
    if (node.data.blockId) useDocument.getState().openBlock(node.data.blockId);
  }, []);

  return (
    <div className="canvas" onDragOver={onDragOver} onDrop={onDrop} onMouseMove={onMouseMove} onDoubleClick={onDoubleClick} data-testid="canvas">
      <ReactFlow<LayerFlowNode, ShapeFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onNodeDoubleClick={onNodeDoubleClick}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        connectionLineType={ConnectionLineType.Bezier}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control']}
        selectionMode={SelectionMode.Partial}
        zoomOnDoubleClick={false}
        onlyRenderVisibleElements
        minZoom={0.05}
        maxZoom={2.5}
        proOptions={PRO}
        elevateEdgesOnSelect
      >
        <DotGrid gap={22} size={1.2} />
        <Minimap />
        <Controls showInteractive={false} fitViewOptions={{ padding: 0.15, maxZoom: 1.2 }} />
        <PanelCovers />
      </ReactFlow>
      {view.nodes.length === 0 && (
        <div className="canvas-empty">
          <h2>{t(scope ? 'canvas.emptyBlockTitle' : 'canvas.emptyTitle')}</h2>
          <p>{t('canvas.emptyHint')}</p>
        </div>
      )}
    </div>
  );
}
