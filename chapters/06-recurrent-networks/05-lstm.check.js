// Claims of "Long Short-Term Memory (LSTM)", read from the section's cells: the scratch run
// (scratch), the Gluon LSTM and RNN runs (lstmResult, rnnResult) and the trained model.

const sp = scratch.perplexities;
claim('the scratch LSTM learns: its perplexity falls over its 3 epochs, to below 20', sp, sp[2] < sp[0] && sp[2] < 20);

claim('the LSTM state is [h, c], each (1, batch, hidden)', state.map((s) => s.shape), state.length === 2 && state.every((s) => s.shape.join() === `1,2,${numHiddens}`));
{
  const shapes = [...lstmLayer.collectParams().values()].map((p) => p.shape.join('x'));
  claim('rnn.LSTM stacks the 4 blocks: i2h (4h, d), h2h (4h, h), biases (4h)', shapes, shapes.join() === `${4 * numHiddens}x${vocabSize},${4 * numHiddens}x${numHiddens},${4 * numHiddens},${4 * numHiddens}`);
}

const l = lstmResult.perplexities, r = rnnResult.perplexities;
claim('after the same 30 epochs the LSTM has a lower perplexity than the plain RNN', [l.at(-1), r.at(-1), l, r], l.at(-1) < r.at(-1) && l.length === 30 && r.length === 30);
{
  const lstmEpoch = lstmResult.epochSeconds.reduce((a, b) => a + b) / 30, rnnEpoch = rnnResult.epochSeconds.reduce((a, b) => a + b) / 30;
  claim('an LSTM epoch takes longer than a plain RNN epoch', [lstmEpoch, rnnEpoch], lstmEpoch > rnnEpoch);
}

{
  const prefix = 'the time traveller';
  const text = await d2l.predictRnnGluon(prefix, 100, model, vocabSize, ctx, idxToChar, charToIdx);
  const continuation = text.slice(prefix.length);
  const tokens = continuation.split(' ');
  if (!continuation.startsWith(' ')) tokens.shift();
  tokens.pop();
  const corpusWords = new Set(corpusIndices.map((i) => idxToChar[i]).join('').split(' '));
  const words = [...new Set(tokens.filter((w) => w.length >= 3 && corpusWords.has(w)))];
  claim('the LSTM continuation starts with the prefix and has at least 5 distinct words of 3+ letters from the text', `${words.length}: ${words.join(' ')} | "${text}"`, text.startsWith(prefix) && words.length >= 5);
}
