// Claims of "Stochastic Gradient Descent": averages over 300 random runs the cells made.

const theory = 0.01 / (1 - 0.8 ** 2) + 0.01 / (1 - 0.6 ** 2); // eta^2 / (1 - (1 - eta a)^2), a = 2 and 4
claim('the stationary mean squared distance for a constant rate 0.1 is about 0.043', theory, Math.abs(theory - 0.0434) < 1e-3);
claim('constant rate: after 50 steps the mean squared distance is near that floor (0.03 to 0.06)', floor50, floor50 > 0.03 && floor50 < 0.06);
claim('constant rate: still at the floor after 1000 steps (0.03 to 0.06)', floor1000, floor1000 > 0.03 && floor1000 < 0.06);
claim('exponential decay stalls: the runs stop about 0.7 from the minimum (root mean squared distance 0.55 to 0.85)', Math.sqrt(expDist), Math.sqrt(expDist) > 0.55 && Math.sqrt(expDist) < 0.85);
claim('polynomial decay ends about ten times closer than the constant rate (over 5 times)', [polyDist, floor1000], polyDist * 5 < floor1000);
const total = Array.from({ length: 5000 }, (_, t) => exponentialLr(t + 1)).reduce((a, b) => a + b, 0);
claim('the exponential rates sum to about 0.95', total, Math.abs(total - 0.95) < 0.01);
