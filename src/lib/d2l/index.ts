/**
 * `d2l`: the helpers the chapters introduce, collected so later chapters can reuse them.
 * Each file's comment names the chapter that explains it.
 */
import { Animator } from './animator';
import { plot, plots } from './plot';
import { showImages, showTable } from './show';
import { loadDataFashionMnist, getFashionMnistLabels } from './fashion-mnist';
import { dataIter, linreg, sgd, squaredLoss, syntheticData } from './linear-regression';
import { accuracy, evaluateAccuracy, predictCh3, trainCh3 } from './classification';
import { tryGpu } from './devices';
import { corr2d, trainCh5 } from './cnn';
import { Timer } from './timer';
import { layerTable } from './layer-table';
import { CsvTable, loadCsv, parseCsv, formatCsv, saveCsv } from './csv';
import { loadKaggleHouseData } from './kaggle';
import { readTimeMachine, loadDataTimeMachine, dataIterRandom, dataIterConsecutive, toOnehot } from './text';
import { predictRnn, gradClipping, trainAndPredictRnn } from './rnn';
import { RNNModel, predictRnnGluon, trainAndPredictRnnGluon } from './rnn-gluon';
import { adam, initAdamStates } from './adam';
import { Progress, progress } from './progress';
import { controls } from './controls';
import { Trace2d, showTrace, showTrace2d, train2d } from './trace';

export const d2l = {
  Animator,
  plot,
  plots,
  showImages,
  showTable,
  loadDataFashionMnist,
  getFashionMnistLabels,
  syntheticData,
  dataIter,
  linreg,
  squaredLoss,
  sgd,
  accuracy,
  evaluateAccuracy,
  trainCh3,
  predictCh3,
  tryGpu,
  corr2d,
  trainCh5,
  Timer,
  layerTable,
  CsvTable,
  loadCsv,
  parseCsv,
  formatCsv,
  saveCsv,
  loadKaggleHouseData,
  readTimeMachine,
  loadDataTimeMachine,
  dataIterRandom,
  dataIterConsecutive,
  toOnehot,
  predictRnn,
  gradClipping,
  trainAndPredictRnn,
  RNNModel,
  predictRnnGluon,
  trainAndPredictRnnGluon,
  initAdamStates,
  adam,
  progress,
  Progress,
  controls,
  Trace2d,
  train2d,
  showTrace2d,
  showTrace,
};
