// Claims of "Convolutional Neural Networks With Gluon", read from the trained net.
const shapes = [];
let H = nd.zeros([1, 1, 28, 28]);
for (let i = 0; i < net.length; i++) { H = net.get(i).forward(H); shapes.push(H.shape.slice(1).join('x')); }
claim('layer output shapes 6x28x28, 6x14x14, 16x10x10, 16x5x5, 120, 84, 10', shapes,
  JSON.stringify(shapes) === JSON.stringify(['6x28x28', '6x14x14', '16x10x10', '16x5x5', '120', '84', '10']));
const all = net.collectParams();
const numParams = all.keys().reduce((n, k) => n + all.getByName(k).data().size, 0);
claim('Gluon LeNet has the 61,706 parameters of the table', numParams, numParams === 61706);
// The first dense layer: the first layer whose weight is 2-D.
const firstDense = [...Array(net.length).keys()].map((i) => net.get(i)).find((layer) => layer.weight && layer.weight.data().shape.length === 2);
const denseShare = (firstDense.weight.data().size + firstDense.bias.data().size) / numParams;
claim('nearly four fifths of the parameters sit in the first dense layer (0.75 to 0.8)', denseShare, denseShare > 0.75 && denseShare < 0.8);
const testAcc = await d2l.evaluateAccuracy(testIter, net);
claim('Gluon LeNet: test accuracy at least 0.85', testAcc, testAcc >= 0.85);
