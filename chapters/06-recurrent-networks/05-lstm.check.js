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
  // Both prefixes the section continues, 100 characters each (greedy, so the text is the model's).
  const samples = await sampleCorpusWords((prefix) => d2l.predictRnnGluon(prefix, 100, model, vocabSize, ctx, idxToChar, charToIdx), corpusIndices.map((i) => idxToChar[i]).join(''));
  claim('the LSTM continuations start with their prefixes and have at least 5 distinct words of 3+ letters from the text', samples.summary, samples.prefixed && samples.words.length >= 5);
}
