// Only the notebook library (lib/handson-lib.mjs), into dist/ or --outDir; `vite build` makes it too
// (src/build/notebook-lib-plugin.ts). For working on the library's notebook host:
//   npx vite build --config vite.notebook-lib.config.ts [--outDir .cache/site]
import { defineConfig } from 'vite';
import { notebookLibConfig } from './src/build/notebook-lib-plugin.js';

export default defineConfig(notebookLibConfig(process.cwd(), 'dist'));
