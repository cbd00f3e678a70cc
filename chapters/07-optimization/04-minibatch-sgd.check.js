// Claims of "Minibatch Stochastic Gradient Descent": the times measured by the cells on this backend.

const at = (b) => perExample[sizes.indexOf(b)];
claim('time per example falls steeply from batch 1 to batch 10 (over 2.5 times)', at(1) / at(10), at(1) / at(10) > 2.5);
claim('it keeps falling up to batch 100 (over 1.5 times from 10 to 100)', at(10) / at(100), at(10) / at(100) > 1.5);
claim('then it flattens: from 100 to 1000 it falls by less than the drop from 1 to 10', [at(100) / at(1000), at(1) / at(10)], at(100) / at(1000) < at(1) / at(10));
claim('a batch of 1000 costs under a tenth of the time per example of a batch of 1', at(1000) / at(1), at(1000) / at(1) < 0.1);
const seen = budgetRuns.map((r) => r.examples);
claim('in two seconds, the larger the batch the more examples seen', seen, seen[0] < seen[1] && seen[1] < seen[2]);
const steps = budgetRuns.map((r) => r.examples / r.b);
claim('in two seconds, the smaller the batch the more steps made', steps, steps[0] > steps[1] && steps[1] > steps[2]);
claim('every run learned something: test accuracy above chance (0.1) after two seconds', budgetRuns.map((r) => r.acc), budgetRuns.every((r) => r.acc > 0.2));
