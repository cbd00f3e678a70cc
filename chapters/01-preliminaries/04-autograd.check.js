// Claims of "Automatic Differentiation", recomputed from the arrays its cells left.
const same = (p, q) => JSON.stringify(p) === JSON.stringify(q);
const close = (p, q, tol) => p.length === q.length && p.every((v, i) => Math.abs(v - q[i]) <= tol * Math.max(1, Math.abs(q[i])));

// The first example: record y = 2 x^T x again and compare the gradient with 4x.
const xCheck = nd.arange(4).reshape(4, 1);
xCheck.attachGrad();
autograd.record(() => nd.dot(xCheck.T, xCheck).mul(2)).backward();
claim('the gradient of 2 x^T x at x = (0, 1, 2, 3) is 4x', Array.from(await xCheck.grad.data()), same(Array.from(await xCheck.grad.data()), [0, 4, 8, 12]));
claim('backward on the non-scalar x * x gave 2x', Array.from(await x.grad.data()), same(Array.from(await x.grad.data()), [0, 2, 4, 6]));

const controlGrad = await a.grad.asScalar();
const ratio = await c.div(a).asScalar();
claim('gradient through the loop and branch equals f(a) / a (relative error)', Math.abs(controlGrad - ratio) / Math.abs(ratio), Math.abs(controlGrad - ratio) <= 1e-3 * Math.abs(ratio));

const chainedValues = Array.from(await chained.data());
const byHandValues = Array.from(await byHand.data());
claim('head gradient exp(y) chained to 2 x exp(x^2)', chainedValues, close(chainedValues, byHandValues, 1e-4));
claim('detach: gradient of u * p with u = p^2 held constant is u', Array.from(await p.grad.data()), same(Array.from(await p.grad.data()), [1, 4, 9]));
claim('gradReq add: three backward passes summed to 6q', Array.from(await q.grad.data()), same(Array.from(await q.grad.data()), [6, 12, 18]));
const exact = base.map((v) => 3 * v * v + 1 - Math.tanh(v) ** 2);
claim('autograd matches the exact derivative 3x^2 + 1 - tanh(x)^2', autogradValues, close(autogradValues, exact, 1e-5));
const worst = Math.max(...numericValues.map((v, i) => Math.abs(v - autogradValues[i]) / Math.max(1, Math.abs(autogradValues[i]))));
claim('central differences agree with autograd to 1e-2 (largest relative difference)', worst, worst < 1e-2);
