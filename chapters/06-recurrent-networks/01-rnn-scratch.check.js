// Claims of "Recurrent Neural Networks from Scratch", read from the corpus, the iterators and
// the trained parameters (trained.params) the section's cells produced.

claim('the vocabulary is the 26 letters and the space', vocabSize, vocabSize === 27 && idxToChar.join('') === ' abcdefghijklmnopqrstuvwxyz');
claim('the corpus is the first 10000 characters', corpusIndices.length, corpusIndices.length === 10000);

// Random sampling: 285 examples of 35 characters -> 8 minibatches of 32; labels are the inputs shifted by one.
let numBatches = 0, shiftedOk = true;
for (const [Xb, Yb] of dataIterRandom(corpusIndices, batchSize, numSteps)) {
  numBatches++;
  const x = await Xb.toArray(), yv = await Yb.toArray();
  for (let r = 0; r < x.length; r++) for (let t = 0; t + 1 < numSteps; t++) shiftedOk &&= yv[r][t] === x[r][t + 1];
}
claim('an epoch of random sampling is 8 minibatches, labels shifted by one', numBatches, numBatches === 8 && shiftedOk);

// Gradient clipping leaves a joint gradient norm of at most theta.
{
  const p = trained.params;
  const [Xb, Yb] = dataIterRandom(corpusIndices, batchSize, numSteps).next().value;
  const l = autograd.record(() => {
    const [outs] = rnn(toOnehot(Xb, vocabSize), initRnnState(batchSize, numHiddens, ctx), p);
    return new gluon.loss.SoftmaxCrossEntropyLoss().forward(nd.concat(...outs, { dim: 0 }), Yb.transpose().reshape(-1)).mean().mul(1000);
  });
  l.backward();
  const before = await gradClipping(p, clippingTheta, ctx);
  let sq = 0;
  for (const q of p) sq += await q.grad.square().sum().asScalar();
  claim('after gradClipping the gradient norm is at most theta (it was larger)', [before, Math.sqrt(sq)], before > clippingTheta && Math.sqrt(sq) <= clippingTheta * 1.0001);
}

const perplexities = trained.perplexities;
claim('the first epoch starts near the vocabulary size (perplexity above 10)', perplexities[0], perplexities[0] > 10 && perplexities[0] <= 30);
claim('the perplexity is below 10 after ten epochs', perplexities[9], perplexities[9] < 10);
claim('the training perplexity of the last epoch is below 3.0', perplexities[perplexities.length - 1], perplexities[perplexities.length - 1] < 3.0);

// Re-evaluate: the trained model's perplexity over one full epoch of random minibatches, no updates.
{
  const lossFn = new gluon.loss.SoftmaxCrossEntropyLoss();
  let lSum = 0, n = 0;
  for (const [Xb, Yb] of dataIterRandom(corpusIndices, batchSize, numSteps, ctx)) {
    const [outs] = rnn(toOnehot(Xb, vocabSize), initRnnState(batchSize, numHiddens, ctx), trained.params);
    lSum += await lossFn.forward(nd.concat(...outs, { dim: 0 }), Yb.transpose().reshape(-1)).sum().asScalar();
    n += Yb.size;
  }
  const evalPerplexity = Math.exp(lSum / n);
  claim('re-evaluated on the corpus, the trained model has perplexity below 3.0', evalPerplexity, evalPerplexity < 3.0);
}

// The final sample: 100 characters after "the time traveller", greedy and so reproducible.
{
  const samples = await sampleCorpusWords((prefix) => predictRnn(prefix, 100, rnn, trained.params, initRnnState, numHiddens, vocabSize, ctx, idxToChar, charToIdx), corpusIndices.map((i) => idxToChar[i]).join(''), ['the time traveller']);
  claim('the 100-character continuation has at least 5 distinct words of 3+ letters from the training text', samples.summary, samples.prefixed && samples.words.length >= 5);
}
const rnnParams = trained.params.reduce((n, p) => n + p.size, 0);
claim('the network has about 23,000 parameters (22,000 to 24,000)', rnnParams, rnnParams > 22000 && rnnParams < 24000);
