/**
 * The Kaggle house-price data (Ames, Iowa; De Cock 2011), introduced in "A Kaggle competition:
 * house prices" (chapters/03-multilayer-perceptrons/08-kaggle-house-prices.md): the training
 * set (1460 houses, 79 features, Id and SalePrice) and the test set (1459 houses, no price).
 * Missing values ('NA' in the files) are null.
 */
import { loadCsv, type CsvTable } from './csv';

export const KAGGLE_HOUSE_TRAIN = 'kaggle_house_pred_train.csv';
export const KAGGLE_HOUSE_TEST = 'kaggle_house_pred_test.csv';

/** [trainData, testData] as tables. */
export async function loadKaggleHouseData(): Promise<[CsvTable, CsvTable]> {
  return Promise.all([loadCsv(KAGGLE_HOUSE_TRAIN), loadCsv(KAGGLE_HOUSE_TEST)]);
}
