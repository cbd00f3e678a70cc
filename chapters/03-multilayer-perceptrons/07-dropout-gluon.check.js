// Claims of "Dropout with Gluon", measured on the trained network and the Dropout layer.
const predictOut = Array.from(await drop.forward(X).data());
claim('Dropout in prediction mode returns its input unchanged', predictOut, predictOut.every((v) => v === 1));
const trainOut = Array.from(await autograd.record(() => drop.forward(nd.ones([100, 100]))).data());
const zeros = trainOut.filter((v) => v === 0).length / trainOut.length;
claim('Dropout(0.5) in training mode: entries are 0 or 2, about half of them 0', zeros,
  trainOut.every((v) => v === 0 || v === 2) && Math.abs(zeros - 0.5) < 0.03);
const batch = [...testIter][0][0].get('0:16');
const p1 = await net.forward(batch).data(), p2 = await net.forward(batch).data();
claim('trained net predicts deterministically outside autograd.record', Array.from(p1).every((v, i) => v === p2[i]), Array.from(p1).every((v, i) => v === p2[i]));
const testAcc = await d2l.evaluateAccuracy(testIter, net);
claim('test accuracy after 5 epochs about 85% (0.83 to 0.88: it moves by about a point from epoch to epoch)', testAcc, testAcc >= 0.83 && testAcc <= 0.88);
