/**
 * How many threads the reader asked WASM to use, remembered like the backend choice
 * (backend-choice.ts) and sent as StartRequest.wasmThreads.
 *
 * 'default' is stored as no entry and sent as no value: the kernel's own default
 * (src/lib/engine/wasm-threads.ts) applies, so a later change of that default reaches every
 * reader who never chose.
 */
import type { KeyValueStorage } from '../../kernel/page/probe-cache';
import { messagesFor, type Messages } from '../i18n/messages';

export type WasmThreadsChoice = 'default' | 'one' | 'per-core';
export const WASM_THREADS_CHOICES: readonly WasmThreadsChoice[] = ['default', 'one', 'per-core'];
const KEY = 'handson/wasm-threads';

const local = (): KeyValueStorage | null => globalThis.localStorage ?? null;

export function readWasmThreadsChoice(storage: () => KeyValueStorage | null = local): WasmThreadsChoice {
  try {
    const v = storage()?.getItem(KEY) ?? null;
    return v === 'one' || v === 'per-core' ? v : 'default';
  } catch {
    return 'default';
  }
}

export function saveWasmThreadsChoice(choice: WasmThreadsChoice, storage: () => KeyValueStorage | null = local): void {
  try {
    if (choice === 'default') storage()?.removeItem(KEY);
    else storage()?.setItem(KEY, choice);
  } catch {
    // Storage blocked: the choice lasts for this page.
  }
}

/** StartRequest.wasmThreads: 1 the single-thread build, null one per core, undefined the kernel's default. */
export function wasmThreadsOption(choice: WasmThreadsChoice): number | null | undefined {
  switch (choice) {
    case 'default':
      return undefined;
    case 'one':
      return 1;
    case 'per-core':
      return null;
  }
}

/** Threads need SharedArrayBuffer, which browsers give only to cross-origin isolated pages. */
export function whyNoWasmThreads(g: { crossOriginIsolated?: boolean }, m: Messages = messagesFor('en')): string | null {
  return g.crossOriginIsolated === true ? null : m.backendMenu.noThreads;
}
