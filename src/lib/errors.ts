/**
 * The root of every error the library throws on purpose: `e instanceof LibraryError` tells the
 * library's own errors (each says what was expected, what came, and how to fix it) from a bug or
 * from TensorFlow.js. Each part has its own below it: NDArrayError (arrays, ops, autograd),
 * GluonError, AssetError, FileFormatError, CsvError. Python habits are NDArrayCoercionError, a
 * TypeError, as JavaScript's own coercion errors are.
 */
export class LibraryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
