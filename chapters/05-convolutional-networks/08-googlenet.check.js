// Claims of "Networks With Parallel Paths (GoogLeNet)", computed from the state its cells left.

claim("GoogLeNet's first Inception block gives 64 + 128 + 32 + 32 = 256 channels at the input's size", incepOut.shape.join(' x '), incepOut.shape.join(',') === '2,256,8,8');
const finalShape = shapes[shapes.length - 1][1];
claim('the scaled GoogLeNet maps one 28 x 28 image to 10 scores', finalShape, finalShape === '1 x 10');
const incShapes = shapes.slice(4, 6).map((s) => s[1]);
claim('its Inception blocks give 32 and 60 channels of 7 x 7', incShapes.join(', '), incShapes.join(',') === '1 x 32 x 7 x 7,1 x 60 x 7 x 7');
const testAcc = await d2l.evaluateAccuracy(testIter, net);
claim('the scaled GoogLeNet reaches at least 0.85 test accuracy after two epochs', testAcc, testAcc >= 0.85);
