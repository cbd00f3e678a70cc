/**
 * Turns a cell's source into code the kernel can run, Jupyter-style:
 *  - TypeScript types are stripped (sucrase keeps line numbers);
 *  - top-level `const/let/var/function/class` become properties of the kernel's persistent
 *    scope, so later cells see them and re-running `const x = ...` works;
 *  - the value of a final expression statement is returned (and displayed);
 *  - every loop checks for a stop request at each iteration, and loops in async code
 *    (the cell itself, async functions) yield to the event loop now and then, so live
 *    charts stream, a stop message can arrive, and finalizers free dead arrays.
 * Pure: no kernel state; `run` is assembled by the kernel from `body` and `declared`.
 */
import * as acorn from 'acorn';
import MagicString from 'magic-string';
import { transform as sucrase } from 'sucrase';

export interface TransformedCell {
  /** The function body to run inside `with (scope) { return (async () => { body })() }`. */
  body: string;
  /** Top-level names the cell declares (pre-created on the scope before it runs). */
  declared: string[];
  /** Function declarations: copied to the scope at the start (they are hoisted). */
  hoistedFunctions: string[];
  /** Whether the cell ends in an expression whose value is returned. */
  returnsValue: boolean;
  /** Maps a (line, column) of `body` (1-based line, 0-based column) back to the cell source. */
  map: SourceMapLike;
  /** Whether TypeScript syntax was stripped (columns on such lines are approximate). */
  strippedTypes: boolean;
}

export interface SourceMapLike {
  version: number;
  sources: string[];
  names: string[];
  mappings: string;
  file?: string;
  sourcesContent?: (string | null)[];
}

/** A syntax error in a cell, positioned in the cell's own source (1-based line, 0-based column). */
export class CellSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'SyntaxError';
  }
}

type Node = acorn.Node & Record<string, unknown>;

const PARSE_OPTIONS: acorn.Options = {
  ecmaVersion: 'latest',
  // Module grammar: top-level await parses, and import/export reach our clear error below.
  sourceType: 'module',
  allowReturnOutsideFunction: false,
  locations: true,
};

function parse(code: string): acorn.Program {
  try {
    return acorn.parse(code, PARSE_OPTIONS);
  } catch (e) {
    const err = e as SyntaxError & { loc?: { line: number; column: number } };
    const msg = err.message.replace(/\s*\(\d+:\d+\)$/, '');
    throw new CellSyntaxError(msg, err.loc?.line ?? 1, err.loc?.column ?? 0);
  }
}

/** JavaScript parses as is (exact columns); otherwise strip TypeScript first. */
function toJavaScript(source: string): { code: string; program: acorn.Program; stripped: boolean } {
  try {
    return { code: source, program: parse(source), stripped: false };
  } catch (jsError) {
    let code: string;
    try {
      code = sucrase(source, { transforms: ['typescript'], disableESTransforms: true }).code;
    } catch {
      throw jsError; // not TypeScript either: the JavaScript parser's message is the precise one
    }
    if (code === source) throw jsError;
    return { code, program: parse(code), stripped: true };
  }
}

/** Names bound by a declaration pattern (`a`, `{ b, c: [d] }`, `...e`). */
function patternNames(pattern: Node, out: string[]): void {
  switch (pattern.type) {
    case 'Identifier':
      out.push(pattern['name'] as string);
      break;
    case 'ObjectPattern':
      for (const prop of pattern['properties'] as Node[]) patternNames((prop.type === 'RestElement' ? prop['argument'] : prop['value']) as Node, out);
      break;
    case 'ArrayPattern':
      for (const el of pattern['elements'] as (Node | null)[]) if (el) patternNames(el, out);
      break;
    case 'RestElement':
      patternNames(pattern['argument'] as Node, out);
      break;
    case 'AssignmentPattern':
      patternNames(pattern['left'] as Node, out);
      break;
  }
}

const LOOPS = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);
const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/** Walks every node, telling whether it sits in async code where `await` is allowed. */
function walk(node: Node, asyncContext: boolean, visit: (n: Node, asyncContext: boolean) => void): void {
  visit(node, asyncContext);
  const inner = FUNCTIONS.has(node.type) ? node['async'] === true && node['generator'] !== true : asyncContext;
  for (const key of Object.keys(node)) {
    if (key === 'loc') continue;
    const child = node[key];
    if (Array.isArray(child)) {
      for (const c of child) if (c && typeof c === 'object' && typeof (c as Node).type === 'string') walk(c as Node, inner, visit);
    } else if (child && typeof child === 'object' && typeof (child as Node).type === 'string') {
      // Class methods: their bodies are FunctionExpressions, handled above.
      walk(child as Node, inner, visit);
    }
  }
}

export function transformCell(source: string, cellName = 'cell'): TransformedCell {
  const { code, program, stripped } = toJavaScript(source);
  const s = new MagicString(code);
  const declared: string[] = [];
  const hoistedFunctions: string[] = [];
  const body = program.body as unknown as Node[];

  for (const stmt of body) {
    if (stmt.type === 'ImportDeclaration' || stmt.type === 'ExportNamedDeclaration' || stmt.type === 'ExportDefaultDeclaration') {
      const loc = (stmt as acorn.Node).loc!.start;
      throw new CellSyntaxError('import and export are not available in cells: the library (nd, autograd, gluon, init, mx, d2l) is already in scope.', loc.line, loc.column);
    }
    if (stmt.type === 'VariableDeclaration') {
      // `const a = 1, {b} = o;`  ->  `;(a = 1, {b} = o);`  (assignments to scope properties)
      const decls = stmt['declarations'] as Node[];
      for (const d of decls) patternNames(d['id'] as Node, declared);
      const kindEnd = stmt.start + (stmt['kind'] as string).length;
      s.overwrite(stmt.start, kindEnd, ';(');
      for (const d of decls) {
        if (d['init'] === null || d['init'] === undefined) s.appendLeft((d['id'] as Node).end, ' = undefined');
      }
      const last = decls[decls.length - 1]!;
      const endsWithSemicolon = code[stmt.end - 1] === ';';
      if (endsWithSemicolon) s.overwrite(stmt.end - 1, stmt.end, ');');
      else s.appendLeft(last.end, ');');
    } else if (stmt.type === 'FunctionDeclaration') {
      const name = (stmt['id'] as Node)['name'] as string;
      declared.push(name);
      hoistedFunctions.push(name);
    } else if (stmt.type === 'ClassDeclaration') {
      const name = (stmt['id'] as Node)['name'] as string;
      declared.push(name);
      s.prependLeft(stmt.start, `${name} = `);
      s.appendLeft(stmt.end, ';');
    }
  }

  // The last expression is the cell's value.
  const lastStmt = body[body.length - 1];
  const returnsValue = lastStmt?.type === 'ExpressionStatement';
  if (lastStmt && returnsValue) {
    // From the statement's start, not the expression's: in `({ a: 1 })` the expression starts
    // after the opening parenthesis, and `(return (...` would not parse.
    const end = code[lastStmt.end - 1] === ';' ? lastStmt.end - 1 : lastStmt.end;
    s.prependLeft(lastStmt.start, 'return (');
    s.appendLeft(end, ')');
  }

  // Stop checks and yields at every loop iteration.
  walk(program as unknown as Node, true, (node, asyncContext) => {
    if (!LOOPS.has(node.type)) return;
    const loopBody = node['body'] as Node;
    const check = asyncContext ? '__k.tick(); if (__k.due) await __k.pause();' : '__k.tick();';
    if (loopBody.type === 'BlockStatement') {
      s.appendLeft(loopBody.start + 1, ` ${check} `);
    } else {
      s.appendLeft(loopBody.start, `{ ${check} `);
      s.appendLeft(loopBody.end, ' }');
    }
  });

  const map = s.generateMap({ hires: true, source: cellName, includeContent: false });
  return {
    body: s.toString(),
    declared: [...new Set(declared)],
    hoistedFunctions,
    returnsValue,
    map: { version: 3, sources: map.sources as string[], names: map.names, mappings: map.mappings },
    strippedTypes: stripped,
  };
}
