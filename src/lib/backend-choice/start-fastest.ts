/**
 * The kernel's start: the reader's chosen backend, else the fastest correct one on this machine
 * (backend-probe.ts), measured once and then taken from the page's cache.
 *
 * The cache key names what the speeds depend on: the browser (user agent, which includes its
 * version and OS), the number of cores, the TensorFlow.js version and the WebGPU adapter (a new
 * GPU or driver gives another adapter description), plus PROBE_VERSION inside the probe itself.
 * A cached probe for another key is ignored and measured again.
 */
import { tf } from '../engine/tf';
import { BACKEND_LADDER, initBackend, inBrowser, prepareBrowserBackends, restoreBackend, tryBackend, type BackendInfo, type BackendName } from '../engine/backends';
import { PROBE_ORDER, probeBackends, planStart, type BackendProbe, type ProbeDeps } from '../engine/backend-probe';
import { prepareProbe, probeReference } from './probe-workload';

/** The WebGPU pieces read here (typed locally: the project does not load @webgpu/types). */
interface AdapterLike {
  readonly isFallbackAdapter?: boolean;
  readonly info?: { vendor?: string; architecture?: string; device?: string; description?: string; isFallbackAdapter?: boolean };
}
interface GpuNavigator {
  userAgent?: string;
  hardwareConcurrency?: number;
  gpu?: { requestAdapter(): Promise<AdapterLike | null> };
}

/** The WebGPU adapter's description, asked once per kernel (null: no adapter). */
let adapterInfo: Promise<{ description: string; fallback: boolean } | null> | null = null;
function adapter(): Promise<{ description: string; fallback: boolean } | null> {
  adapterInfo ??= (async () => {
    const nav = (globalThis as { navigator?: GpuNavigator }).navigator;
    try {
      const a = await nav?.gpu?.requestAdapter();
      if (!a) return null;
      const i = a.info ?? {};
      const description = [i.vendor, i.architecture, i.device, i.description].map((s) => s ?? '').join('/');
      return { description, fallback: i.isFallbackAdapter ?? a.isFallbackAdapter ?? false };
    } catch {
      return { description: 'adapter request failed', fallback: false };
    }
  })();
  return adapterInfo;
}

/**
 * Why a software WebGPU adapter is not probed. Chromium offers one (SwiftShader) only behind
 * flags or on blocklisted GPUs: it runs WebGPU on the CPU, 10-70x slower than WASM on the same
 * cores here (README, "Performance"), so it cannot win; probing it cost the whole 1.5 s cap, and
 * the run cut off at the cap kept the GPU process busy for another 3-5 s (shader compiles that
 * destroying the device did not stop), slowing the reader's first cells. Software WebGL is still
 * probed: its runs finish within the cap.
 */
export const SOFTWARE_WEBGPU = 'a software (fallback) adapter: WebGPU emulated on the CPU, which WASM outruns';

/** A description of this machine and browser, for the probe's cache. */
export async function machineKey(): Promise<string> {
  const nav = (globalThis as { navigator?: GpuNavigator }).navigator;
  const a = await adapter();
  const gpu = a === null ? 'none' : `${a.description}${a.fallback ? ' (fallback adapter)' : ''}`;
  return JSON.stringify({ userAgent: nav?.userAgent ?? 'unknown', cores: nav?.hardwareConcurrency ?? 0, tfjs: tf.version_core, gpu });
}

/** What startBackend needs from the world (replaced by fakes in unit tests). */
export interface StartEnvironment {
  /** False in Node: only WASM and CPU exist there, and the ladder already puts WASM first. */
  browser: boolean;
  machineKey(): Promise<string>;
  /** Makes `name` the active backend: null when it runs, else why it cannot. */
  activate(name: BackendName): Promise<string | null>;
  /** Measures every backend; the winner is not left active. */
  probe(key: string): Promise<BackendProbe>;
  /** The ladder from `preferred` (or its top), as before the probe existed. */
  ladder(preferred?: BackendName): Promise<BackendInfo>;
  /** Records `info` as the backend in use (mx.backendInfo()). */
  adopt(info: BackendInfo): Promise<void>;
}

const realEnvironment = (): StartEnvironment => ({
  browser: inBrowser(),
  machineKey,
  activate: async (name) => {
    await prepareBrowserBackends();
    return tryBackend(name);
  },
  probe: async (key) => {
    await prepareBrowserBackends();
    const ref = probeReference();
    const deps: ProbeDeps = {
      init: tryBackend,
      prepare: async () => prepareProbe(ref),
      now: () => performance.now(),
      sleep: (ms, signal) =>
        new Promise((resolve) => {
          const t = setTimeout(resolve, ms);
          signal.addEventListener('abort', () => clearTimeout(t));
        }),
      skip: async (name) => (name === 'webgpu' && (await adapter())?.fallback ? SOFTWARE_WEBGPU : null),
    };
    return probeBackends(PROBE_ORDER, deps, { key, ladder: BACKEND_LADDER });
  },
  ladder: initBackend,
  adopt: restoreBackend,
});

/**
 * Starts the backend for a kernel. `backend`: the reader's choice, which always wins (the ladder
 * continues below it if it cannot start, as before). Otherwise `cached`, the probe the page kept,
 * when it was measured for this machine; otherwise a new probe (about 1-3 s), whose result is in
 * the returned info for the page to cache.
 */
export async function startBackend(request: { backend?: BackendName; cached?: unknown }, env: StartEnvironment = realEnvironment()): Promise<BackendInfo> {
  if (!env.browser) return env.ladder(request.backend);
  const plan = await planStart(request, env.machineKey);
  if (plan.kind === 'explicit') return env.ladder(plan.name);
  let probe: BackendProbe;
  if (plan.kind === 'cached' && (await env.activate(plan.probe.chosen)) === null) {
    probe = plan.probe;
  } else {
    // No cache for this machine, or the cached winner no longer starts (a browser setting changed).
    probe = await env.probe(plan.kind === 'cached' ? plan.probe.key : plan.key);
    const reason = await env.activate(probe.chosen);
    if (reason !== null) return env.ladder(); // it ran a moment ago; if it cannot now, the ladder decides
  }
  const info: BackendInfo = { name: probe.chosen, skipped: [], probe };
  await env.adopt(info);
  return info;
}
