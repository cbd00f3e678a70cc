/**
 * Plain-JavaScript loops that define convolution and pooling the slow, obvious way (MXNet's
 * formulas, NCHW, flat row-major arrays): an independent reference for values and for the
 * vector-Jacobian products, sharing no code with the library.
 */

export type Shape4 = [number, number, number, number];

export interface ConvSpec {
  stride: [number, number];
  pad: [number, number];
  dilate: [number, number];
  groups: number;
}

const at = (s: Shape4, a: number, b: number, c: number, d: number): number => ((a * s[1] + b) * s[2] + c) * s[3] + d;

export function convOutShape(xs: Shape4, ws: Shape4, o: ConvSpec): Shape4 {
  const oh = Math.floor((xs[2] + 2 * o.pad[0] - o.dilate[0] * (ws[2] - 1) - 1) / o.stride[0]) + 1;
  const ow = Math.floor((xs[3] + 2 * o.pad[1] - o.dilate[1] * (ws[3] - 1) - 1) / o.stride[1]) + 1;
  return [xs[0], ws[0], oh, ow];
}

/** Visits every (output, input, weight) triple of the convolution sum. */
function eachTap(xs: Shape4, ws: Shape4, o: ConvSpec, visit: (yi: number, xi: number, wi: number) => void): void {
  const ys = convOutShape(xs, ws, o);
  const [n, , h, w] = xs;
  const [f, cg, kh, kw] = ws;
  const fg = f / o.groups;
  for (let b = 0; b < n; b++)
    for (let q = 0; q < f; q++) {
      const g = Math.floor(q / fg);
      for (let i = 0; i < ys[2]; i++)
        for (let j = 0; j < ys[3]; j++)
          for (let c = 0; c < cg; c++)
            for (let a = 0; a < kh; a++)
              for (let e = 0; e < kw; e++) {
                const r = i * o.stride[0] + a * o.dilate[0] - o.pad[0];
                const s = j * o.stride[1] + e * o.dilate[1] - o.pad[1];
                if (r < 0 || r >= h || s < 0 || s >= w) continue; // zero padding
                visit(at(ys, b, q, i, j), at(xs, b, g * cg + c, r, s), at(ws, q, c, a, e));
              }
    }
}

export function convForward(x: number[], xs: Shape4, wt: number[], ws: Shape4, bias: number[] | null, o: ConvSpec): number[] {
  const ys = convOutShape(xs, ws, o);
  const y = new Array<number>(ys.reduce((p, d) => p * d, 1)).fill(0);
  eachTap(xs, ws, o, (yi, xi, wi) => (y[yi]! += x[xi]! * wt[wi]!));
  if (bias) y.forEach((_, k) => (y[k]! += bias[Math.floor(k / (ys[2] * ys[3])) % ys[1]]!));
  return y;
}

/** dL/dx, dL/dw, dL/db for L = sum(y * head). */
export function convVjp(x: number[], xs: Shape4, wt: number[], ws: Shape4, head: number[], o: ConvSpec): { dx: number[]; dw: number[]; db: number[] } {
  const ys = convOutShape(xs, ws, o);
  const dx = new Array<number>(x.length).fill(0);
  const dw = new Array<number>(wt.length).fill(0);
  const db = new Array<number>(ws[0]).fill(0);
  eachTap(xs, ws, o, (yi, xi, wi) => {
    dx[xi]! += head[yi]! * wt[wi]!;
    dw[wi]! += head[yi]! * x[xi]!;
  });
  head.forEach((v, k) => (db[Math.floor(k / (ys[2] * ys[3])) % ys[1]]! += v));
  return { dx, dw, db };
}

export interface PoolSpec {
  kernel: [number, number];
  stride: [number, number];
  pad: [number, number];
  type: 'max' | 'avg';
}

/** MXNet pooling, 'valid' convention: max ignores padding; avg divides by kh*kw (padding counts as zeros). */
export function poolForward(x: number[], xs: Shape4, o: PoolSpec): { y: number[]; shape: Shape4 } {
  const [n, c, h, w] = xs;
  const oh = Math.floor((h + 2 * o.pad[0] - o.kernel[0]) / o.stride[0]) + 1;
  const ow = Math.floor((w + 2 * o.pad[1] - o.kernel[1]) / o.stride[1]) + 1;
  const y: number[] = [];
  for (let b = 0; b < n; b++)
    for (let q = 0; q < c; q++)
      for (let i = 0; i < oh; i++)
        for (let j = 0; j < ow; j++) {
          let acc = o.type === 'max' ? -Infinity : 0;
          for (let a = 0; a < o.kernel[0]; a++)
            for (let e = 0; e < o.kernel[1]; e++) {
              const r = i * o.stride[0] + a - o.pad[0];
              const s = j * o.stride[1] + e - o.pad[1];
              if (r < 0 || r >= h || s < 0 || s >= w) continue;
              const v = x[at(xs, b, q, r, s)]!;
              acc = o.type === 'max' ? Math.max(acc, v) : acc + v;
            }
          y.push(o.type === 'max' ? acc : acc / (o.kernel[0] * o.kernel[1]));
        }
  return { y, shape: [n, c, oh, ow] };
}
