// Copies TensorFlow.js's WASM binaries to public/tfjs-wasm/ under fixed names. The kernel worker
// runs from a blob URL inside an opaque-origin sandbox, where bundler-relative asset URLs do not
// resolve; it is told this absolute folder instead (see src/kernel/page/client.ts, wasmBase).
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
const to = join(root, 'public/tfjs-wasm');
const files = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];

await mkdir(to, { recursive: true });
let copied = 0;
for (const f of files) {
  const src = join(from, f);
  const dst = join(to, f);
  const [a, b] = await Promise.all([stat(src), stat(dst).catch(() => null)]);
  if (b && b.size === a.size && b.mtimeMs >= a.mtimeMs) continue;
  await copyFile(src, dst);
  copied++;
}
console.log(`wasm: ${copied ? `copied ${copied} TensorFlow.js WASM binaries to` : 'binaries already in'} public/tfjs-wasm`);
