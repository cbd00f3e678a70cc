// Claims of "Parameters: Access, Initialization and Sharing", from the state its cells left.
const same = (p, q) => JSON.stringify(p) === JSON.stringify(q);
claim('the hidden layer has a (256, 20) weight and a (256,) bias', [net.get(0).weight.data().shape, net.get(0).bias.data().shape],
  same(net.get(0).weight.data().shape, [256, 20]) && same(net.get(0).bias.data().shape, [256]));
const weightNames = net.collectParams('.*weight').keys();
claim("collectParams('.*weight') keeps exactly the two weights", weightNames, weightNames.length === 2 && weightNames.every((k) => k.endsWith('weight')));
claim('getByName finds the same Parameter object', outBias.name, net.collectParams().getByName(outBias.name) === outBias);
claim('rgnet has 4 x 2 x 2 + 2 = 18 parameters; the nested bias has 32 values', [rgnet.collectParams().size, rgnet.get(0).get(1).get(0).bias.data().shape],
  rgnet.collectParams().size === 18 && same(rgnet.get(0).get(1).get(0).bias.data().shape, [32]));
claim('init.Normal(0.01) gave a standard deviation within 5% of 0.01', normalStd, Math.abs(normalStd - 0.01) < 0.0005);
claim('init.Constant(1) set all 5120 hidden weights to 1', constantSum, constantSum === 5120);
const xavierBound = Math.sqrt(6 / (20 + 256));
claim('Xavier kept the hidden weight within +-sqrt(6/276) and used most of the range', xavierRange,
  xavierRange[0] >= -xavierBound && xavierRange[1] <= xavierBound && xavierRange[1] - xavierRange[0] > 1.9 * xavierBound);
/** Fraction of zeros, and whether every value is 0 or has magnitude in [5, 10]. */
async function myInitStats(values) {
  let zeros = 0, ok = true;
  for (const v of values) {
    if (v === 0) zeros++;
    else if (Math.abs(v) < 5 || Math.abs(v) > 10) ok = false;
  }
  return { zeroFraction: zeros / values.length, ok };
}
const outStats = await myInitStats(await net.get(1).weight.data().data());
claim('MyInit: every output weight is 0 or has |w| in [5, 10]; about half are 0', outStats, outStats.ok && Math.abs(outStats.zeroFraction - 0.5) < 0.05);
const eagerStats = await myInitStats(await eagerNet.get(0).weight.data().data());
claim('MyInit on eagerNet: the same distribution (5120 values)', eagerStats, eagerStats.ok && Math.abs(eagerStats.zeroFraction - 0.5) < 0.05);
const hidden = Array.from(await hiddenWeight.data().data());
const shifted = await myInitStats(hidden.slice(1).map((v) => v - 1));
claim('setData added 1 to every MyInit value and set(42, 0, 0) wrote one element', [hidden[0], shifted],
  hidden[0] === 42 && shifted.ok);
claim('reading a deferred parameter is a DeferredInitializationError that mentions inUnits', deferredError && deferredError.name,
  deferredError !== null && deferredError.name === 'DeferredInitializationError' && deferredError.message.includes('inUnits'));
claim('after the first forward pass the lazy layers have their full shapes', [lazyNet.get(0).weight.data().shape, lazyNet.get(1).weight.data().shape],
  same(lazyNet.get(0).weight.data().shape, [256, 20]) && same(lazyNet.get(1).weight.data().shape, [10, 256]));
claim('with inUnits the weights exist before any forward pass', eagerNet.get(0).weight.isInitialized && eagerNet.get(1).weight.isInitialized,
  eagerNet.get(0).weight.isInitialized && eagerNet.get(1).weight.isInitialized);
claim('the shared layers hold the same Parameter and the same array after training',
  [sharedNet.get(1).weight === sharedNet.get(2).weight, sharedNet.get(1).weight.data() === sharedNet.get(2).weight.data()],
  sharedNet.get(1).weight === sharedNet.get(2).weight && sharedNet.get(1).weight.data() === sharedNet.get(2).weight.data() && sharedNet.get(1).bias.data() === sharedNet.get(2).bias.data());
claim('the shared network trains 3 weight/bias pairs, not 4', sharedNet.collectParams().size, sharedNet.collectParams().size === 6);
const moved = await sharedNet.get(2).weight.data().sub(sharedBefore).abs().max().asScalar();
claim('training changed the shared weight', moved, moved > 1e-3);
claim('the training loss fell to under half of its first-epoch value', [trainLosses[0], trainLosses[numEpochs - 1]], trainLosses[numEpochs - 1] < trainLosses[0] / 2);
// The standalone Parameter: shape as given, Gaussian values, and grad = 2 * data after backward.
const myData = Array.from(await myParam.data().data());
const myGrad = Array.from(await myParam.grad().data());
const myStd = Math.sqrt(myData.reduce((a, v) => a + v * v, 0) / myData.length);
claim('a standalone Parameter: shape (2, 3), initialized with nonzero values of scale about 0.5 (0.1 to 1.5 for 6 draws)', [myParam.shape, myStd],
  same(myParam.shape, [2, 3]) && myData.every((v) => v !== 0) && myStd > 0.1 && myStd < 1.5);
claim('after backward of the sum of squares, grad() holds exactly twice data()', myGrad,
  myGrad.length === 6 && myGrad.every((g, i) => Math.abs(g - 2 * myData[i]) <= 1e-6 * Math.max(1, Math.abs(g))));
