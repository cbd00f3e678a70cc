// Claims of "Deep Recurrent Neural Networks", read from the section's cells: the two-layer GRU's
// shapes and its training run (result, model).

claim('the output is the top layer\'s (steps, batch, h); the state (layers, batch, h)', [Y.shape, state[0].shape], Y.shape.join() === `35,2,${numHiddens}` && state[0].shape.join() === `2,2,${numHiddens}`);
{
  const entries = [...deepLayer.collectParams()].map(([k, p]) => `${k.slice(deepLayer.prefix.length)} ${p.shape.join('x')}`);
  claim("layer 1's input weights read the h features of layer 0", entries, entries.includes(`l0_i2h_weight ${3 * numHiddens}x${vocabSize}`) && entries.includes(`l1_i2h_weight ${3 * numHiddens}x${numHiddens}`) && entries.length === 8);
}
{
  const one = new gluon.rnn.GRU(8, { dropout: 0.5 });
  const two = new gluon.rnn.GRU(8, { numLayers: 2, dropout: 0.5 });
  one.initialize(); two.initialize();
  const x = nd.random.normal(0, 1, [5, 3, 4]);
  const same = async (layer) => {
    const a = await layer.forward(x).toArray(), b = await autograd.record(() => layer.forward(x)).toArray();
    return JSON.stringify(a) === JSON.stringify(b);
  };
  const oneSame = await same(one), twoSame = await same(two);
  claim('dropout acts in training between layers only: nothing to act on with one layer', [oneSame, twoSame], oneSame && !twoSame);
}

const p = result.perplexities;
claim('the two-layer GRU learns: after 25 epochs its perplexity is below 3.5', p, p.length === 25 && p.at(-1) < 3.5);

{
  // Both prefixes the section continues, 100 characters each (greedy, so the text is the model's).
  const samples = await sampleCorpusWords((prefix) => d2l.predictRnnGluon(prefix, 100, model, vocabSize, ctx, idxToChar, charToIdx), corpusIndices.map((i) => idxToChar[i]).join(''));
  claim('the continuations start with their prefixes and have at least 5 distinct words of 3+ letters from the text', samples.summary, samples.prefixed && samples.words.length >= 5);
}
