// Types for scripts/datasets.mjs: imported by vite.config.ts and by the page's asset allowlist (src/kernel/dataset-files.ts).
export declare const DATASETS: ReadonlyArray<{ readonly path: string; readonly bytes: number; readonly sha256: string; readonly url: string }>;
