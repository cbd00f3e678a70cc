/**
 * A loaded section: its title, toolbar, notices, the prose and cells in order, prev/next.
 * Owns the section's edits (saved as typed, flushed when the page is hidden) and shows the
 * section's kernel session from the pool.
 */
import { Fragment, useEffect, useLayoutEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { DEFAULT_LANG, type BookLang } from '../../content/book-lang';
import { sectionHref } from '../../content/links';
import type { CellBlock, CompiledSection } from '../../content/types';
import type { EditorHandle } from '../cells/editor/create-editor';
import { CellView, scratchBlock } from '../cells/cell-view';
import { SectionContext, type SectionContextValue } from '../cells/section-context';
import { openBrowserStorage } from '../edits/safe-storage';
import { SectionEdits } from '../edits/section-edits';
import { peekEdition } from '../book/editions';
import { useUiLang } from '../i18n/ui-lang';
import { kernelPool, siteBase } from '../run/kernel-pool';
import { runKey } from '../run/run-key';
import { ErrorBoundary } from '../ui/error-boundary';
import { restoreScroll } from '../shell/scroll-memory';
import { scrollToAnchor } from './scroll-to-anchor';
import { HtmlBlock } from './html-block';
import { prefetchSection } from './load-section';
import { SectionNotices } from './notices';
import { PrevNext } from './prev-next';
import { SectionToolbar } from './section-toolbar';
import { useKeptOutputs } from './use-kept-outputs';
import { notebookFileName, proseToMarkdown, sectionNotebook } from './notebook-export';
import { saveFile } from './save-file';
import { useMessages } from '../i18n/messages';

let storage: ReturnType<typeof openBrowserStorage> | null = null;


function useSectionEdits(section: CompiledSection, version: string, lang: BookLang): SectionEdits {
  const edits = useMemo(() => {
    storage ??= openBrowserStorage();
    const cells = section.blocks.filter((b): b is CellBlock => b.kind === 'cell').map((b) => ({ id: b.cell.id, code: b.cell.code, sourceHash: b.sourceHash }));
    const bookVersion = peekEdition(lang)?.toc.version ?? '';
    return new SectionEdits({ slug: section.slug, lang, title: section.title, bookVersion, sectionVersion: version, cells, storage: storage.storage, storageProblem: storage.problem });
  }, [section, version, lang]);
  useEffect(() => {
    // Typing is saved after a short pause; leaving the page must not lose the last keystrokes.
    const flush = () => edits.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      edits.flush();
    };
  }, [edits]);
  return edits;
}

export function SectionView({ section, version, anchor }: { section: CompiledSection; version: string; anchor: string | null }) {
  const lang = useUiLang();
  const edits = useSectionEdits(section, version, lang);
  const pool = kernelPool();
  const key = runKey(section.slug, lang);
  const session = pool.session(key);
  const editors = useRef(new Map<string, EditorHandle>());
  const pendingFocus = useRef<string | null>(null);
  const cellBlocks = useMemo(() => section.blocks.filter((b): b is CellBlock => b.kind === 'cell'), [section]);
  const m = useMessages();
  useKeptOutputs(key, session, edits);

  useEffect(() => {
    pool.show(key);
    return () => pool.show(null);
  }, [pool, key]);

  useEffect(() => {
    document.title = m.pageTitle(`${section.number} ${section.title}`);
    if (section.next) prefetchSection(section.next.slug, lang);
  }, [section, lang, m]);

  // Deep links: scroll to the anchor (or the top) once the section is on the page.
  useLayoutEffect(() => {
    // Back/Forward: where the reader was, not the anchor.
    if (restoreScroll()) return;
    const target = anchor ? document.getElementById(anchor) : null;
    if (target) return scrollToAnchor(target);
    if (!anchor) window.scrollTo({ top: 0 });
  }, [section, anchor]);

  const focusCell = (cellId: string) => {
    const h = editors.current.get(cellId);
    if (h) {
      h.focus();
      h.view.dom.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      return;
    }
    // Its editor is not created yet (far below): bring the cell near, focus when it appears.
    const cell = document.querySelector<HTMLElement>(`.section-body .cell[data-cell-id="${cellId}"]`);
    if (!cell) return;
    pendingFocus.current = cellId;
    cell.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  const ctx = useMemo<SectionContextValue>(
    () => ({
      slug: key,
      session,
      edits,
      recorded: section.recorded,
      cellsBefore: (index) => cellBlocks.slice(0, index).filter((b) => b.cell.runnable).map((b) => ({ cellId: b.cell.id, code: edits.codeOf(b.cell.id) })),
      registerEditor: (cellId, handle) => {
        if (!handle) {
          editors.current.delete(cellId);
          return;
        }
        editors.current.set(cellId, handle);
        if (pendingFocus.current === cellId) {
          pendingFocus.current = null;
          handle.focus();
        }
      },
      focusCell,
      focusAfter: (cellId) => {
        // Page order, scratch cells included, is the DOM's order.
        const all = [...document.querySelectorAll<HTMLElement>('.section-body .cell')];
        const at = all.findIndex((el) => el.dataset['cellId'] === cellId);
        const next = all[at + 1]?.dataset['cellId'];
        if (at >= 0 && next) focusCell(next);
      },
      addScratchBelow: (cellId) => {
        const id = edits.addScratch(cellId);
        // The new cell renders on the next commit; its editor takes the focus when it registers.
        pendingFocus.current = id;
        requestAnimationFrame(() => focusCell(id));
      },
      deleteScratch: (cellId) => {
        const all = [...document.querySelectorAll<HTMLElement>('.section-body .cell')];
        const at = all.findIndex((el) => el.dataset['cellId'] === cellId);
        const neighbour = (all[at - 1] ?? all[at + 1])?.dataset['cellId'];
        edits.deleteScratch(cellId);
        session.forget(cellId);
        editors.current.delete(cellId);
        // Keyboard readers stay where they were: on the cell above (its editor).
        if (neighbour) requestAnimationFrame(() => focusCell(neighbour));
      },
    }),
    [section, session, edits, cellBlocks],
  );

  const runAll = () => session.run(ctx.cellsBefore(cellBlocks.length));
  const clearAll = () => session.clearOutputs([...cellBlocks.map((b) => b.cell.id), ...edits.scratch().map((x) => x.id)]);
  const downloadNotebook = () => {
    const nb = sectionNotebook({
      title: section.title,
      number: section.number,
      url: new URL(sectionHref(section.slug, null, lang), document.baseURI).href,
      siteBase: siteBase(),
      blocks: section.blocks,
      codeOf: (id) => edits.codeOf(id),
      scratchAfter: (id) => edits.scratchAfter(id),
      prose: (html) => proseToMarkdown(html, document),
      words: m.notebook,
    });
    saveFile(notebookFileName(section.slug), JSON.stringify(nb, null, 1), 'application/x-ipynb+json');
  };
  let cellIndex = 0;
  return (
    <SectionContext.Provider value={ctx}>
      <article className="section" data-slug={section.slug}>
        <header className="section-header">
          <h1>
            <span className="section-number">{section.number}</span> {section.title}
          </h1>
        </header>
        {cellBlocks.length > 0 && <SectionToolbar session={session} edits={edits} runAll={runAll} clearAll={clearAll} goToCell={focusCell} downloadNotebook={downloadNotebook} />}
        <SectionNotices session={session} edits={edits} />
        <div className="section-body">
          {section.blocks.map((b, i) =>
            b.kind === 'html' ? (
              <HtmlBlock key={i} html={b.html} slug={section.slug} />
            ) : (
              <Fragment key={b.cell.id}>
                <ErrorBoundary what={m.boundary.thisCell}>
                  <CellView block={b} index={cellIndex++} />
                </ErrorBoundary>
                <ScratchCells edits={edits} after={b.cell.id} index={cellIndex} />
              </Fragment>
            ),
          )}
        </div>
        <PrevNext prev={section.prev} next={section.next} />
      </article>
    </SectionContext.Provider>
  );
}

/** The reader's scratch cells below one book cell; re-renders only when that list changes, not on every keystroke. */
function ScratchCells({ edits, after, index }: { edits: SectionEdits; after: string; index: number }) {
  const ids = useSyncExternalStore(edits.subscribe, () => edits.scratchAfter(after).map((s) => s.id).join(' '));
  if (!ids) return null;
  return (
    <>
      {ids.split(' ').map((id) => (
        <CellView key={id} block={scratchBlock(id)} index={index} scratch={{ after }} />
      ))}
    </>
  );
}
