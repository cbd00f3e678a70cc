/** Which backend the reader asked for ('auto' = the top of the ladder that works), remembered. */
import type { BackendName } from '../../kernel/protocol';

export type BackendChoice = 'auto' | BackendName;
export const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'];
const KEY = 'handson/backend';

export const BACKEND_LABELS: Record<BackendName, string> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };

export function readBackendChoice(): BackendChoice {
  try {
    const v = localStorage.getItem(KEY);
    return (BACKEND_CHOICES as readonly string[]).includes(v ?? '') ? (v as BackendChoice) : 'auto';
  } catch {
    return 'auto';
  }
}

export function saveBackendChoice(choice: BackendChoice): void {
  try {
    if (choice === 'auto') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  } catch {
    // Storage blocked: the choice lasts for this page.
  }
}
