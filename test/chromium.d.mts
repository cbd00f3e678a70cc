/** Types of chromium.mjs (Debian's headless Chromium as the browser tests launch it). */
export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_FLAGS: string[];
