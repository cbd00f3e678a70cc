/**
 * The menu beside the backend switcher: measure the backends again (drops the kept speed probe)
 * and WASM's threads. Both restart the kernel, as the switcher does, and say so.
 *
 * The menu is rendered in document.body, not in the status bar: the bar clips what overflows it,
 * and it is a live region, which would read the whole menu out each time it opens.
 */
import { useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import type { KernelPool } from '../run/kernel-pool';
import { WASM_THREADS_CHOICES, whyNoWasmThreads, type WasmThreadsChoice } from '../backend/wasm-threads-choice';
import { Icon } from '../ui/icons';
import { DEFAULT_THREAD_LIMIT } from '../../kernel/protocol';
import { useMenu } from '../ui/use-menu';
import { useMessages, type Messages } from '../i18n/messages';

function threadsLabel(choice: WasmThreadsChoice, m: Messages): string {
  const cores = globalThis.navigator?.hardwareConcurrency;
  switch (choice) {
    case 'default':
      // wasm-threads.ts: one per core, at most DEFAULT_THREAD_LIMIT (measured faster on 2 idle cores)
      return m.backendMenu.threadsDefault(DEFAULT_THREAD_LIMIT, cores ? Math.min(cores, DEFAULT_THREAD_LIMIT) : null);
    case 'one':
      return m.backendMenu.threadsOne;
    case 'per-core':
      return m.backendMenu.threadsPerCore(cores || null);
  }
}

export function BackendMenu({ pool }: { pool: KernelPool }) {
  const backend = useSyncExternalStore(pool.backend.subscribe, pool.backend.get);
  const threads = useSyncExternalStore(pool.wasmThreads.subscribe, pool.wasmThreads.get);
  const { open, setOpen, close, button, menu, onMenuKeyDown } = useMenu();
  const m = useMessages();
  // Measured when it opens: the button sits at the bar's right end, the menu opens above it.
  const [right, setRight] = useState(8);
  const noThreads = whyNoWasmThreads(globalThis, m);

  const toggle = () => {
    const r = button.current?.getBoundingClientRect();
    if (r) setRight(Math.max(8, window.innerWidth - r.right));
    setOpen(!open);
  };
  const measureAgain = () => {
    close();
    void pool.measureAgain();
  };
  const chooseThreads = (choice: WasmThreadsChoice) => {
    if (noThreads !== null) return;
    close();
    if (choice !== threads) void pool.chooseWasmThreads(choice);
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className="btn btn-quiet btn-small backend-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'backend-menu' : undefined}
        onClick={toggle}
        data-testid="backend-menu"
        title={m.backendMenu.buttonTooltip}
      >
        <Icon name="tune" /> <span className="btn-text">{m.backendMenu.button}</span>
      </button>
      {open &&
        createPortal(
          <div ref={menu} id="backend-menu" className="menu backend-menu" role="menu" aria-label={m.backendMenu.label} style={{ right }} onKeyDown={onMenuKeyDown}>
            <button type="button" role="menuitem" className="menu-item menu-item-two-line" onClick={measureAgain} aria-describedby="measure-again-hint">
              <Icon name="restart" />
              <span className="menu-item-text">
                <span>{m.backendMenu.measureAgain}</span>
                <span className="menu-hint" id="measure-again-hint">
                  {m.backendMenu.measureHint(backend !== 'auto')}
                </span>
              </span>
            </button>
            <div role="separator" className="menu-separator" />
            <div role="group" aria-labelledby="wasm-threads-heading">
              <div className="menu-heading" id="wasm-threads-heading">
                {m.backendMenu.wasmThreads}
              </div>
              {WASM_THREADS_CHOICES.map((c) => (
                <button
                  key={c}
                  type="button"
                  role="menuitemradio"
                  aria-checked={c === threads}
                  aria-disabled={noThreads !== null || undefined}
                  aria-describedby={noThreads !== null ? 'wasm-threads-why' : 'wasm-threads-hint'}
                  className="menu-item"
                  data-threads={c}
                  onClick={() => chooseThreads(c)}
                >
                  <span className="menu-check">{c === threads && <Icon name="check" />}</span>
                  {threadsLabel(c, m)}
                </button>
              ))}
              <p className="menu-hint menu-note" id={noThreads !== null ? 'wasm-threads-why' : 'wasm-threads-hint'}>
                {noThreads ?? m.backendMenu.threadsHint}
              </p>
            </div>
          </div>,
          document.body,
        )}
    </>
  );
}
