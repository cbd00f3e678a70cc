// Claims of "Deep Convolutional Networks (AlexNet)", computed from the state its cells left.

// The full network's size, counted layer by layer in the table, against the count by hand:
// weights + biases of each convolution (out x in x kh x kw + out) and dense layer (out x in + out).
const convCount = (o, i, k) => o * i * k * k + o;
const denseCount = (o, i) => o * i + o;
const byHand = convCount(96, 1, 11) + convCount(256, 96, 5) + convCount(384, 256, 3) + convCount(384, 384, 3) + convCount(256, 384, 3) +
  denseCount(4096, 6 * 6 * 256) + denseCount(4096, 4096) + denseCount(10, 4096);
claim('full AlexNet: the table counts as many parameters as the layer-by-layer formula (about 58 million)', full.parameters, full.parameters === byHand && full.parameters > 58e6 && full.parameters < 59e6);
const fullRows = full.rows;
const convParams = fullRows.filter((r) => r.layer === 'Conv2D').reduce((n, r) => n + r.parameters, 0);
const denseParams = fullRows.filter((r) => r.layer === 'Dense').reduce((n, r) => n + r.parameters, 0);
const convMultiplyAdds = fullRows.filter((r) => r.layer === 'Conv2D').reduce((n, r) => n + r['multiply-adds'], 0);
claim('full AlexNet: the convolutions hold under 4 million parameters', convParams, convParams < 4e6);
claim('full AlexNet: the dense layers hold over 50 million parameters', denseParams, denseParams > 50e6);
claim('full AlexNet: the convolutions do over a billion multiply-adds per image', convMultiplyAdds, convMultiplyAdds > 1e9);
claim('full AlexNet: the first layer gives 96 x 55 x 55 maps on 224 x 224 inputs', fullRows[0]['output shape'], fullRows[0]['output shape'] === '96 x 55 x 55');
claim('full AlexNet: the convolutional part ends with 256 x 6 x 6 maps', fullRows[7]['output shape'], fullRows[7]['output shape'] === '256 x 6 x 6');
claim('full AlexNet: one training epoch on this backend would take more than an hour', hoursPerEpoch, hoursPerEpoch > 1);

// The scaled network.
claim('scaled AlexNet: feature maps of 15, 7, 3 and 1 pixels', small.rows.map((r) => r['output shape']).slice(0, 8).join(', '),
  ['6 x 15 x 15', '6 x 7 x 7', '16 x 7 x 7', '16 x 3 x 3', '24 x 3 x 3', '24 x 3 x 3', '16 x 3 x 3', '16 x 1 x 1'].every((s, i) => small.rows[i]['output shape'] === s));
const macRatio = full.multiplyAdds / small.multiplyAdds, paramRatio = full.parameters / small.parameters;
claim('scaled AlexNet: about 2,300 times fewer multiply-adds than the full one (2,200 to 2,400)', macRatio, macRatio > 2200 && macRatio < 2400);
claim('scaled AlexNet: about 660 times fewer parameters than the full one (600 to 700)', paramRatio, paramRatio > 600 && paramRatio < 700);

// Initialization.
claim("Xavier: conv1's weights have the rule's standard deviation (within 5%)", conv1Std, Math.abs(conv1Std / Math.sqrt(2 / (121 + 6 * 121)) - 1) < 0.05);
const lastNormal = normalScales[normalScales.length - 1], lastXavier = xavierScales[xavierScales.length - 1];
claim('Normal(0.01): the scores reaching the loss are over 1000 times smaller than with Xavier', lastXavier / lastNormal, lastXavier / lastNormal > 1000);
const normalSteps = normalScales.slice(1).map((v, i) => normalScales[i] / v);
claim('Normal(0.01): the scale falls about tenfold at every layer (3 to 30 times each)', normalSteps.map((r) => r.toFixed(1)).join(', '), normalSteps.every((r) => r > 3 && r < 30));
const xavierSpread = Math.max(...xavierScales) / Math.min(...xavierScales);
const normalSpread = Math.max(...normalScales) / Math.min(...normalScales);
claim('Xavier: the output scale of every layer within a factor 40 of every other (Normal(0.01): over a million)', `${xavierSpread} vs ${normalSpread}`, xavierSpread < 40 && normalSpread > 1e6);

// Training: the accuracy is measured again here, from the trained network.
const testAcc = await d2l.evaluateAccuracy(testIter, net);
claim('scaled AlexNet: test accuracy at least 0.80 after training', testAcc, testAcc >= 0.8);
claim('training and test accuracy within 0.05 of each other (no overfitting yet)', result.trainAcc - testAcc, Math.abs(result.trainAcc - testAcc) < 0.05);
claim("scaled AlexNet: the second epoch's average loss is about half the first's (0.3 to 0.65 of it)", result.history.map((h) => h.trainLoss),
  result.history[1].trainLoss / result.history[0].trainLoss > 0.3 && result.history[1].trainLoss / result.history[0].trainLoss < 0.65);
