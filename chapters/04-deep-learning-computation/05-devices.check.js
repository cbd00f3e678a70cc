// Claims of "Devices: WebGPU, WebGL, WASM and CPU", true on any backend the kernel runs on.
const running = mx.backendInfo().name;
const runningType = running === 'webgpu' || running === 'webgl' ? 'gpu' : 'cpu';
claim('the current context is the running backend', [running, mx.currentContext().toString()],
  mx.currentContext().toString() === `${running}(0)` && mx.currentContext().deviceType === runningType && mx.numGpus() === (runningType === 'gpu' ? 1 : 0));
claim('tryGpu, d2l.tryGpu and the arrays made with { ctx } are on the current context', [ctx.toString(), Y.context.toString(), x.context.toString()],
  ctx.equals(mx.currentContext()) && d2l.tryGpu().equals(ctx) && Y.context.equals(ctx) && x.context.equals(ctx));
claim("the network's parameters and output live on ctx", net.get(0).weight.listCtx().map(String),
  net.get(0).weight.listCtx().every((c) => c.equals(ctx)) && netOut.context.equals(ctx));
claim('copyTo makes a new array with equal values; asInContext returns the same object', await xCopy.toArray(),
  xCopy !== x && JSON.stringify(await xCopy.toArray()) === JSON.stringify(await x.toArray()) && x.asInContext(mx.currentContext()) === x);
claim('copying to the device that is not running fails and says one backend runs at a time', copyError && copyError.message,
  copyError !== null && copyError.message.includes('one backend runs at a time'));
claim('after timing every backend the kernel is back on the one it started on', [startedOn, running], running === startedOn);
claim('the running backend was timed at every size', timings[running], Array.isArray(timings[running]) && timings[running].length === sizes.length && timings[running].every((t) => t > 0));
claim('every backend of the ladder was either timed or reported unavailable with a reason', { timed, unavailable: Object.keys(unavailable) },
  mx.ladder.every((name) => (timings[name] !== undefined) !== (unavailable[name] !== undefined)) && Object.values(unavailable).every((r) => typeof r === 'string' && r.length > 0));
const worst = Math.max(...Object.values(maxRelativeError));
claim('every available backend computes the 64x64 product to within 1e-5 of the exact one (worst relative error)', maxRelativeError,
  Object.keys(maxRelativeError).length === timed.length && worst < 1e-5);
// The probe cell: this kernel was started on a named backend (the book's test asks for WASM),
// so, as the prose says, no probe ran and backendInfo() carries none.
claim('a kernel started on a named backend carries no probe (mx.backendInfo().probe)', String(probe), probe === undefined);
// The recorded outputs come from a machine without a graphics card (software WebGPU and WebGL):
// the prose's numbers for that machine. On a machine with a GPU these claims do not apply.
if (running === 'wasm') {
  const wasmGflops = gflops(512, timings.wasm[3]);
  claim('WASM does tens of billions of FLOP/s on the n = 512 product (over 10 GFLOP/s)', wasmGflops, wasmGflops > 10);
  const slower = { webgpu: timings.webgpu?.[3] / timings.wasm[3], webgl: timings.webgl?.[3] / timings.wasm[3] };
  claim('software WebGPU and WebGL are ten or more times slower than WASM on the n = 512 product', slower, slower.webgpu >= 10 && slower.webgl >= 10);
  claim('software WebGPU is around a hundred times slower than WASM or more on the n = 512 product (over 80; how-to-use section)', slower.webgpu, slower.webgpu > 80);
}
