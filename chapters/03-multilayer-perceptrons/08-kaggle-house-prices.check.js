// Claims of "A Kaggle Competition: House Prices", from the data, the cross-validation results and
// the submission the cells produced.
// The parser written in the section agrees with d2l.parseCsv, on the sample and on a real file's rows.
const parsedSample = parseCsv(sample);
claim('parseCsv: a quoted comma and doubled quotes read as one field', parsedSample[1][2],
  JSON.stringify(parsedSample) === JSON.stringify(d2l.parseCsv(sample)) && parsedSample[1][2] === 'corner lot, "quiet"' && parsedSample.length === 3);
const rebuilt = [trainData.columns, ...trainData.rows.slice(0, 50)].map((r) => r.map((v) => (v === null ? 'NA' : String(v))).join(',')).join('\n');
claim('parseCsv agrees with d2l.parseCsv on the first 50 rows of the training file (records)', parseCsv(rebuilt).length,
  parseCsv(rebuilt).length === 51 && JSON.stringify(parseCsv(rebuilt)) === JSON.stringify(d2l.parseCsv(rebuilt)));
claim('data: 1460 training houses (81 columns), 1459 test houses (80 columns)',
  [trainData.numRows, trainData.columns.length, testData.numRows, testData.columns.length],
  trainData.numRows === 1460 && trainData.columns.length === 81 && testData.numRows === 1459 && testData.columns.length === 80);

// Preprocessing: standardized numeric columns have mean 0 and variance 1 over all houses (missing
// values, set to 0, pull the variance a little below 1); one-hot groups hold exactly one 1 per house.
const X = await allFeatures.toArray();
const finite = X.every((row) => row.every(Number.isFinite));
claim('features: no NaN or infinite value after preprocessing', allFeatures.shape, finite);
let worstMean = 0, worstVar = 0, maxVar = 0, minVar = { value: Infinity, name: '' };
featureColumns.forEach((col, j) => {
  if (col.name.includes('_')) return; // one-hot columns
  const v = X.map((row) => row[j]);
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  const variance = v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1);
  worstMean = Math.max(worstMean, Math.abs(m));
  worstVar = Math.max(worstVar, Math.abs(1 - variance));
  maxVar = Math.max(maxVar, variance);
  if (variance < minVar.value) minVar = { value: variance, name: col.name };
});
claim('numeric features standardized: |mean| < 0.01 and variance within 0.2 of 1 (worst column)', [worstMean, worstVar], worstMean < 0.01 && worstVar < 0.2);
claim('filling missing values with 0 never raises a variance above 1 and lowers LotFrontage\'s, a sixth missing, to about 5/6 (0.8 to 0.87)', [maxVar, minVar],
  maxVar < 1 + 1e-4 && minVar.name === 'LotFrontage' && minVar.value > 0.8 && minVar.value < 0.87);
const groups = new Map();
featureColumns.forEach((col, j) => {
  const name = featureNames.find((f) => col.name.startsWith(`${f}_`) && col.name !== f);
  if (name !== undefined) groups.set(name, [...(groups.get(name) ?? []), j]);
});
const oneHotOk = [...groups.values()].every((js) => X.every((row) => js.reduce((a, j) => a + row[j], 0) === 1));
claim('categorical features one-hot: each house has exactly one 1 per categorical feature', groups.size, oneHotOk && groups.size === featureNames.length - numNumeric);

// Cross-validation, as the table shows it, and recomputed from the per-fold results.
const avgValid = cv.results.reduce((a, r) => a + r['valid log RMSE'], 0) / cv.results.length;
claim('5-fold average validation log RMSE <= 0.2', avgValid, cv.results.length === 5 && avgValid <= 0.2);

// The final model, re-evaluated on the training set.
const finalTrain = await logRmse(net, trainFeatures, trainLabels);
claim('model trained on all data: training log RMSE <= 0.2', finalTrain, finalTrain <= 0.2);

// The submission file: header, one row per test house in Id order, positive prices.
const records = d2l.parseCsv(submissionText);
const [header, ...lines] = records;
claim('submission: header Id,SalePrice', header.join(','), header.join(',') === 'Id,SalePrice');
claim('submission: 1459 rows', lines.length, lines.length === 1459);
const ids = lines.map((r) => Number(r[0]));
const prices = lines.map((r) => Number(r[1]));
claim('submission: Ids 1461..2919 in order, as in the test file', [ids[0], ids.at(-1)],
  ids.every((id, i) => id === testData.rows[i][0]) && ids[0] === 1461 && ids.at(-1) === 2919);
claim('submission: every price is a positive finite number', Math.min(...prices), prices.every((p) => Number.isFinite(p) && p > 0));
// "The validation error is close to the training error, so this linear model is not overfitting".
const avgTrain = cv.results.reduce((a, r) => a + r['train log RMSE'], 0) / cv.results.length;
claim('5-fold: the average validation log RMSE is within 15% of the average training log RMSE', [avgTrain, avgValid], Math.abs(avgValid - avgTrain) < 0.15 * avgTrain);
