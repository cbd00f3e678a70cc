// Claims of "Learning-Rate Scheduling": the schedules as computed, and the three Fashion-MNIST runs.

const [factorCurve, multiCurve, cosCurve, warmCurve] = curves;
claim('factor schedule: 0.5 * 0.9^19 after 1000 updates', factorCurve[T], Math.abs(factorCurve[T] - 0.5 * 0.9 ** 19) < 1e-12);
claim('multi-factor: 0.5, then 0.05 after update 300, 0.005 after 600', [multiCurve[300], multiCurve[301], multiCurve[601]], multiCurve[300] === 0.5 && Math.abs(multiCurve[301] - 0.05) < 1e-12 && Math.abs(multiCurve[601] - 0.005) < 1e-12);
claim('cosine: from 0.5 to 0.01, half way (0.255) at update 500', [cosCurve[0], cosCurve[500], cosCurve[T]], cosCurve[0] === 0.5 && Math.abs(cosCurve[500] - 0.255) < 1e-12 && Math.abs(cosCurve[T] - 0.01) < 1e-12);
claim('warm-up: the rate rises linearly from 0 to 0.5 over the first 100 updates', [warmCurve[0], warmCurve[50], warmCurve[100]], warmCurve[0] === 0 && Math.abs(warmCurve[50] - 0.25) < 1e-12 && warmCurve[100] === 0.5);

claim('constant run: the trainer\'s rate stays 0.5', results.constant.rates, results.constant.rates.every((r) => r === 0.5));
claim('factor run: after three epochs (705 updates) the rate is under a quarter of its start (0.5 * 0.9^14)', results.factor.rates[2], Math.abs(results.factor.rates[2] - 0.5 * 0.9 ** 14) < 1e-9);
claim('cosine run: ends at its final rate 0.01', results.cosine.rates[2], Math.abs(results.cosine.rates[2] - 0.01) < 1e-9);
claim('every run reaches a test accuracy of at least 0.8', names.map((k) => results[k].testAcc), names.every((k) => results[k].testAcc >= 0.8));
claim('the decayed schedules (factor, cosine) end with a lower last-epoch training loss than the constant rate', names.map((k) => results[k].epochLosses[2]),
  results.factor.epochLosses[2] < results.constant.epochLosses[2] && results.cosine.epochLosses[2] < results.constant.epochLosses[2]);
