// Menu commands and the focused field: on macOS Cmd+Z, Cmd+Shift+Z, Cmd+A and Cmd+D come from
// the native menu even while the user types, so the page decides who they are for.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { doc, n } from '../editing/testGraphs';
import { useDocument } from '../store/documentStore';
import { useUi } from '../store/uiStore';
import { isTextField, routeEditCommand, runMenuCommand, type FocusedElement } from './menuCommands';

const textInput: FocusedElement = { tagName: 'INPUT', type: 'text' };
const numberInput: FocusedElement = { tagName: 'INPUT', type: 'number' };
const textarea: FocusedElement = { tagName: 'TEXTAREA' };
const editable: FocusedElement = { tagName: 'DIV', isContentEditable: true };
const checkbox: FocusedElement = { tagName: 'INPUT', type: 'checkbox' };
const select: FocusedElement = { tagName: 'SELECT' };
const button: FocusedElement = { tagName: 'BUTTON' };
const canvas: FocusedElement = { tagName: 'DIV' };

describe('which focused elements are text fields', () => {
  it('counts inputs that take typing, text areas and editable content; not checkboxes, selects, buttons or disabled fields', () => {
    for (const el of [textInput, numberInput, textarea, editable, { tagName: 'input' }, { tagName: 'INPUT', type: 'search' }]) expect(isTextField(el)).toBe(true);
    for (const el of [checkbox, select, button, canvas, { tagName: 'INPUT', type: 'range' }, { ...textInput, disabled: true }, null, undefined]) {
      expect(isTextField(el)).toBe(false);
    }
  });
});

describe('where an edit command from the menu goes', () => {
  it('sends Undo, Redo, Select All and Delete to a focused text field, as the browser would', () => {
    expect(routeEditCommand('edit.undo', textInput, false)).toEqual({ to: 'field', edit: 'undo' });
    expect(routeEditCommand('edit.redo', textarea, false)).toEqual({ to: 'field', edit: 'redo' });
    expect(routeEditCommand('edit.selectAll', numberInput, false)).toEqual({ to: 'field', edit: 'selectAll' });
    expect(routeEditCommand('edit.delete', editable, false)).toEqual({ to: 'field', edit: 'delete' });
    // Inside a dialog too: the picker's file name field keeps its own undo.
    expect(routeEditCommand('edit.undo', textInput, true)).toEqual({ to: 'field', edit: 'undo' });
  });

  it('does not duplicate layers while the user types', () => {
    expect(routeEditCommand('edit.duplicate', textInput, false)).toEqual({ to: 'nothing' });
  });

  it('edits the graph when no text field has focus, but not behind an open dialog', () => {
    for (const focused of [canvas, button, checkbox, select, null]) expect(routeEditCommand('edit.undo', focused, false)).toEqual({ to: 'graph' });
    expect(routeEditCommand('edit.duplicate', canvas, false)).toEqual({ to: 'graph' });
    expect(routeEditCommand('edit.selectAll', canvas, true)).toEqual({ to: 'nothing' });
  });
});

describe('running a menu command', () => {
  const execCommand = vi.fn();
  let focused: FocusedElement | null = null;

  beforeEach(() => {
    vi.stubGlobal('document', {
      get activeElement() {
        return focused;
      },
      execCommand,
    });
    useDocument.getState().load(doc([n('input', 'Input', { shape: [4] })], []), null);
    useDocument.getState().edit([{ op: 'addNode', node: n('d', 'Dense', { units: 2 }, 100) }]);
    useUi.getState().openDialog('none');
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    execCommand.mockReset();
    focused = null;
  });

  const nodes = () => useDocument.getState().doc.nodes.map((x) => x.id);

  it('undoes the typing in a focused field, leaving the graph as it is', () => {
    focused = textInput;
    runMenuCommand({ command: 'edit.undo' });
    expect(execCommand).toHaveBeenCalledWith('undo');
    expect(nodes()).toEqual(['input', 'd']);
  });

  it('undoes and redoes the graph when the canvas has focus', () => {
    focused = canvas;
    runMenuCommand({ command: 'edit.undo' });
    expect(nodes()).toEqual(['input']);
    runMenuCommand({ command: 'edit.redo' });
    expect(nodes()).toEqual(['input', 'd']);
    expect(execCommand).not.toHaveBeenCalled();
  });
});
