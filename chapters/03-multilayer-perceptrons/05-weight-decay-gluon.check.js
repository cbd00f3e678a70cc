// Claims of "Weight Decay with Gluon", re-evaluated from the two trained networks.
const testNone = await meanLoss(noDecay.net, testFeatures, testLabels);
const testDecay = await meanLoss(withDecay.net, testFeatures, testLabels);
claim('wd = 3 in the Trainer lowers the test loss at least 2x against none (ratio)', testNone / testDecay, testNone >= 2 * testDecay);
const trainNone = await meanLoss(noDecay.net, trainFeatures, trainLabels);
claim('without decay the model overfits: test loss at least 100x its training loss (ratio)', testNone / trainNone, testNone >= 100 * trainNone);
const normNone = await noDecay.net.get(0).weight.data().norm().asScalar();
const normDecay = await withDecay.net.get(0).weight.data().norm().asScalar();
claim('the Trainer decays the weights: norm of w with wd below 1/10 of without', [normDecay, normNone], normDecay < normNone / 10);
