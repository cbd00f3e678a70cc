// Claims of "Bidirectional Recurrent Neural Networks", read from the section's cells: the layer's
// shapes and the bidirectional GRU trained as a language model (result, model).

claim('the output has 2h features per step and the state one entry per direction', [Y.shape, state[0].shape], Y.shape.join() === `35,2,${2 * numHiddens}` && state[0].shape.join() === `2,2,${numHiddens}`);
{
  const names = [...biLayer.collectParams().keys()].map((k) => k.slice(biLayer.prefix.length));
  claim('the parameters are l0_* (forward) and r0_* (backward)', names, names.join() === 'l0_i2h_weight,l0_h2h_weight,l0_i2h_bias,l0_h2h_bias,r0_i2h_weight,r0_h2h_weight,r0_i2h_bias,r0_h2h_bias');
}

const p = result.perplexities;
claim('the training perplexity falls to near 1: below 1.5 within 5 epochs, below 1.1 after 15', p, p[4] < 1.5 && p.at(-1) < 1.1);

// The continuations: nonsense, few words of the novel.
for (const prefix of ['the time traveller', 'the time machine']) {
  const samples = await sampleCorpusWords((start) => d2l.predictRnnGluon(start, 60, model, vocabSize, ctx, idxToChar, charToIdx), corpusIndices.map((i) => idxToChar[i]).join(''), [prefix]);
  const { words, texts: [text] } = samples;
  claim(`the continuation of "${prefix}" is nonsense: at most 2 distinct words of 3+ letters from the text`, `${words.length}: ${words.join(' ')} | "${text}"`, text.startsWith(prefix) && words.length <= 2);
}
