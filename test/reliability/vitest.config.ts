// The reliability suite's Node part (fuzzing the library and imported files): the project's
// vitest setup, pointed at test/reliability instead of test/unit. (Not mergeConfig: it would
// append to the base's include list instead of replacing it.)
import { defineConfig } from 'vitest/config';
import base from '../../vite.config';

export default defineConfig({ ...base, test: { ...base.test, include: ['test/reliability/**/*.test.ts'] } });
