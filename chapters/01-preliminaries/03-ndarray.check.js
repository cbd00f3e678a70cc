// Claims of "Working With Data: NDArray", computed from the arrays its cells made.
const same = (p, q) => JSON.stringify(p) === JSON.stringify(q);
claim('nd.arange(12) is one-dimensional: shape (12), not a 1 x 12 row', nd.arange(12).shape, same(nd.arange(12).shape, [12]));
claim('reshape(3, 4) of arange(12) has shape (3, 4) with 0..11 in row order', X.shape,
  same(X.shape, [3, 4]) && same(await X.toArray(), [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]));
claim('concat along rows gives (6, 4) and along columns (3, 8)', [rows.shape, cols.shape], same(rows.shape, [6, 4]) && same(cols.shape, [3, 8]));
const xy = await nd.dot(X, Y.T).toArray();
const xyByHand = [0, 1, 2].map((i) => [0, 1, 2].map((j) => nested[i].reduce((s, v, k) => s + v * (j === 0 ? [2, 1, 4, 3] : j === 1 ? [1, 2, 3, 4] : [4, 3, 2, 1])[k], 0)));
claim('nd.dot(X, Y.T) equals the products computed by hand in JavaScript', xy, same(xy, xyByHand));
claim('broadcasting (3, 1) + (1, 2) gives a_i + b_j', await a.add(b).toArray(), same(await a.add(b).toArray(), [[0, 1], [1, 2], [2, 3]]));
const colMeans = Array.from(await centered.mean({ axis: 0 }).data());
claim('centered columns have mean 0 (largest absolute mean)', Math.max(...colMeans.map(Math.abs)), Math.max(...colMeans.map(Math.abs)) < 1e-6);
claim('set wrote one element, two rows and a column', await Z.toArray(),
  same(await Z.toArray(), [[12, 12, 12, -1], [12, 12, 12, -2], [8, 9, 10, -3]]));
claim('X is unchanged by writes into its copy Z', await X.get(1, 2).asScalar(), (await X.get(1, 2).asScalar()) === 6);
claim('rebinding W gave a new array', W === original, W !== original);
claim('set, out and addInPlace kept the same array', [sameAfterSet, sameAfterOut, sameAfterAddInPlace], sameAfterSet && sameAfterOut && sameAfterAddInPlace);
const pExpected = nested.map((row, i) => row.map((v, j) => 2 * v + (j === 0 ? [2, 1, 4] : j === 1 ? [1, 2, 3] : j === 2 ? [4, 3, 2] : [3, 4, 1])[i]));
claim('P = (X + Y) + X after the in-place writes', await P.toArray(), same(await P.toArray(), pExpected));
claim('toArray then nd.array round-trips all 12 values', await roundTrip.equal(X).sum().asScalar(), (await roundTrip.equal(X).sum().asScalar()) === 12);
claim('asScalar returns a JavaScript number (sum 66)', total, typeof total === 'number' && total === 66);
let dotError = '';
try { nd.dot(X, Y); } catch (e) { dotError = `${e.name}: ${e.message}`; }
claim('the misaligned product fails with a ShapeError that names both shapes', dotError, dotError.startsWith('ShapeError') && dotError.includes('(3, 4) and (3, 4)'));
