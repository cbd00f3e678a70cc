// Claims of "Adam": the 2-D paths (deterministic) and the Fashion-MNIST runs of the cells.

const corrSteps = stepSizes(corrected), rawSteps = stepSizes(uncorrected);
claim('with the bias correction the first step is eta * sqrt(2) (each coordinate moves by eta = 0.1)', corrSteps[0], Math.abs(corrSteps[0] - 0.1 * Math.SQRT2) < 1e-5);
claim('Adam without bias correction takes larger first steps: each of the first 5 over 3 times longer', rawSteps.slice(0, 5).map((s, i) => s / corrSteps[i]), rawSteps.slice(0, 5).every((s, i) => s > 3 * corrSteps[i]));
claim('the uncorrected first step is (1 - beta1) / sqrt(1 - beta2) = 3.16 times the corrected one', rawSteps[0] / corrSteps[0], Math.abs(rawSteps[0] / corrSteps[0] - 0.1 / Math.sqrt(0.001)) < 1e-3);
// Per-coordinate steps: at the start both coordinates move by the same amount although their gradients differ 8-fold.
claim('first step of corrected Adam: both coordinates move by 0.1 although their gradients are 1 and 8', [corrected[1][0] - corrected[0][0], corrected[1][1] - corrected[0][1]],
  Math.abs(corrected[1][0] - corrected[0][0] - 0.1) < 1e-5 && Math.abs(corrected[1][1] - corrected[0][1] - 0.1) < 1e-5);

claim('Fashion-MNIST, one epoch of Adam from scratch: test accuracy at least 0.8', scratchAcc, scratchAcc >= 0.8);
claim("Fashion-MNIST, one epoch of gluon's adam: test accuracy at least 0.8", gluonAcc, gluonAcc >= 0.8);
claim('from scratch and through gluon, the mean training losses are within 0.05 of each other', [scratchLoss / n, gluonLoss / m], Math.abs(scratchLoss / n - gluonLoss / m) < 0.05);
