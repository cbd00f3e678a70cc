/** `d2l`: helpers the chapters introduce, each named after the chapter that explains it. Filled as chapters land. */
export const d2l = {};
