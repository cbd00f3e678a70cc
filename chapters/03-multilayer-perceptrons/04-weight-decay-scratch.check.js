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
// The prose's numbers: decay gains orders of magnitude on the test loss, shrinks the norm below the
// true weights' 0.01 * sqrt(200) = 0.14, and leaves a test loss around 0.01 (the constant guess's).
claim('weight decay lowers the test loss by orders of magnitude (over 100x)', testNone / testDecay, testNone >= 100 * testDecay);
claim("with decay the norm of w is below the true weights' norm 0.14", normDecay, normDecay < 0.01 * Math.sqrt(200));
claim('with decay the test loss is around 0.01 (0.003 to 0.03)', testDecay, testDecay > 0.003 && testDecay < 0.03);
