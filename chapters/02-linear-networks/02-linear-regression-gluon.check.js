// Claims of "Linear Regression With Gluon", read from the trained network and the one-step comparison.
const wTrained = Array.from(await net.get(0).weight.data().data());
const bTrained = await net.get(0).bias.data().asScalar();
claim('w[0] within 0.01 of 2', wTrained[0], Math.abs(wTrained[0] - 2) < 0.01);
claim('w[1] within 0.01 of -3.4', wTrained[1], Math.abs(wTrained[1] + 3.4) < 0.01);
claim('b within 0.01 of 4.2', bTrained, Math.abs(bTrained - 4.2) < 0.01);
const finalLoss = await loss.forward(net.forward(features), labels).mean().asScalar();
claim('final training loss below 1e-4 (noise alone gives about 5e-5)', finalLoss, finalLoss < 1e-4);
const ratio = (name) => rows.find((r) => r[0] === name)[2];
const gluonVsScratch = await updates['Gluon: L2Loss + step(batchSize)'].sub(updates['scratch: squaredLoss + sgd']).norm().asScalar();
claim('one Gluon step (L2Loss + step(batchSize)) equals one scratch step (norm of the difference)', gluonVsScratch, gluonVsScratch <= 1e-6 * Math.max(reference, 1e-3));
claim('a loss without the 1/2 doubles the step', ratio('Gluon: (yHat - y)² without ½'), Math.abs(ratio('Gluon: (yHat - y)² without ½') - 2) < 1e-3);
claim('averaging the loss and stepping by batchSize shrinks the step by the batch size', ratio('Gluon: L2Loss averaged + step(batchSize)'), Math.abs(ratio('Gluon: L2Loss averaged + step(batchSize)') - 1 / batchSize) < 1e-3);
