/**
 * Where in the cell an error happened. Stack frames of cell code carry the cell's file name
 * (`//# sourceURL=cell-7.js`); their line and column point into the transformed code, which
 * the transform's source map takes back to the reader's own source.
 */
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import type { SourceMapLike } from './transform';

export interface CellPosition {
  /** 1-based line and 1-based column in the cell's source. */
  line: number;
  column: number;
}

/** The first stack frame in `file`, as (line, column) of the generated function source, 1-based. */
export function frameIn(stack: string | undefined, file: string): { line: number; column: number } | null {
  if (!stack) return null;
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(stack);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : null;
}

/**
 * Maps a frame position in the function source to the cell source. `lineOffset` is how many
 * lines the function source has before the transformed body's first line.
 */
export function toCellPosition(frame: { line: number; column: number }, lineOffset: number, map: SourceMapLike): CellPosition | null {
  const line = frame.line - lineOffset; // 1-based line in the transformed body
  if (line < 1) return null;
  const traced = originalPositionFor(new TraceMap(map as ConstructorParameters<typeof TraceMap>[0]), { line, column: frame.column - 1 });
  if (traced.line === null || traced.column === null) return { line, column: frame.column };
  return { line: traced.line, column: traced.column + 1 };
}
