// Claims of "Network in Network (NiN)", computed from the state its cells left.

claim('a 1 x 1 convolution equals a dense layer applied to every pixel (difference below 1e-5)', diff1x1, diff1x1 < 1e-5);
const gapOut = gap.forward(A);
const gapDiff = await gapOut.reshape([2, 3]).sub(A.mean({ axis: [2, 3] })).abs().max().asScalar();
claim('global average pooling turns (2, 3, 2, 2) into (2, 3, 1, 1), the mean of each channel', [gapOut.shape.join(' x '), gapDiff], gapOut.shape.join(',') === '2,3,1,1' && gapDiff < 1e-6);

// Shapes and size of the scaled network.
const shapeAfter = (k) => table.rows[k]['output shape'];
claim('the first NiN block halves 28 x 28 to 16 x 14 x 14', shapeAfter(0), shapeAfter(0) === '16 x 14 x 14');
const last = table.rows[table.rows.length - 1]['output shape'];
claim('the network ends with 10 numbers per image, no dense layer', last, last === '10' && !net.collectParams().keys().some((k) => k.includes('dense')));
claim("the whole network has fewer parameters than LeNet's first dense layer (48,120)", table.parameters, table.parameters < 48120);

// Training.
const testAcc = await d2l.evaluateAccuracy(testIter, net);
claim('the scaled NiN reaches at least 0.85 test accuracy after three epochs', testAcc, testAcc >= 0.85);
claim('the training loss falls from epoch to epoch', result.history.map((h) => h.trainLoss),
  result.history.every((h, i) => i === 0 || h.trainLoss < result.history[i - 1].trainLoss));
const firstEpochAcc = result.history[0].testAcc;
claim('after the first epoch the test accuracy is around 0.8 (0.7 to 0.85)', firstEpochAcc, firstEpochAcc > 0.7 && firstEpochAcc < 0.85);
// LeNet (Section 5.2) has 61,706 parameters; "about a seventh" of them.
claim("the scaled NiN has about a seventh of LeNet's 61,706 parameters (6 to 8.5 times fewer)", 61706 / table.parameters, 61706 / table.parameters > 6 && 61706 / table.parameters < 8.5);
