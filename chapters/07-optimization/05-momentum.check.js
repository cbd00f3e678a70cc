// Claims of "Momentum": the 2-D paths (deterministic) and the Fashion-MNIST runs of the cells.

// Gradient descent at every learning rate up to the largest stable one (0.5) stays far away.
const etas = Array.from({ length: 10 }, (_, i) => 0.05 * (i + 1));
const gdDistances = etas.map((eta) => distance(d2l.train2d(gd2d(eta), 20)));
claim('ill-conditioned quadratic, gradient descent with any learning rate up to 0.5: over 0.6 from the minimum after 20 steps', Math.min(...gdDistances), gdDistances.every((d) => d > 0.6));
claim('gradient descent with learning rate 0.4: about 0.94 from the minimum after 20 steps', distance(gdPath), Math.abs(distance(gdPath) - 5 * 0.92 ** 20) < 1e-6);
claim('momentum (learning rate 0.6, beta 0.5): within 0.01 of the minimum after 20 steps', distance(momPath), distance(momPath) < 0.01);
claim('gradient descent with learning rate 0.6 diverges', distance(d2l.train2d(gd2d(0.6), 20)), distance(d2l.train2d(gd2d(0.6), 20)) > 10);
// The stability condition eta * lambda < 2 + 2 beta on the steep direction (lambda = 4), beta 0.5: eta < 0.75.
claim('momentum with beta 0.5 converges at learning rate 0.7 and diverges at 0.8', [distance(d2l.train2d(momentum2d(0.7, 0.5), 200)), distance(d2l.train2d(momentum2d(0.8, 0.5), 200))],
  distance(d2l.train2d(momentum2d(0.7, 0.5), 200)) < 1e-3 && distance(d2l.train2d(momentum2d(0.8, 0.5), 200)) > 10);

// Fashion-MNIST.
claim('Fashion-MNIST, learning rate 0.05: momentum 0.9 has a lower mean training loss than SGD in each epoch', [sgdLosses, momentumLosses], momentumLosses.every((l, i) => l < sgdLosses[i]));
claim('Fashion-MNIST: momentum\'s first-epoch loss is at least 0.2 lower', sgdLosses[0] - momentumLosses[0], sgdLosses[0] - momentumLosses[0] > 0.2);
claim('Fashion-MNIST: one epoch with gluon\'s momentum reaches a test accuracy of at least 0.7', gluonAcc, gluonAcc >= 0.7);
