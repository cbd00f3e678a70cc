// Types for scripts/headers-file.mjs (imported by vite.config.ts and the service worker).
export declare const ISOLATION_HEADERS: Readonly<Record<string, string>>;
export declare const FRAMING_HEADERS: Readonly<Record<string, string>>;
export declare function headersFileText(): string;
export declare function headersFilePlugin(): import('vite').Plugin;
