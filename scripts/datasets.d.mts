// Types for datasets.mjs, so the page's asset allowlist (src/kernel/dataset-files.ts) imports the same list.
export declare const DATASETS: ReadonlyArray<{ readonly path: string; readonly bytes: number; readonly sha256: string; readonly url: string }>;
