// Claims of "Model Selection, Underfitting and Overfitting", read from the three trained models.
const w = (await cubic.net.get(0).weight.data().toArray())[0]; // (1, 3) -> the three weights
const b = await cubic.net.get(0).bias.data().asScalar();
const truth = [1.2, -3.4, 5.6];
if (w.length !== 3) throw new Error(`expected 3 weights, got ${JSON.stringify(w)}`);
const worst = Math.max(...w.map((v, i) => Math.abs(v - truth[i])), Math.abs(b - 5));
claim('cubic fit: w within 0.1 of (1.2, -3.4, 5.6) and b within 0.1 of 5 (largest error)', worst, worst <= 0.1);
// Re-evaluated from the nets, not taken from the training loop's prints.
const cubicTrain = await meanLoss(cubic.net, polyFeatures.get(`:${nTrain}`), labels.get(`:${nTrain}`));
const linearTrain = await meanLoss(linear.net, features.get(`:${nTrain}`), labels.get(`:${nTrain}`));
claim('linear fit: training loss at least 10x the cubic fit\'s (ratio)', linearTrain / cubicTrain, linearTrain >= 10 * cubicTrain);
const twoTrain = await meanLoss(twoExamples.net, polyFeatures.get('0:2'), labels.get('0:2'));
const twoTest = await meanLoss(twoExamples.net, polyFeatures.get(`${nTrain}:`), labels.get(`${nTrain}:`));
claim('two-example fit: test loss at least 10x its training loss (ratio)', twoTest / twoTrain, twoTest >= 10 * twoTrain);
claim('cubic fit: test loss within 3x of its training loss (no overfitting)', cubic.testLoss / cubic.trainLoss,
  cubic.testLoss < 3 * cubic.trainLoss && cubic.trainLoss < 3 * cubic.testLoss);
claim('data sizes: 100 training and 100 test examples, 3 polynomial features', polyFeatures.shape, polyFeatures.shape[0] === 200 && polyFeatures.shape[1] === 3);
// The prose's numbers: the cubic fit reaches the noise floor 1/2 * 0.1^2 = 0.005 on both sets, and
// the line levels off thousands of times above it.
claim('cubic fit: training and test loss both about the noise floor 0.005 (0.003 to 0.01)', [cubic.trainLoss, cubic.testLoss],
  [cubic.trainLoss, cubic.testLoss].every((l) => l > 0.003 && l < 0.01));
claim('linear fit: training loss thousands of times above the cubic fit\'s (over 1000x)', linearTrain / cubicTrain, linearTrain >= 1000 * cubicTrain);
