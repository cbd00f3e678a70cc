/** `gluon.rnn`: the recurrent layers (RNN, LSTM, GRU) the RNN chapters use. */
import { GRU, LSTM, RNN } from './rnn-layer';

export const rnn = { RNN, LSTM, GRU };

export { GRU, LSTM, RNN, RecurrentLayer } from './rnn-layer';
export type { BeginStateOptions, RecurrentLayerOptions, RNNOptions } from './rnn-layer';
