// Claims of "Optimization and Deep Learning": the plotted functions, evaluated.

claim('the minima of the risk and of the empirical risk differ (1.090 vs 1.017)', [riskMin, empiricalMin], Math.abs(riskMin - 1.09) < 0.002 && Math.abs(empiricalMin - 1.017) < 0.002);
claim('x cos(pi x) has two local minima on [-1, 2], at about -0.27 and 1.09, the second the global one', minima,
  minima.length === 2 && Math.abs(minima[0] + 0.274) < 0.002 && Math.abs(minima[1] - 1.09) < 0.002 && f(minima[1]) < f(minima[0]));
claim('x^3: zero derivative at 0, yet lower to the left and higher to the right', [(-0.1) ** 3, 0, 0.1 ** 3], 3 * 0 ** 2 === 0 && (-0.1) ** 3 < 0 && 0.1 ** 3 > 0);
claim('saddle: after 20 steps the gradient is nearly zero (norm under 0.2)', gradNorm(saddlePath[20]), gradNorm(saddlePath[20]) < 0.2);
claim('saddle: by step 40 the path has left along x2, where f keeps falling (f below -0.5)', saddle(...saddlePath[40]), saddle(...saddlePath[40]) < -0.5);
claim("tanh's derivative at 4 is about 0.0013", tanhGrad(4), Math.abs(tanhGrad(4) - 0.00134) < 0.00002);
