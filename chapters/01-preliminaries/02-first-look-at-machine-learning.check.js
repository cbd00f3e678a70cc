// Claims of "A First Look at Machine Learning", computed from the state its cells left.
claim('learned slope w within 0.05 of the true 1.8', w, Math.abs(w - 1.8) < 0.05);
claim('learned offset b within 1 of the true 32', b, Math.abs(b - 32) < 1);
const initialLoss = (() => {
  let total = 0;
  for (let i = 0; i < trainC.length; i++) total += 0.5 * trainF[i] ** 2; // the loss of w = 0, b = 0
  return total / trainC.length;
})();
claim('training loss fell by a factor of at least 1000 from the starting rule', initialLoss / trainLoss, initialLoss / trainLoss > 1000);
claim('test loss below 0.5 (noise alone gives about 0.125)', testLoss, testLoss < 0.5);
claim('predicted boiling point within 3 °F of 212 °F', predict(100), Math.abs(predict(100) - 212) < 3);
const worstCenter = Math.max(...trueCenters.map((t) => Math.min(...centers.map((c) => Math.sqrt(dist2(t, c))))));
claim('k-means found every true center within 0.3 (largest distance)', worstCenter, worstCenter < 0.3);
