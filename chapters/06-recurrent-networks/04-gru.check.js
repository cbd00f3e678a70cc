// Claims of "Gated Recurrent Units (GRU)", read from the section's cells: the scratch run
// (scratch), the Gluon GRU and RNN runs (gruResult, rnnResult) and the trained model.

const sp = scratch.perplexities;
claim('the scratch GRU learns: perplexity below 15 after its 5 epochs (from above 20 at the start)', sp, sp[4] < 15 && sp[0] > 15);

{
  const shapes = [...gruLayer.collectParams().values()].map((p) => p.shape.join('x'));
  claim("rnn.GRU stacks the 3 blocks: i2h (3h, d), h2h (3h, h), biases (3h)", shapes, shapes.join() === `${3 * numHiddens}x${vocabSize},${3 * numHiddens}x${numHiddens},${3 * numHiddens},${3 * numHiddens}`);
}

const g = gruResult.perplexities, r = rnnResult.perplexities;
claim('after the same 30 epochs the GRU has a lower perplexity than the plain RNN', [g.at(-1), r.at(-1), g, r], g.at(-1) < r.at(-1) && g.length === 30 && r.length === 30);
claim('the GRU reaches a perplexity below 2.5 in 30 epochs', g.at(-1), g.at(-1) < 2.5);
claim('the plain RNN stays above 3 after 30 epochs ("nearly 4")', r.at(-1), r.at(-1) > 3 && r.at(-1) < 4.5);
{
  const gruEpoch = gruResult.epochSeconds.reduce((a, b) => a + b) / 30, rnnEpoch = rnnResult.epochSeconds.reduce((a, b) => a + b) / 30;
  claim('a GRU epoch takes longer than a plain RNN epoch', [gruEpoch, rnnEpoch], gruEpoch > rnnEpoch);
}

{
  // Both prefixes the section continues, 100 characters each (greedy, so the text is the model's).
  const samples = await sampleCorpusWords((prefix) => d2l.predictRnnGluon(prefix, 100, model, vocabSize, ctx, idxToChar, charToIdx), corpusIndices.map((i) => idxToChar[i]).join(''));
  claim('the GRU continuations start with their prefixes and have at least 5 distinct words of 3+ letters from the text', samples.summary, samples.prefixed && samples.words.length >= 5);
}
