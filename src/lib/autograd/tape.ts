/**
 * The tape. While `autograd.record` is on, every primitive op whose inputs need gradients
 * appends a node: which op ran, on which parents, and the tensors its backward needs.
 * `backward()` walks the nodes from the head in reverse topological order and applies each
 * op's vector-Jacobian product (the chain rule, one op at a time):
 *
 *   dL/dx_i = sum over uses of x_i of  (dL/dy)^T  dy/dx_i
 */
import { tf, type Tensor } from '../engine/tf';
import { AutogradError, fmtShape } from '../nd/errors';
import { shapesEqual } from '../nd/shape-utils';
import type { NDArray } from '../nd/ndarray';
import { withBackwardMemo } from '../nd/fast-paths/backward-memo';

/** Maps the output gradient to one gradient per input (null: that input needs none). */
export type VectorJacobianProduct = (dy: Tensor) => readonly (Tensor | null)[];

/** Frees the tensors a node saved when the node becomes unreachable without a backward(). */
const savedFinalizer = new FinalizationRegistry<Tensor[]>((saved) => {
  for (const t of saved) t.dispose();
});

export class TapeNode {
  private freed = false;

  constructor(
    readonly opName: string,
    /** For each input: its producing node, the leaf array itself, or null (a constant). */
    readonly parents: readonly (TapeNode | NDArray | null)[],
    readonly inputShapes: readonly (readonly number[])[],
    private readonly vjp: VectorJacobianProduct,
    /** Tensors the vjp closes over; owned by this node (clones that share data). */
    private readonly saved: Tensor[],
  ) {
    savedFinalizer.register(this, saved, this);
  }

  gradients(dy: Tensor): readonly (Tensor | null)[] {
    if (this.freed) {
      throw new AutogradError(
        `backward: the graph through '${this.opName}' was already freed by an earlier backward(). ` +
          `Pass { retainGraph: true } to the first backward() to differentiate the same graph twice, ` +
          `or recompute the output inside autograd.record().`,
      );
    }
    const grads = this.vjp(dy);
    grads.forEach((g, i) => {
      const want = this.inputShapes[i]!;
      if (g !== null && !shapesEqual(g.shape, want)) {
        throw new AutogradError(`internal: the gradient of '${this.opName}' for input ${i} has shape ${fmtShape(g.shape)}, expected ${fmtShape(want)}.`);
      }
    });
    return grads;
  }

  free(): void {
    if (this.freed) return;
    this.freed = true;
    savedFinalizer.unregister(this);
    for (const t of this.saved) t.dispose();
    this.saved.length = 0;
  }
}

function isTapeNode(p: TapeNode | NDArray | null): p is TapeNode {
  return p instanceof TapeNode;
}

/** Nodes reachable from any of `heads`, parents before children. */
function topologicalOrder(heads: readonly TapeNode[]): TapeNode[] {
  const order: TapeNode[] = [];
  const visited = new Set<TapeNode>();
  for (const head of heads) {
    if (visited.has(head)) continue;
    visitFrom(head, visited, order);
  }
  return order;
}

function visitFrom(head: TapeNode, visited: Set<TapeNode>, order: TapeNode[]): void {
  // Iterative DFS: recurrent nets unrolled over many steps make deep graphs.
  const stack: [TapeNode, number][] = [[head, 0]];
  visited.add(head);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const [node, i] = top;
    if (i < node.parents.length) {
      top[1] = i + 1;
      const p = node.parents[i]!;
      if (isTapeNode(p) && !visited.has(p)) {
        visited.add(p);
        stack.push([p, 0]);
      }
    } else {
      order.push(node);
      stack.pop();
    }
  }
}

export interface BackwardOptions {
  /** Keep the graph so backward can run again through it. */
  retainGraph?: boolean;
}

/**
 * Backpropagates from `head` (seeded with `headGrad`, ones by default: a non-scalar head is
 * summed, as in MXNet) into the `.grad` of every leaf array with an attached gradient.
 */
export function runBackward(head: NDArray, headGrad: Tensor | null, options: BackwardOptions = {}): void {
  runBackwardMany([head], [headGrad], options);
}

/**
 * Backpropagates from several heads in one pass (MXNet's autograd.backward([h1, h2])):
 * L = sum_k <headGrad_k, h_k>, so a leaf used by several heads receives the sum of their
 * gradients, and gradReq 'write' writes that sum once.
 */
export function runBackwardMany(heads: readonly NDArray[], headGrads: readonly (Tensor | null)[], options: BackwardOptions = {}): void {
  if (heads.length === 0) throw new AutogradError('backward: no heads given; pass the outputs to differentiate, e.g. autograd.backward([loss1, loss2]).');
  const roots = heads.map((head, k) => {
    const root = head.tapeNode;
    if (root === null) {
      const which = heads.length > 1 ? ` (head ${k})` : '';
      throw new AutogradError(
        head.hasGrad
          ? `backward${which}: this array is a leaf (it has attachGrad() but was not computed from anything inside autograd.record()). ` +
              `Compute the output from it inside autograd.record(() => ...) and call backward() on that output.`
          : `backward${which}: this array was not computed inside autograd.record() from arrays that need gradients, so there is nothing to differentiate. ` +
              `Call x.attachGrad() on the inputs, compute y = autograd.record(() => f(x)), then y.backward().`,
      );
    }
    const g = headGrads[k] ?? null;
    if (g !== null && !shapesEqual(g.shape, head.shape)) {
      throw new AutogradError(
        `backward: the head gradient${heads.length > 1 ? ` ${k}` : ''} has shape ${fmtShape(g.shape)}, but the output has shape ${fmtShape(head.shape)}; ` +
          `they must match exactly (same rank too): reshape it with headGrad.reshape(${JSON.stringify(head.shape)}).`,
      );
    }
    return root;
  });
  const order = topologicalOrder(roots);
  const leaves = new Map<NDArray, Tensor>();
  // One memo per pass: the nodes of an unrolled net share what they derive from one saved weight.
  const leafTensors = withBackwardMemo(() => tf.tidy(() => {
    const grads = new Map<TapeNode, Tensor>();
    roots.forEach((root, k) => {
      const seed = headGrads[k] ?? tf.onesLike(heads[k]!.tensor);
      const prev = grads.get(root);
      grads.set(root, prev === undefined ? seed : tf.add(prev, seed)); // the same head twice: seeds add
    });
    for (let k = order.length - 1; k >= 0; k--) {
      const node = order[k]!;
      const dy = grads.get(node);
      if (dy === undefined) continue;
      grads.delete(node);
      const dxs = node.gradients(dy);
      node.parents.forEach((parent, i) => {
        const dx = dxs[i];
        if (parent === null || dx === null || dx === undefined) return;
        // A value used twice receives the sum of both paths' gradients.
        if (isTapeNode(parent)) {
          const prev = grads.get(parent);
          grads.set(parent, prev === undefined ? dx : tf.add(prev, dx));
        } else {
          const prev = leaves.get(parent);
          leaves.set(parent, prev === undefined ? dx : tf.add(prev, dx));
        }
      });
    }
    return [...leaves.values()]; // kept by tidy: returned
  }));
  // Each leaf owns its gradient: one tensor reaching two leaves (the gradient of a + b reaches a
  // and b as the same dy) gets a second reference, so freeing one leaf's gradient (an in-place
  // write to it) leaves the other's intact.
  const given = new Set<Tensor>();
  [...leaves.keys()].forEach((leaf, i) => {
    const g = leafTensors[i]!;
    leaf.receiveGradient(given.has(g) ? tf.clone(g) : g);
    given.add(g);
  });
  if (!options.retainGraph) for (const node of order) node.free();
}
