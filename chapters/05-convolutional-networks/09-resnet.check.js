// Claims of "Residual Networks (ResNet)", computed from the state its cells left.

const [s1, s2] = [blk.forward(X).shape, blk2.forward(X).shape];
claim('a residual block without 1 x 1 convolution keeps the shape (4, 3, 6, 6)', s1.join(' x '), s1.join(',') === '4,3,6,6');
claim('with a 1 x 1 shortcut of stride 2 and 6 channels, it gives (4, 6, 3, 3)', s2.join(' x '), s2.join(',') === '4,6,3,3');

// The experiment: mean training loss of the last pass over the 40 minibatches, per network
// (order: shallow plain, deep plain, deep residual).
const [shallowLoss, deepPlainLoss, deepResLoss] = lastPass;
claim('all three networks learn: mean training loss of the last pass below 2.0 (ln 10 = 2.30)', lastPass, lastPass.every((l) => l < 2.0));
claim('the deep plain network fits the training data clearly worse than the shallow one (loss above 1.2 times)', [deepPlainLoss, shallowLoss], deepPlainLoss > 1.2 * shallowLoss);
claim('the deep residual network fits it far better than the deep plain one (loss below 0.8 times)', [deepResLoss, deepPlainLoss], deepResLoss < 0.8 * deepPlainLoss);
claim('the deep residual network fits it about as well as the shallow one (losses within 0.15)', [deepResLoss, shallowLoss], Math.abs(deepResLoss - shallowLoss) < 0.15);

// The scaled ResNet.
const finalShape = shapes[shapes.length - 1][1];
claim('the scaled ResNet maps one 28 x 28 image to 10 scores', finalShape, finalShape === '1 x 10');
const stageShapes = shapes.slice(4, 7).map((s) => s[1]);
claim('its stages give 32 x 7 x 7, 64 x 4 x 4 and 128 x 2 x 2', stageShapes.join(', '), stageShapes.join(',') === '1 x 32 x 7 x 7,1 x 64 x 4 x 4,1 x 128 x 2 x 2');
const testAcc = await d2l.evaluateAccuracy(resTestIter, net);
claim('the scaled ResNet reaches at least 0.88 test accuracy after two epochs', testAcc, testAcc >= 0.88);
