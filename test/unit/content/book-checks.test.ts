import { describe, expect, it } from 'vitest';
import { CHECK_HELPERS, CLAIM_SETUP } from '../../../src/content/book-checks';

type Samples = { texts: string[]; prefixed: boolean; words: string[]; summary: string };
type SampleCorpusWords = (predict: (prefix: string) => Promise<string>, corpusText: string, prefixes?: string[]) => Promise<Samples>;

// The helpers are source text run in the kernel before a check file; evaluate them the same way.
const sampleCorpusWords = new Function(`${CHECK_HELPERS}; return sampleCorpusWords;`)() as SampleCorpusWords;

describe('check-file helpers', () => {
  it('the setup cell defines them with claim', () => {
    expect(CLAIM_SETUP).toContain(CHECK_HELPERS);
  });

  it('sampleCorpusWords counts distinct corpus words of 3+ letters, not the glued first token nor the cut last one', async () => {
    const corpus = 'the time traveller said that the machine was here and there';
    const continuations: Record<string, string> = {
      'the time traveller': 'said the machine said was xyzzy here th', // "said" glued to "traveller"; "th" cut off
      'the time machine': ' and was that there the',
    };
    const s = await sampleCorpusWords(async (prefix) => prefix + continuations[prefix], corpus);
    expect(s.prefixed).toBe(true);
    expect(s.words).toEqual(['the', 'machine', 'said', 'was', 'here', 'and', 'that', 'there']); // not xyzzy (not in the corpus)
    expect(s.summary.startsWith('8: the machine said was here and that there | "the time traveller')).toBe(true);
  });

  it('sampleCorpusWords says when a sample does not start with its prefix', async () => {
    const s = await sampleCorpusWords(async () => 'something else entirely', 'something else entirely', ['the time machine']);
    expect(s.prefixed).toBe(false);
  });
});
