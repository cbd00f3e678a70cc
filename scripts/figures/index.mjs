/** Every figure of the book, in one list (build.mjs draws them; tests check them). */
import architectures from './architectures.mjs';
import conv from './conv.mjs';
import gluon from './gluon.mjs';
import modernCnn from './modern-cnn.mjs';
import networks from './networks.mjs';
import rnn from './rnn.mjs';
import gated from './gated.mjs';
import deepBi from './deep-bi.mjs';
import training from './training.mjs';

export const FIGURES = [...networks, ...training, ...gluon, ...conv, ...architectures, ...modernCnn, ...rnn, ...gated, ...deepBi];
