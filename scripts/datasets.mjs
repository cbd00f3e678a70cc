// The datasets the book needs, with their sizes and sha256 values.
// Source of truth: ../shared/data/README.md (every file matches its official or D2L release).
// `path` is relative to the data root (public/data/ in this repo, or $HANDSON_DATA_DIR).

const FASHION = 'http://fashion-mnist.s3-website.eu-central-1.amazonaws.com';
const D2L = 'http://d2l-data.s3-accelerate.amazonaws.com';

/** @type {ReadonlyArray<{path: string, bytes: number, sha256: string, url: string}>} */
export const DATASETS = Object.freeze([
  {
    path: 'fashion-mnist/train-images-idx3-ubyte.gz',
    bytes: 26421880,
    sha256: '3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84',
    url: `${FASHION}/train-images-idx3-ubyte.gz`,
  },
  {
    path: 'fashion-mnist/train-labels-idx1-ubyte.gz',
    bytes: 29515,
    sha256: 'a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845',
    url: `${FASHION}/train-labels-idx1-ubyte.gz`,
  },
  {
    path: 'fashion-mnist/t10k-images-idx3-ubyte.gz',
    bytes: 4422102,
    sha256: '346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073',
    url: `${FASHION}/t10k-images-idx3-ubyte.gz`,
  },
  {
    path: 'fashion-mnist/t10k-labels-idx1-ubyte.gz',
    bytes: 5148,
    sha256: '67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5',
    url: `${FASHION}/t10k-labels-idx1-ubyte.gz`,
  },
  {
    path: 'kaggle_house_pred_train.csv',
    bytes: 460676,
    sha256: '1e18addf81e5e4d347cc17ee6075bbe4a42b7fa26b9e5b063e8f692a5f929d41',
    url: `${D2L}/kaggle_house_pred_train.csv`,
  },
  {
    path: 'kaggle_house_pred_test.csv',
    bytes: 451405,
    sha256: '8fdd3d829d4d986b58f845c9553b225e67dd8383624d90fb6ca1d4bed5798c1e',
    url: `${D2L}/kaggle_house_pred_test.csv`,
  },
  {
    path: 'timemachine.txt',
    bytes: 178979,
    sha256: '8424dbd9532ac81f7e5f0b6add90e6952baea29158309d7d1bf3884f4e12c516',
    url: `${D2L}/timemachine.txt`,
  },
].map((d) => Object.freeze(d)));
