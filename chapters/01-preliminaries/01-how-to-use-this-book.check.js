// Claims of "How to Use This Book", computed from the state its cells left behind.
const expectedSum = (11 * 12) / 2;
claim('x.sum() read with await equals 0 + 1 + ... + 11 = 66', total, total === expectedSum);
claim('the array x lives on the context mx.currentContext() names', String(x.context), x.context.equals(mx.currentContext()));
claim('the darts drew 200,000 points in 200 rounds', drawn, drawn === 200000);
claim('the dart estimate of π is within 0.05 of π (standard error about 0.004)', piEstimate, Math.abs(piEstimate - Math.PI) < 0.05);
claim('the TypeScript cell ran: describeWords counts the words of the greeting', describeWords(words), describeWords(words) === '4 words, the longest has 6 letters');
