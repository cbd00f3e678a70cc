/** The one message the page sends its service worker: take over now (the reader chose to update). */
export const SW_MESSAGE_SKIP_WAITING = 'SKIP_WAITING';
