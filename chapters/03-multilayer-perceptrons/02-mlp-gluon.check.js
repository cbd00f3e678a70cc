// Claims of "Multilayer Perceptrons With Gluon", measured on the state the section's cells left.
const shapes = [...net.collectParams()].map(([name, p]) => `${name} ${p.shape.join('x')}`);
claim('inferred parameter shapes: (256, 784), (256,), (10, 256), (10,)', shapes, JSON.stringify([...net.collectParams()].map(([, p]) => p.shape)) === JSON.stringify([[256, 784], [256], [10, 256], [10]]));
const testAcc = await d2l.evaluateAccuracy(testIter, net);
claim(`test accuracy after ${numEpochs} epochs at least 0.85`, testAcc, testAcc >= 0.85);
