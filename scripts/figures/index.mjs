/** Every figure of the book, in one list (build.mjs draws them; tests check them). */
import conv from './conv.mjs';
import networks from './networks.mjs';
import training from './training.mjs';

export const FIGURES = [...networks, ...training, ...conv];
