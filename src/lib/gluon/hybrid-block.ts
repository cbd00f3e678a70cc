/**
 * HybridBlock: MXNet's block that can be compiled into a graph. Here blocks always run eagerly
 * (hybridize() is a no-op, see Block.hybridize), so HybridBlock is a Block that also accepts
 * MXNet's way of writing the computation, `hybridForward(F, x, ..., params)`: F is `nd`, and the
 * block's own parameters come last as an object by name ({ weight, bias }), as MXNet passes them
 * as keyword arguments. A subclass may define forward(x) instead, as with any Block.
 */
import { nd } from '../nd/index';
import type { NDArray } from '../nd/ndarray';
import { Block } from './block';
import { GluonError } from './errors';

/** What `F` is in hybridForward: the `nd` namespace. */
export type F = typeof nd;

/** MXNet's HybridBlock: a Block that also accepts hybridForward(F, x, ...params); it always runs eagerly here. */
export class HybridBlock extends Block {
  /** MXNet's hybrid_forward(F, x, ...): define it (or forward) in a subclass. */
  hybridForward?(F: F, ...inputsThenParams: never[]): NDArray;

  /** Calls hybridForward(nd, ...inputs, { weight, bias, ... }) with this block's own parameters. */
  override forward(...inputs: NDArray[]): NDArray {
    if (typeof this.hybridForward !== 'function') {
      throw new GluonError(`${this.constructor.name}: a HybridBlock defines hybridForward(F, x, params) (MXNet's hybrid_forward) or forward(x); it has neither.`);
    }
    const params: Record<string, NDArray> = {};
    for (const [full, p] of this.params.entries()) {
      const short = full.startsWith(this.params.prefix) ? full.slice(this.params.prefix.length) : full; // 'weight'
      params[short] = p.data();
    }
    return (this.hybridForward as (F: F, ...rest: unknown[]) => NDArray)(nd, ...inputs, params);
  }
}
