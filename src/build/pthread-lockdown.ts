/**
 * The lockdown of TensorFlow.js's pthread workers (the threaded WASM build, wasm-threads.ts),
 * applied to the worker script tfjs keeps as text (`wasmWorkerContents`, started from a blob URL).
 *
 * A cell reaches those workers (`_tfengine.registry.wasm.wasm.PThread`) and can post them any
 * message. Emscripten's handler runs JavaScript only on 'load': `importScripts(urlOrBlob)`, then
 * the module factory. So, patched:
 *  - only the first 'load' runs (the kernel posts it to every pool worker while the backend
 *    starts, before any cell); a later one is refused with a printed error, nothing imported;
 *  - once that load has set the module up (or failed), the worker's globals lose what
 *    is not on the kernel's allowlist (allowed-globals.ts, plus the pthread's own postMessage and
 *    close): so should anything else ever run JS there, it finds no fetch, indexedDB, Worker,
 *    importScripts, storageBuckets.
 * The other commands ('run', 'processProxyingQueue', 'cancel') only call into WebAssembly: the
 * shared memory and function table a cell can already reach from the kernel, and the module
 * has no JS that evaluates strings (no ASM_CONSTS, no eval).
 * Throws when the text changed (a tfjs upgrade), so the build fails instead of shipping
 * workers without the lockdown.
 */
import { ALLOWED_GLOBALS, ALLOWED_ON_NAVIGATOR, ALLOWED_PREFIXES, PTHREAD_ALSO_ALLOWED } from '../kernel/sandbox/allowed-globals.js';

export class TfjsWorkerChangedError extends Error {
  constructor(expected: string) {
    super(
      `tfjs-threads-plugin: the pthread worker script (wasmWorkerContents) no longer contains ${JSON.stringify(expected)} ` +
        '(a new TensorFlow.js version?). Read its message handler again, find where a "load" command imports a script, ' +
        'and update the anchors in src/build/pthread-lockdown.ts so that a second load is refused and the lockdown runs after the first.',
    );
    this.name = 'TfjsWorkerChangedError';
  }
}

export class UnsafeInjectionError extends Error {
  constructor(text: string) {
    super(`pthread-lockdown: text to write into the worker script contains a backquote, backslash or dollar-brace, which mean something else inside its template literal: ${text}. Rephrase it without them.`);
    this.name = 'UnsafeInjectionError';
  }
}

/** Printed by a worker that refused a second 'load'. */
export const REFUSED_LOAD = "pthread worker: refused a second 'load' (locked down: only the first load, the kernel's own, runs)";

/**
 * The lockdown, as worker JavaScript: lockdown.ts's cut to the allowlist (the browser's
 * properties, native code, not JavaScript's own such as emscripten's Module; on the object and
 * every prototype but the last, Object.prototype: delete when configurable, else set undefined
 * when writable). Written out plainly rather than taken from a compiled function: it sits inside a
 * template literal (no backquotes, no backslashes, no dollar-brace) and must not depend on
 * helpers a bundler adds.
 */
export function lockdownSource(): string {
  const names = JSON.stringify(['constructor', ...ALLOWED_GLOBALS, ...PTHREAD_ALSO_ALLOWED]);
  const prefixes = JSON.stringify(ALLOWED_PREFIXES);
  const onNavigator = JSON.stringify(['constructor', ...ALLOWED_ON_NAVIGATOR]);
  return (
    'function __lockDownPthreadWorker(g){' +
    'function nat(f){return typeof f==="function"&&Function.prototype.toString.call(f).indexOf("[native code]")>=0}' +
    'function keepOnly(target,ok){for(var o=target;o!==null&&Object.getPrototypeOf(o)!==null;o=Object.getPrototypeOf(o)){' +
    'var keys=Object.getOwnPropertyNames(o);for(var i=0;i<keys.length;i++){var k=keys[i];if(ok(k))continue;' +
    'var d=Object.getOwnPropertyDescriptor(o,k);if(!("value" in d?nat(d.value):nat(d.get)||nat(d.set)))continue;' +
    'if(d.configurable){delete o[k]}else if(d.writable){o[k]=undefined}}}}' +
    `var names=${names},prefixes=${prefixes},onNavigator=${onNavigator};` +
    'var nav=g.navigator;if(nav)keepOnly(nav,function(k){return onNavigator.indexOf(k)>=0});' +
    'keepOnly(g,function(k){if(names.indexOf(k)>=0)return true;for(var j=0;j<prefixes.length;j++){if(k.indexOf(prefixes[j])===0)return true}return false})}'
  );
}

/** [what tfjs 4.22's worker says, what replaces it]: each must occur exactly once. */
export function workerAnchors(): [string, string][] {
  const refuse = `if(__loadedOnce){err(${JSON.stringify(REFUSED_LOAD)});return}__loadedOnce=true;`;
  return [
    // The flag and the lockdown, next to the handler.
    ['self.onmessage=e=>{', `var __loadedOnce=false;${lockdownSource()}self.onmessage=e=>{`],
    // The load: refused the second time; the lockdown after the first, whatever happened.
    ['if(e.data.cmd==="load"){Module["wasmModule"]=e.data.wasmModule;', `if(e.data.cmd==="load"){${refuse}try{Module["wasmModule"]=e.data.wasmModule;`],
    ['WasmBackendModuleThreadedSimd(Module)}else if(e.data.cmd==="run"){', 'WasmBackendModuleThreadedSimd(Module)}finally{__lockDownPthreadWorker(self)}}else if(e.data.cmd==="run"){'],
  ];
}

/** The worker script module (tfjs's `...threaded-simd.worker.js`) with the lockdown written in. */
export function lockedDownWorker(code: string): string {
  let out = code;
  for (const [from, to] of workerAnchors()) {
    // The script is a template literal: what goes in must mean the same there.
    if (/[`\\]|\$\{/.test(to)) throw new UnsafeInjectionError(to);
    const count = out.split(from).length - 1;
    if (count !== 1) throw new TfjsWorkerChangedError(count === 0 ? from : `${from} exactly once (found ${count} times)`);
    out = out.replace(from, () => to);
  }
  // Every import in the script must be the one inside the guarded load.
  const imports = out.split('importScripts(').length - 1;
  if (imports !== 2) throw new TfjsWorkerChangedError(`exactly the load's 2 calls of importScripts (found ${imports})`);
  return out;
}
