/**
 * What the kernel client writes for the reader (notices, errors in cells). The page passes the
 * words of its language (src/app/i18n); English is the default. Its own module, so the page's
 * catalogue can name these words without loading the client.
 */
export interface KernelClientWords {
  outputRefused(reason: string): string;
  flooded(limit: number, kind: 'statuses' | 'refused'): string;
  stopRestarted: string;
  restarted: string;
  shutDown: string;
}

export const ENGLISH_CLIENT_WORDS: KernelClientWords = {
  outputRefused: (reason) => `This output could not be shown: ${reason}`,
  flooded: (limit, kind) =>
    `The kernel sent more than ${limit} ${kind === 'statuses' ? 'status messages' : 'messages the page had to refuse'} in one second (a cell speaking for the kernel?), so it was stopped and restarted: its variables were reset.`,
  stopRestarted: 'The running cell did not stop within a second, so the kernel was restarted: its variables were reset. Run the cells above again.',
  restarted: 'The kernel was restarted: its variables were reset.',
  shutDown: 'The kernel was shut down.',
};
