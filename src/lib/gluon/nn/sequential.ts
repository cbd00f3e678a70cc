/** Sequential: runs its children one after another, each feeding the next. */
import type { NDArray } from '../../nd/ndarray';
import { ArgumentError } from '../../nd/errors';
import { Block, layerOptions, type BlockOptions } from '../block';

/** Gluon's Sequential: runs its children in the order add() received them. */
export class Sequential extends Block {
  private readonly layers: Block[] = [];

  constructor(options: BlockOptions = {}) {
    super(layerOptions('Sequential', options, []));
    Object.defineProperty(this, 'layers', { enumerable: false });
  }

  /** Appends one or several blocks; returns this for chaining. */
  add(...blocks: Block[]): this {
    blocks.forEach((b, i) => {
      if (!(b instanceof Block)) throw new ArgumentError(`Sequential.add: argument ${i} is not a Block (got ${typeof b}).`);
      this.registerChild(b, String(this.layers.length));
      this.layers.push(b);
    });
    return this;
  }

  /** The i-th child (negative counts from the end). */
  get(i: number): Block {
    const j = i < 0 ? this.layers.length + i : i;
    const b = this.layers[j];
    if (b === undefined) throw new ArgumentError(`Sequential.get: index ${i} is out of range for ${this.layers.length} layers.`);
    return b;
  }

  /** The number of layers added. */
  get length(): number {
    return this.layers.length;
  }

  /** @internal not a row of summary(), as in MXNet */
  protected override isContainer(): boolean {
    return true;
  }

  override forward(x: NDArray): NDArray {
    let out = x;
    for (const layer of this.layers) out = layer.forward(out);
    return out;
  }
}

/** MXNet's HybridSequential: the same as Sequential here (hybridize() is a no-op, see Block.hybridize). */
export class HybridSequential extends Sequential {}
