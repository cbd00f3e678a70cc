/** `gluon.rnn`: the recurrent layers (RNN, LSTM, GRU, fused over a sequence) and cells (one step). */
import { GRU, LSTM, RNN } from './rnn-layer';
import { GRUCell, LSTMCell, RNNCell } from './rnn-cell';

export const rnn = { RNN, LSTM, GRU, RNNCell, LSTMCell, GRUCell };

export { GRU, LSTM, RNN, RecurrentLayer } from './rnn-layer';
export { GRUCell, LSTMCell, RNNCell, RecurrentCell } from './rnn-cell';
export type { BeginStateOptions, RecurrentLayerOptions, RNNOptions } from './rnn-layer';
export type { RecurrentCellOptions, RNNCellOptions, UnrollOptions } from './rnn-cell';
