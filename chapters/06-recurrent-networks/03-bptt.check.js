// Claims of "Backpropagation Through Time", read from the measured gradient norms (norms[k][t]:
// scale sigmas[k], hidden state of step t + 1, loss at step 35).

const [small, unit, large] = norms;
const ratio = (n) => n[0] / n[34]; // 34 steps back, relative to the last step
claim('sigma = 0.5: the gradient 34 steps back is more than ten orders of magnitude smaller', ratio(small), ratio(small) < 1e-10);
{
  // a roughly constant factor per step: every step back shrinks the norm, by between 0.3 and 0.7
  const factors = small.slice(0, 34).map((v, t) => v / small[t + 1]);
  claim('sigma = 0.5: a straight line on the log scale (every step back multiplies the norm by 0.3 to 0.7)', [Math.min(...factors), Math.max(...factors)], factors.every((f) => f > 0.3 && f < 0.7));
}
claim('sigma = 2: the norm grows going back, by a factor of more than ten; the furthest steps get the largest gradients', ratio(large), ratio(large) > 10 && large.indexOf(Math.max(...large)) === 0);
claim('sigma = 1: it shrinks slowly, by a factor between 10 and 1000 over the 34 steps', ratio(unit), ratio(unit) > 1e-3 && ratio(unit) < 0.1);
