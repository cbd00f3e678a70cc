// Claims of "Adaptive Learning Rates": the 2-D paths (deterministic) and the Fashion-MNIST runs.

claim('AdaGrad, learning rate 0.4: still over 2 from the minimum after 20 steps', distance(adagradPath), distance(adagradPath) > 2);
claim('RMSProp, learning rate 0.4: within 0.05 of the minimum after 20 steps', distance(rmspropPath), distance(rmspropPath) < 0.05);
claim('AdaDelta: still over 3 from the minimum after 100 steps', distance(adadeltaPath), distance(adadeltaPath) > 3);
// AdaGrad's steps shrink: along x1 (steady gradient sign) each step is smaller than the one before.
const x1Steps = adagradPath.slice(1).map(([a], i) => Math.abs(a - adagradPath[i][0]));
claim("AdaGrad's steps along x1 shrink at every step", x1Steps.map((s) => s.toFixed(3)).join(', '), x1Steps.every((s, i) => i === 0 || s < x1Steps[i - 1]));
claim("AdaGrad's first step moves each coordinate by the learning rate (the gradient's scale cancels)", [adagradPath[1][0] - adagradPath[0][0], adagradPath[1][1] - adagradPath[0][1]],
  Math.abs(adagradPath[1][0] - adagradPath[0][0] - 0.4) < 1e-4 && Math.abs(adagradPath[1][1] - adagradPath[0][1] - 0.4) < 1e-4);
const firstAdadelta = Math.hypot(adadeltaPath[1][0] - adadeltaPath[0][0], adadeltaPath[1][1] - adadeltaPath[0][1]);
claim("AdaDelta's first step is tiny, about sqrt(epsilon / (1 - rho)) per coordinate (under 0.02)", firstAdadelta, firstAdadelta < 0.02);
claim('Fashion-MNIST: one epoch with each of adagrad, rmsprop and adadelta reaches a test accuracy of at least 0.75', names.map((k) => results[k].testAcc), names.every((k) => results[k].testAcc >= 0.75));
