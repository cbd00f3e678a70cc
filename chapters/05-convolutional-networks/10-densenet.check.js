// Claims of "Densely Connected Networks (DenseNet)", computed from the state its cells left.

claim('a dense block of 2 convolutions with growth rate 10 turns 3 channels into 23, same size', Yblk.shape.join(' x '), Yblk.shape.join(',') === '4,23,8,8');
const firstThree = await blk.forward(X).get(':', '0:3').sub(X).abs().max().asScalar();
claim("the dense block's first 3 channels are its input, unchanged", firstThree, firstThree === 0);
const tShape = trans.forward(Yblk).shape;
claim('the transition layer turns (4, 23, 8, 8) into (4, 10, 4, 4)', tShape.join(' x '), tShape.join(',') === '4,10,4,4');
const finalShape = shapes[shapes.length - 1][1];
claim('the scaled DenseNet maps one 28 x 28 image to 10 scores', finalShape, finalShape === '1 x 10');
const testAcc = await d2l.evaluateAccuracy(testIter, net);
claim('the scaled DenseNet reaches at least 0.87 test accuracy after two epochs', testAcc, testAcc >= 0.87);
