// Claims of "Networks Built From Blocks (VGG)", computed from the state its cells left.

// Two 3 x 3 convolutions see a 5 x 5 patch.
const reachedCount = await reached.sum().asScalar();
claim('two 3 x 3 convolutions carry a single pixel to a 5 x 5 patch (25 pixels)', reachedCount, reachedCount === 25);
const blkShape = blk.forward(nd.zeros([2, 1, 16, 16])).shape;
claim('vggBlock(2, 8) turns (2, 1, 16, 16) into (2, 8, 8, 8)', blkShape.join(' x '), blkShape.join(',') === '2,8,8,8');

// Full VGG-11, counted in the table and by hand.
const conv = (o, i) => o * i * 9 + o;
const dense = (o, i) => o * i + o;
const byHand = conv(64, 1) + conv(128, 64) + conv(256, 128) + conv(256, 256) + conv(512, 256) + 3 * conv(512, 512) +
  dense(4096, 7 * 7 * 512) + dense(4096, 4096) + dense(10, 4096);
claim('VGG-11: the table counts as many parameters as the formula (over 120 million)', full.parameters, full.parameters === byHand && full.parameters > 120e6);
claim('VGG-11: five blocks take 224 x 224 down to 512 x 7 x 7', full.rows[4]['output shape'], full.rows[4]['output shape'] === '512 x 7 x 7');
claim('VGG-11: the first dense layer holds over 100 million weights', full.rows[5].parameters, full.rows[5].parameters > 100e6);
// AlexNet's multiply-adds per 224 x 224 image (previous section), by the same rule.
const alexNetMultiplyAdds = 96 * 55 * 55 * 121 + 256 * 27 * 27 * 96 * 25 + 169 * 9 * (384 * 256 + 384 * 384 + 256 * 384) + 9216 * 4096 + 4096 * 4096 + 4096 * 10;
const timesAlexNet = full.multiplyAdds / alexNetMultiplyAdds;
claim('VGG-11: about 7.5 billion multiply-adds per image (7.4 to 7.7)', full.multiplyAdds, full.multiplyAdds > 7.4e9 && full.multiplyAdds < 7.7e9);
claim('VGG-11: about seven times the arithmetic of AlexNet (6.5 to 7.5)', timesAlexNet, timesAlexNet > 6.5 && timesAlexNet < 7.5);
const blockCosts = full.rows.slice(0, 5).map((r) => r['multiply-adds']);
const topTwo = blockCosts.map((c, i) => [c, i]).sort((a, b) => b[0] - a[0]).slice(0, 2).map(([, i]) => i + 1).sort();
claim('VGG-11: blocks 3 and 4 (two convolutions, channels doubling inside) cost the most', topTwo.join(' and '), topTwo.join(',') === '3,4');

// The scaled network.
const smallShapes = small.rows.slice(0, 5).map((r) => r['output shape']);
claim('scaled VGG: blocks of 4, 8, 16, 32 and 32 channels at 16, 8, 4, 2 and 1 pixels', smallShapes.join(', '),
  smallShapes.join(',') === '4 x 16 x 16,8 x 8 x 8,16 x 4 x 4,32 x 2 x 2,32 x 1 x 1');

const vggParamRatio = full.parameters / small.parameters, vggMacRatio = full.multiplyAdds / small.multiplyAdds;
claim('scaled VGG: about a thousand times fewer parameters (900 to 1300)', vggParamRatio, vggParamRatio > 900 && vggParamRatio < 1300);
claim('scaled VGG: about ten thousand times fewer multiply-adds (9000 to 12000)', vggMacRatio, vggMacRatio > 9000 && vggMacRatio < 12000);
// The scaled AlexNet of the previous section: 6, 16, 24, 24, 16 channels on 64 x 64, dense 256.
const smallAlexNetMultiplyAdds = 6 * 15 * 15 * 121 + 16 * 7 * 7 * 6 * 25 + 9 * 9 * (24 * 16 + 24 * 24 + 16 * 24) + 16 * 256 + 256 * 256 + 256 * 10;
const vggOverAlex = small.multiplyAdds / smallAlexNetMultiplyAdds;
claim('scaled VGG: about one and a half times the arithmetic of the scaled AlexNet (1.3 to 1.7)', vggOverAlex, vggOverAlex > 1.3 && vggOverAlex < 1.7);

// Initialization.
const heOverXavier = heScales[heScales.length - 1] / xavierScales[xavierScales.length - 1];
claim("the output's scale with He's rule is over 10 times that with Xavier's", heOverXavier, heOverXavier > 10);
const xavierDrop = xavierScales[0] / xavierScales[4];
claim("Xavier: the scale drops from block 1 to block 5 (by over 4 times)", xavierDrop, xavierDrop > 4);
const xavierDenseMin = Math.min(...xavierScales.slice(5));
claim('Xavier: the dense layers end up smaller still than block 5', `${xavierDenseMin} < ${xavierScales[4]}`, xavierDenseMin < xavierScales[4]);
const heSpread = Math.max(...heScales) / Math.min(...heScales);
claim("He: every block's and dense layer's output scale within a factor 10 of the others", heSpread, heSpread < 10);

// Training: the accuracy is measured again here, from the trained network.
const testAcc = await d2l.evaluateAccuracy(testIter, net);
claim('scaled VGG: test accuracy at least 0.80 after training', testAcc, testAcc >= 0.8);
claim('training and test accuracy within 0.05 of each other (no overfitting yet)', result.trainAcc - testAcc, Math.abs(result.trainAcc - testAcc) < 0.05);

// Where VGG-11's arithmetic goes (deterministic: counted from shapes).
const [b1, b2, b3, b4, b5] = blockCosts;
claim('VGG-11: blocks 3 and 4 each cost three times block 2 (2.9 to 3.1)', [b3 / b2, b4 / b2], [b3, b4].every((b) => b / b2 > 2.9 && b / b2 < 3.1));
claim('VGG-11: block 5 costs as much as block 2 (within 1%), block 1 under a tenth of it', [b5 / b2, b1 / b2], Math.abs(b5 / b2 - 1) < 0.01 && b1 / b2 < 0.1);
claim('VGG-11: the first convolutions of blocks 2, 3 and 4 cost about 0.92 billion multiply-adds each', b2, b2 > 0.9e9 && b2 < 0.95e9);
claim("scaled VGG: the second epoch's average loss is about half the first's (0.3 to 0.65 of it)", result.history.map((h) => h.trainLoss),
  result.history[1].trainLoss / result.history[0].trainLoss > 0.3 && result.history[1].trainLoss / result.history[0].trainLoss < 0.65);
