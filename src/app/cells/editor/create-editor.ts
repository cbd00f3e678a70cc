/**
 * A cell's CodeMirror 6 editor: JavaScript/TypeScript, bracket matching, history, the book's
 * light/dark theme, Shift+Enter (run, go to the next cell), Ctrl/Cmd+Enter (run here), Esc (leave
 * the editor for the cell: Tab indents, so keyboard readers need a way out),
 * and a highlighted line for the cell's latest error. Loaded lazily: the text of a chapter
 * shows before this module (and CodeMirror) arrives.
 */
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { autocompletion, closeCompletion, completionStatus, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { javascript, javascriptLanguage, typescriptLanguage } from '@codemirror/lang-javascript';
import { bracketMatching, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState, Prec, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, keymap, lineNumbers, tooltips, type DecorationSet } from '@codemirror/view';
import { darkHighlight, lightHighlight } from './highlight';
import { dottedBefore, libraryCompletions } from './library-completions';
import type { ApiReference } from '../../reference/reference-data';

export interface EditorCallbacks {
  onChange: (code: string) => void;
  /** Shift+Enter. */
  onRunAndAdvance: () => void;
  /** Ctrl/Cmd+Enter. */
  onRunInPlace: () => void;
  /** Esc: leave the editor (Tab indents inside it), to the cell, where keys act on the cell. */
  onEscape: () => void;
}

export interface EditorHandle {
  readonly view: EditorView;
  code(): string;
  /** Replaces the text as one undoable change (a reset can be undone with Ctrl+Z). */
  replaceCode(code: string): void;
  setDark(dark: boolean): void;
  /** Highlights a 1-based line of the cell (null clears). */
  markErrorLine(line: number | null): void;
  focus(): void;
  destroy(): void;
}

const setErrorLine = StateEffect.define<number | null>();
const errorLineDecoration = Decoration.line({ class: 'cm-error-line' });

const errorLineField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    for (const e of tr.effects) {
      if (e.is(setErrorLine)) {
        if (e.value === null || e.value < 1 || e.value > tr.state.doc.lines) return Decoration.none;
        return Decoration.set([errorLineDecoration.range(tr.state.doc.line(e.value).from)]);
      }
    }
    // The reader is fixing it: the old position no longer means anything.
    return tr.docChanged ? Decoration.none : deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

const baseTheme = EditorView.theme({
  '&': { fontSize: 'var(--code-size)', backgroundColor: 'transparent' },
  '.cm-content': { fontFamily: 'var(--font-code)', padding: '10px 0', caretColor: 'var(--text)' },
  '.cm-scroller': { fontFamily: 'var(--font-code)', lineHeight: '1.55' },
  '.cm-gutters': { backgroundColor: 'transparent', border: 'none', color: 'var(--muted-2)' },
  '.cm-lineNumbers .cm-gutterElement': { padding: '0 8px 0 10px', minWidth: '2.2em' },
  '&.cm-focused': { outline: 'none' },
  '.cm-activeLine': { backgroundColor: 'transparent' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground, ::selection': { backgroundColor: 'var(--selection) !important' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '.cm-matchingBracket': { backgroundColor: 'var(--bracket-match)', outline: '1px solid var(--border-strong)' },
  '.cm-error-line': { backgroundColor: 'var(--error-line)' },
});

/** The library's reference, fetched on the first completion (it is not needed to show a chapter). */
let reference: Promise<ApiReference> | null = null;

/** Completes `nd.`, `gluon.nn.`, `x.` (library-completions.ts), with signatures and one-line docs. */
async function librarySource(context: CompletionContext): Promise<CompletionResult | null> {
  const line = context.state.doc.lineAt(context.pos);
  const dotted = dottedBefore(line.text.slice(0, context.pos - line.from));
  if (!dotted) return null;
  reference ??= import('../../reference/api-reference.json').then((m) => m.default as ApiReference);
  const options = libraryCompletions(await reference, dotted.chain);
  if (options.length === 0) return null;
  return { from: context.pos - dotted.word.length, options, validFor: /^[\w$]*$/ };
}

const themeFor = (dark: boolean): Extension => [syntaxHighlighting(dark ? darkHighlight : lightHighlight), EditorView.darkTheme.of(dark)];

export function createEditor(parent: HTMLElement, options: { code: string; lang: 'js' | 'ts'; dark: boolean; label: string; phrases?: Record<string, string>; callbacks: () => EditorCallbacks }): EditorHandle {
  const theme = new Compartment();
  const runKeys = Prec.highest(
    keymap.of([
      { key: 'Shift-Enter', run: () => (options.callbacks().onRunAndAdvance(), true) },
      { key: 'Mod-Enter', run: () => (options.callbacks().onRunInPlace(), true) },
      // Esc first closes an open completion list; then it leaves the editor.
      { key: 'Escape', run: (view) => (completionStatus(view.state) !== null ? closeCompletion(view) : (options.callbacks().onEscape(), true)) },
    ]),
  );
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.code,
      extensions: [
        runKeys,
        lineNumbers(),
        history(),
        indentOnInput(),
        bracketMatching(),
        javascript({ typescript: options.lang === 'ts' }),
        (options.lang === 'ts' ? typescriptLanguage : javascriptLanguage).data.of({ autocomplete: librarySource }),
        autocompletion({ icons: true }),
        // The completion list and its docs float over the page: a cell's box would clip them.
        tooltips({ parent: document.body }),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorState.tabSize.of(2),
        baseTheme,
        theme.of(themeFor(options.dark)),
        errorLineField,
        EditorView.contentAttributes.of({ 'aria-label': options.label }),
        // CodeMirror's own words (the completion list's label, what a screen reader hears), in the page's language.
        EditorState.phrases.of(options.phrases ?? {}),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) options.callbacks().onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    view,
    code: () => view.state.doc.toString(),
    replaceCode(code) {
      if (code === view.state.doc.toString()) return;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
    },
    setDark: (dark) => view.dispatch({ effects: theme.reconfigure(themeFor(dark)) }),
    markErrorLine: (line) => view.dispatch({ effects: setErrorLine.of(line) }),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
