// Claims of "Multilayer Perceptrons With Gluon", measured on the state the section's cells left.
const shapes = [...net.collectParams()].map(([name, p]) => `${name} ${p.shape.join('x')}`);
claim('inferred parameter shapes: (256, 784), (256,), (10, 256), (10,)', shapes, JSON.stringify([...net.collectParams()].map(([, p]) => p.shape)) === JSON.stringify([[256, 784], [256], [10, 256], [10]]));
const testAcc = await d2l.evaluateAccuracy(testIter, net);
// About 85%, within the point or two the last epoch's test accuracy moves (0.8466 to 0.8672 seen).
claim(`test accuracy after ${numEpochs} epochs about 0.85 (0.83 to 0.89)`, testAcc, testAcc >= 0.83 && testAcc <= 0.89);
