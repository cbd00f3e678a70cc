// d2l.tryGpu: the GPU context when a GPU backend runs, else the CPU one; arrays can be made there.
import { beforeAll, expect, it } from 'vitest';
import { d2l, mx, nd } from '../../../../src/lib/index';
import { useBackend } from '../../helpers/backend';

beforeAll(useBackend);

it('tryGpu names the device the running backend is, so arrays can be made on it', async () => {
  const ctx = d2l.tryGpu();
  const running = mx.backendInfo().name;
  expect(ctx.deviceType).toBe(running === 'webgpu' || running === 'webgl' ? 'gpu' : 'cpu');
  expect(ctx.equals(mx.currentContext())).toBe(true);
  const x = nd.ones([2, 2], { ctx });
  expect(x.context.equals(ctx)).toBe(true);
  expect(await x.sum().asScalar()).toBe(4);
});
