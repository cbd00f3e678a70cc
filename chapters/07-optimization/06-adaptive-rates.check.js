// Claims of "Adaptive Learning Rates": the 2-D paths (deterministic) and the Fashion-MNIST runs.

claim('AdaGrad, learning rate 0.4: still over 2 from the minimum after 20 steps', distance(adagradPath), distance(adagradPath) > 2);
claim('RMSProp, learning rate 0.4: within 0.05 of the minimum after 20 steps', distance(rmspropPath), distance(rmspropPath) < 0.05);
claim('AdaDelta: still over 3 from the minimum after 100 steps', distance(adadeltaPath), distance(adadeltaPath) > 3);
// AdaGrad's steps shrink: along x1 (steady gradient sign) each step is smaller than the one before.
const x1Steps = adagradPath.slice(1).map(([a], i) => Math.abs(a - adagradPath[i][0]));
claim("AdaGrad's steps along x1 shrink at every step", x1Steps.map((s) => s.toFixed(3)).join(', '), x1Steps.every((s, i) => i === 0 || s < x1Steps[i - 1]));
claim("AdaGrad's first step moves each coordinate by the learning rate (the gradient's scale cancels)", [adagradPath[1][0] - adagradPath[0][0], adagradPath[1][1] - adagradPath[0][1]],
  Math.abs(adagradPath[1][0] - adagradPath[0][0] - 0.4) < 1e-4 && Math.abs(adagradPath[1][1] - adagradPath[0][1] - 0.4) < 1e-4);
const firstAdadelta = Math.hypot(adadeltaPath[1][0] - adadeltaPath[0][0], adadeltaPath[1][1] - adadeltaPath[0][1]);
claim("AdaDelta's first step is tiny, about sqrt(epsilon / (1 - rho)) per coordinate (under 0.02)", firstAdadelta, firstAdadelta < 0.02);

// Real data: from scratch (scratchResults) and through gluon (results), one epoch each.
for (const [label, runs] of [['from scratch', scratchResults], ['through gluon', results]]) {
  claim(`Fashion-MNIST ${label}: one epoch with each of adagrad, rmsprop and adadelta reaches a test accuracy of at least 0.75`, names.map((k) => runs[k].testAcc), names.every((k) => runs[k].testAcc >= 0.75));
  claim(`Fashion-MNIST ${label}: AdaGrad (learning rate 0.1) shoots up first: the mean loss of the first 10 minibatches is over 5 (an untrained net has ln 10 = 2.3)`, runs.adagrad.early, runs.adagrad.early > 5);
  claim(`Fashion-MNIST ${label}: AdaGrad's mean training loss stays above 1, RMSProp's and AdaDelta's are below 1`, names.map((k) => runs[k].loss),
    runs.adagrad.loss > 1 && runs.rmsprop.loss < 1 && runs.adadelta.loss < 1);
}
claim('RMSProp and AdaDelta: from scratch and through gluon, the mean training losses agree within 0.05', ['rmsprop', 'adadelta'].map((k) => [scratchResults[k].loss, results[k].loss]),
  ['rmsprop', 'adadelta'].every((k) => Math.abs(scratchResults[k].loss - results[k].loss) < 0.05));
claim('all three: from scratch and through gluon, the test accuracies agree within 0.05', names.map((k) => [scratchResults[k].testAcc, results[k].testAcc]),
  names.every((k) => Math.abs(scratchResults[k].testAcc - results[k].testAcc) < 0.05));

// AdaGrad's first update moves every weight whose gradient is not tiny by about the learning rate.
{
  const net = makeNet();
  net.forward(nd.zeros([1, 784]));
  const params = net.collectParams().values().map((p) => p.data());
  const states = params.map((p) => [nd.zerosLike(p)]);
  const before = Array.from(await params[2].data()); // the output layer's weights, (10, 256)
  for (const [X, y] of trainIter) {
    autograd.record(() => loss.forward(net.forward(X), y)).backward();
    adagrad(params, states, { lr: 0.1 });
    break;
  }
  const after = Array.from(await params[2].data());
  const moves = after.map((v, j) => Math.abs(v - before[j]));
  const meanMove = moves.reduce((a, b) => a + b, 0) / moves.length;
  claim("AdaGrad's first update (learning rate 0.1) moves the output layer's weights (initialized at scale 0.01) by 0.05 or more on average", meanMove, meanMove > 0.05);
}
