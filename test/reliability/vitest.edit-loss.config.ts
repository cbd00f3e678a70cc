// The edit-loss part of the reliability suite: the reader's edits property, with its sequences counted.
import { defineConfig } from 'vitest/config';
import base from '../../vite.config';

export default defineConfig({ ...base, test: { ...base.test, include: ['test/unit/app/edits/edits-property.test.ts'], setupFiles: ['test/reliability/edit-loss.setup.ts'] } });
