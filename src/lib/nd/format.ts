/**
 * MXNet's text form of an NDArray (NumPy's array2string for the values, then the
 * `<NDArray 2x3 @webgpu(0)>` line). (STUB: being written.)
 */
export function formatArray(values: ArrayLike<number>, shape: readonly number[], dtype: 'float32' | 'int32', device: string): string {
  return `${Array.from(values).join(' ')}\n<NDArray ${shape.join('x')} @${device}>` + (dtype === 'int32' ? '' : '');
}
