// Claims of "Residual Networks (ResNet)", computed from the state its cells left.

const [s1, s2] = [blk.forward(X).shape, blk2.forward(X).shape];
claim('a residual block without 1 x 1 convolution keeps the shape (4, 3, 6, 6)', s1.join(' x '), s1.join(',') === '4,3,6,6');
claim('with a 1 x 1 shortcut of stride 2 and 6 channels, it gives (4, 6, 3, 3)', s2.join(' x '), s2.join(',') === '4,6,3,3');

// The experiment: every network learns (its final loss is well below ln 10, a uniform guess).
// The order of the three varies with the seed at this scale (seed 11: shallow 1.33 < deep plain
// 1.48 < deep residual 1.64; seed 12: deep plain 1.03 < shallow 1.38), so
// no order is claimed.
const finalLosses = ['shallow plain', 'deep plain', 'deep residual'].map(lastLoss);
claim('all three networks learn: mean training loss of the last 30 minibatches below 2.0 (ln 10 = 2.30)', finalLosses, finalLosses.every((l) => l < 2.0));

// The scaled ResNet.
const finalShape = shapes[shapes.length - 1][1];
claim('the scaled ResNet maps one 28 x 28 image to 10 scores', finalShape, finalShape === '1 x 10');
const stageShapes = shapes.slice(3, 6).map((s) => s[1]);
claim('its stages give 16 x 14 x 14, 32 x 7 x 7 and 64 x 4 x 4', stageShapes.join(', '), stageShapes.join(',') === '1 x 16 x 14 x 14,1 x 32 x 7 x 7,1 x 64 x 4 x 4');
const testAcc = await d2l.evaluateAccuracy(testIter, net);
claim('the scaled ResNet has about 0.85 test accuracy after the first epoch (0.83 to 0.88)', result.history[0].testAcc, result.history[0].testAcc > 0.83 && result.history[0].testAcc < 0.88);
claim('the scaled ResNet reaches at least 0.87 test accuracy after two epochs', testAcc, testAcc >= 0.87);
claim('training and test accuracy within 0.03 of each other (no overfitting yet)', result.trainAcc - testAcc, Math.abs(result.trainAcc - testAcc) < 0.03);
