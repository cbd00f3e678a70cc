// Claims of "Weight Decay from Scratch", re-evaluated from the parameters each run left behind.
const testNone = await meanLoss(testFeatures, testLabels, noDecay.w, noDecay.b);
const testDecay = await meanLoss(testFeatures, testLabels, withDecay.w, withDecay.b);
claim('weight decay (λ = 3) lowers the test loss at least 2x against none (ratio)', testNone / testDecay, testNone >= 2 * testDecay);
const trainNone = await meanLoss(trainFeatures, trainLabels, noDecay.w, noDecay.b);
claim('without decay the model overfits: test loss at least 100x its training loss (ratio)', testNone / trainNone, testNone >= 100 * trainNone);
const normNone = await noDecay.w.norm().asScalar();
const normDecay = await withDecay.w.norm().asScalar();
claim('weight decay shrinks the weights: norm of w with decay below 1/10 of without', [normDecay, normNone], normDecay < normNone / 10);
claim('data: 20 training and 100 test examples with 200 features', [trainFeatures.shape, testFeatures.shape],
  trainFeatures.shape[0] === 20 && testFeatures.shape[0] === 100 && trainFeatures.shape[1] === 200);
