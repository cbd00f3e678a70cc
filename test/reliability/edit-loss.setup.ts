// Counts the edit-loss sequences fast-check drives through the reader's edits store (the
// property in test/unit/app/edits/edits-property.test.ts: random edits, reloads, resets, exports,
// imports, storage full), keeping fast-check's failure report (a failing run still throws).
import fc from 'fast-check';
import { afterAll } from 'vitest';
import { recordCount } from './counts';

let sequences = 0;
let properties = 0;
fc.configureGlobal({
  reporter: (details) => {
    properties++;
    sequences += details.numRuns;
    if (details.failed) throw new Error(fc.defaultReportMessage(details));
  },
});
afterAll(() => recordCount('edit-loss', { sequences, properties }));
