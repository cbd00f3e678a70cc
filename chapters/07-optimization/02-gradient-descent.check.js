// Claims of "Gradient Descent": the paths the section's cells computed, against the closed forms.

claim('x^2, eta 0.2: x after 10 steps is 10 * 0.6^10, about 0.06 (below 0.1)', results[10], Math.abs(results[10] - 10 * 0.6 ** 10) < 1e-9 && Math.abs(results[10]) < 0.1);
claim('x^2, eta 0.05: x after 10 steps is still about 3.5 (3.4 to 3.6)', slow[10], slow[10] > 3.4 && slow[10] < 3.6);
claim('x^2, eta 1.1: the iterate alternates in sign and ends over 60 from the minimum', diverging[10], diverging.every((x, i) => i === 0 || Math.sign(x) !== Math.sign(diverging[i - 1])) && Math.abs(diverging[10]) > 60);
claim('x1^2 + 2 x2^2, eta 0.1: within 0.1 of the minimum after 20 steps', Math.hypot(...end), Math.hypot(...end) < 0.1);
const [i1, i2] = illPath[illPath.length - 1];
claim('ill-conditioned, eta 0.4: still about 0.9 from the minimum after 20 steps (0.8 to 1), nearly all along x1', [i1, i2], Math.hypot(i1, i2) > 0.8 && Math.hypot(i1, i2) < 1 && Math.abs(i2) < 1e-3);
const above = d2l.train2d(gd2d(0.55, fIllGrad), 20);
const [a1, a2] = above[above.length - 1];
claim('ill-conditioned, eta 0.55 (above 0.5): the x2 coordinate grows instead of shrinking', a2, Math.abs(a2) > 2);
const best = d2l.train2d(gd2d(0.5, fIllGrad), 20);
claim('ill-conditioned: even at eta 0.5 the flat direction keeps over 0.6 of its distance (0.9^20 of 5)', best[20][0], Math.abs(best[20][0]) > 0.6);
