/**
 * Where the library deliberately differs from MXNet, and why: shown at the top of the library
 * reference page. Each item is one behaviour a reader coming from MXNet would otherwise trip on.
 */
export interface Difference {
  title: string;
  /** Plain text; `code spans` are set as code. */
  text: string;
}

export const MXNET_DIFFERENCES: readonly Difference[] = [
  {
    title: 'Names and keyword arguments',
    text: "Names are camelCase and keyword arguments go in an options object: MXNet's `nd.sum(x, axis=1, keepdims=True)` is `nd.sum(x, { axis: 1, keepDims: true })`. An unknown option is an error that lists the valid ones, not silently ignored.",
  },
  {
    title: 'Operators are methods',
    text: 'JavaScript has no operator overloading: `x + y` is `x.add(y)`, `x[1:3] = v` is `x.set(v, \'1:3\')`, `x[:, 0]` is `x.get(\':\', 0)`, `x += y` is `x.addInPlace(y)`.',
  },
  {
    title: 'Reads are asynchronous',
    text: "A GPU in the browser answers reads asynchronously, so `x.asscalar()` is `await x.asScalar()` and `x.asnumpy()` is `await x.toArray()`. The synchronous `...Sync()` reads work on WASM and WebGL; on WebGPU they raise SyncReadError instead of returning wrong values, and so does anything that needs one there, such as the items of an ArrayDataset made from a 1-D NDArray (use a DataLoader, or pass `await y.data()`).",
  },
  {
    title: 'One device at a time',
    text: 'The page runs one backend: `mx.gpu()` is WebGPU (or WebGL), `mx.cpu()` is WASM, and arrays cannot be copied between them within one kernel; `asInContext` to the other device is an error that says how to restart on it.',
  },
  {
    title: 'Two element types',
    text: "Arrays are float32 (the default, as MXNet) or int32. Comparisons and `argmax` return float32 as MXNet does; there is no float64, float16 or uint8.",
  },
];
