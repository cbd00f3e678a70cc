// Claims of "Recurrent Neural Networks with Gluon", read from the section's cells: the layer's
// shapes, the trained model (result, model) and the timing of both implementations.

claim('the state is one (1, batch, hidden) array; the output (steps, batch, hidden)', [state[0].shape, Y.shape], state.length === 1 && state[0].shape.join() === `1,${batchSize},${numHiddens}` && Y.shape.join() === `${numSteps},${batchSize},${numHiddens}` && stateNew[0].shape.join() === `1,${batchSize},${numHiddens}`);
{
  const names = [...rnnLayer.collectParams().keys()].map((k) => k.slice(rnnLayer.prefix.length));
  const shapes = [...rnnLayer.collectParams().values()].map((p) => p.shape.join('x'));
  claim("the parameters are l0_i2h_weight (h, d), l0_h2h_weight (h, h) and two biases", [names, shapes], names.join() === 'l0_i2h_weight,l0_h2h_weight,l0_i2h_bias,l0_h2h_bias' && shapes.join() === `${numHiddens}x${vocabSize},${numHiddens}x${numHiddens},${numHiddens},${numHiddens}`);
}

const p = result.perplexities;
claim('the first epoch starts near the vocabulary size (perplexity above 10)', p[0], p[0] > 10 && p[0] <= 30);
claim('the training perplexity of the last epoch is below 3', p[p.length - 1], p[p.length - 1] < 3);

{
  // Both prefixes the section continues, 100 characters each (greedy, so the text is the model's).
  const samples = await sampleCorpusWords((prefix) => d2l.predictRnnGluon(prefix, 100, model, vocabSize, ctx, idxToChar, charToIdx), corpusIndices.map((i) => idxToChar[i]).join(''));
  claim('the continuations start with their prefixes and have at least 5 distinct words of 3+ letters from the text', samples.summary, samples.prefixed && samples.words.length >= 5);
}

claim('the Gluon model trains at least 2 times faster than the scratch model, measured in the page', [scratchSeconds, gluonSeconds, scratchSeconds / gluonSeconds], scratchSeconds / gluonSeconds >= 2);
