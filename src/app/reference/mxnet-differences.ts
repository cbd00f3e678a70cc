/**
 * Where the library deliberately differs from MXNet, and why: shown at the top of the library
 * reference page. Each item is one behaviour a reader coming from MXNet would otherwise trip on.
 */
import type { BookLang } from '../../content/book-lang';

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

/** The same, in Chinese (the library's names and messages stay English, as MXNet's did). */
const MXNET_DIFFERENCES_ZH: readonly Difference[] = [
  {
    title: '名称与关键字参数',
    text: '名称采用驼峰式（camelCase），关键字参数放在一个选项对象中：MXNet的 `nd.sum(x, axis=1, keepdims=True)` 在这里是 `nd.sum(x, { axis: 1, keepDims: true })`。未知的选项会报错并列出有效的选项，而不是被悄悄忽略。',
  },
  {
    title: '运算符是方法',
    text: "JavaScript没有运算符重载：`x + y` 写作 `x.add(y)`，`x[1:3] = v` 写作 `x.set(v, '1:3')`，`x[:, 0]` 写作 `x.get(':', 0)`，`x += y` 写作 `x.addInPlace(y)`。",
  },
  {
    title: '读取是异步的',
    text: '浏览器中的GPU以异步方式响应读取，所以 `x.asscalar()` 写作 `await x.asScalar()`，`x.asnumpy()` 写作 `await x.toArray()`。同步的 `...Sync()` 读取在WASM和WebGL上可用；在WebGPU上它们会抛出SyncReadError，而不是返回错误的值，凡是在那里需要同步读取的操作也是如此，例如由一维NDArray构造的ArrayDataset的元素（请改用DataLoader，或者传入 `await y.data()`）。',
  },
  {
    title: '同一时间只用一个设备',
    text: '页面只运行一个后端：`mx.gpu()` 是WebGPU（或WebGL），`mx.cpu()` 是WASM，同一个内核中的数组不能在两者之间复制；用 `asInContext` 转到另一个设备会报错，并说明如何在那个设备上重启。',
  },
  {
    title: '两种元素类型',
    text: '数组的元素类型是float32（默认，与MXNet相同）或int32。比较运算和 `argmax` 与MXNet一样返回float32；没有float64、float16或uint8。',
  },
];

/** The differences in the page's language. */
export function mxnetDifferences(lang: BookLang): readonly Difference[] {
  return lang === 'zh' ? MXNET_DIFFERENCES_ZH : MXNET_DIFFERENCES;
}
