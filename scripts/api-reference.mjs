#!/usr/bin/env node
// The library reference page's data: every public function, class and method of the reader's
// API (the globals cells see: nd, autograd, gluon, init, d2l, mx), with its signature and the
// first sentence of its doc comment, read from src/lib's types with TypeScript's compiler API.
//   node scripts/api-reference.mjs            writes src/app/reference/api-reference.json
//   node scripts/api-reference.mjs --check    exits 1 when that file is stale
// test/unit/scripts/api-reference.test.ts runs the check, so a library change without a regenerated
// page fails the unit tests.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUTPUT = path.join(repoRoot, 'src/app/reference/api-reference.json');

/** The reader's namespaces, in the order the page lists them. */
const ROOTS = ['nd', 'autograd', 'gluon', 'init', 'mx', 'd2l'];

/** Property names that are plumbing, not reader API. */
const SKIP = new Set(['constructor', 'prototype', 'toJSON']);


function firstSentence(text) {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return '';
  // The first sentence: up to ". " followed by a capital, a backtick or a parenthesis, or the whole first paragraph.
  const para = text.split(/\n\s*\n/)[0].replace(/\s+/g, ' ').trim();
  // A period ends the sentence unless it closes an abbreviation (e.g., i.e., etc.).
  const m = /^(.*?(?<!\be\.g|\bi\.e|\betc|\bvs)[.!?])(\s+(?=[A-Za-z`(])|$)/.exec(para);
  return (m ? m[1] : para).trim();
}

function isInternal(symbol) {
  return symbol.getJsDocTags().some((t) => t.name === 'internal');
}

function declarationOf(symbol) {
  return symbol.valueDeclaration ?? symbol.declarations?.[0];
}

/** Doc comment of a symbol, or of what its property initializer refers to (`add: ew.add`). */
function docOf(checker, symbol) {
  let text = ts.displayPartsToString(symbol.getDocumentationComment(checker));
  if (text) return text;
  const decl = declarationOf(symbol);
  let init = decl && ts.isPropertyAssignment(decl) ? decl.initializer : decl && ts.isShorthandPropertyAssignment(decl) ? decl.name : null;
  // `sum: (x, o) => red.sum(x, o)`: the doc of the function it calls
  if (init && ts.isArrowFunction(init) && ts.isCallExpression(init.body)) init = init.body.expression;
  // `add(y) { return ew.add(this, y); }`: a method that only forwards to a function
  if (!init && decl && (ts.isMethodDeclaration(decl) || ts.isGetAccessor(decl)) && decl.body?.statements.length === 1) {
    const st = decl.body.statements[0];
    if (ts.isReturnStatement(st) && st.expression && ts.isCallExpression(st.expression)) init = st.expression.expression;
  }
  if (init && (ts.isIdentifier(init) || ts.isPropertyAccessExpression(init))) {
    let target = decl && ts.isShorthandPropertyAssignment(decl) ? checker.getShorthandAssignmentValueSymbol(decl) : checker.getSymbolAtLocation(init);
    if (target && target.flags & ts.SymbolFlags.Alias) target = checker.getAliasedSymbol(target);
    // Only the library's own functions: `get shape() { return t.shape.slice(); }` is not Array#slice.
    if (target && declarationOf(target)?.getSourceFile().isDeclarationFile) target = undefined;
    if (target) text = ts.displayPartsToString(target.getDocumentationComment(checker));
    if (!text && target) {
      // `export const add = (a, b) => ...` with the comment on the statement
      const d = declarationOf(target);
      const stmt = d && ts.isVariableDeclaration(d) ? d.parent?.parent : null;
      if (stmt) text = ts.getJSDocCommentsAndTags(stmt).map((j) => (typeof j.comment === 'string' ? j.comment : '')).join('\n');
    }
  }
  return text;
}

/** Type text as a reader wants it: no compiler paths (`import("/.../index").Nested`), no typed-array generics. */
function clean(text) {
  return text
    .replace(/import\("[^"]*"\)\./g, '')
    .replace(/<ArrayBufferLike>/g, '')
    .replace(/\b(?:[a-z][a-zA-Z0-9]*\.)+(?=[A-Z])/g, ''); // module namespaces: idx.IndexSpec -> IndexSpec
}

function typeText(checker, type, node) {
  return clean(checker.typeToString(type, node, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope));
}

function signatureText(checker, name, sig, node) {
  const params = sig.parameters.map((p) => {
    const d = declarationOf(p);
    const type = typeText(checker, checker.getTypeOfSymbolAtLocation(p, node), node);
    const optional = d && ts.isParameter(d) && (d.questionToken || d.initializer);
    const rest = d && ts.isParameter(d) && d.dotDotDotToken;
    return `${rest ? '...' : ''}${p.name}${optional ? '?' : ''}: ${optional ? type.replace(/ \| undefined$/, '') : type}`;
  });
  const ret = typeText(checker, sig.getReturnType(), node);
  return `${name}(${params.join(', ')}): ${ret}`;
}

function isClassSymbol(symbol) {
  let s = symbol;
  return (s.flags & ts.SymbolFlags.Class) !== 0;
}

/** Resolves `foo: Foo` in an object literal to the class Foo, when it is one. */
function classBehind(checker, symbol, node) {
  if (isClassSymbol(symbol)) return symbol;
  const type = checker.getTypeOfSymbolAtLocation(symbol, node);
  const target = type.getSymbol();
  return target && isClassSymbol(target) ? target : null;
}

export function extractApiReference() {
  const program = ts.createProgram([path.join(repoRoot, 'src/lib/index.ts')], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  });
  const checker = program.getTypeChecker();
  const index = program.getSourceFile(path.join(repoRoot, 'src/lib/index.ts'));
  const moduleSymbol = checker.getSymbolAtLocation(index);
  const exports = new Map(checker.getExportsOfModule(moduleSymbol).map((s) => [s.name, s]));
  const entries = [];
  const seenClasses = new Map(); // class symbol -> path first listed under

  const add = (e) => entries.push(e);
  const where = (symbol) => {
    const d = declarationOf(symbol);
    if (!d) return '?';
    const sf = d.getSourceFile();
    return `${path.relative(repoRoot, sf.fileName)}:${sf.getLineAndCharacterOfPosition(d.getStart()).line + 1}`;
  };

  function walkClass(classSymbol, fullName, node) {
    const first = seenClasses.get(classSymbol);
    if (first) {
      return false;
    }
    seenClasses.set(classSymbol, fullName);
    const decl = declarationOf(classSymbol);
    const classType = checker.getTypeOfSymbolAtLocation(classSymbol, decl);
    const ctorSigs = classType.getConstructSignatures();
    const ctorDecl = decl && ts.isClassDeclaration(decl) ? decl.members.find((m) => ts.isConstructorDeclaration(m)) : null;
    const ctorHidden = ctorDecl && ctorDecl.modifiers?.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword);
    const base = decl && ts.isClassDeclaration(decl) ? decl.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression.getText() : undefined;
    locations.set(fullName, where(classSymbol));
    add({
      name: fullName,
      kind: 'class',
      signatures: ctorHidden ? [] : ctorSigs.map((s) => signatureText(checker, `new ${fullName}`, s, decl)),
      summary: firstSentence(docOf(checker, classSymbol)),
      ...(base ? { extends: base } : {}),
    });
    ctorOptionDocs = ctorHidden ? new Map() : optionDocs(ctorSigs, decl);
    // Only what this class declares or overrides: inherited members are listed under the base class.
    const instanceType = checker.getDeclaredTypeOfSymbol(classSymbol);
    for (const prop of checker.getPropertiesOfType(instanceType)) {
      const d = declarationOf(prop);
      if (d && d.parent !== decl) continue;
      walkMember(prop, fullName, decl, false);
    }
    // static methods (e.g. Optimizer.create)
    for (const prop of checker.getPropertiesOfType(classType)) {
      if (prop.name === 'prototype') continue;
      const d = declarationOf(prop);
      if (!d || !(ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Static)) continue;
      walkMember(prop, fullName, decl, true);
    }
    return true;
  }

  let ctorOptionDocs = new Map();

  /** name -> first sentence of each documented property of the constructor's parameter types. */
  function optionDocs(ctorSigs, node) {
    const docs = new Map();
    for (const sig of ctorSigs) {
      for (const p of sig.parameters) {
        const t = checker.getTypeOfSymbolAtLocation(p, node);
        for (const part of t.isUnion() ? t.types : [t]) {
          if (!/Options$/.test(part.getSymbol()?.name ?? part.aliasSymbol?.name ?? '')) continue;
          for (const o of checker.getPropertiesOfType(part)) {
            const doc = firstSentence(docOf(checker, o));
            if (doc && !docs.has(o.name)) docs.set(o.name, doc);
          }
        }
      }
    }
    return docs;
  }

  function walkMember(prop, owner, node, isStatic) {
    if (SKIP.has(prop.name) || prop.name.startsWith('_') || prop.name.startsWith('#') || isInternal(prop)) return;
    const d = declarationOf(prop);
    if (!d) return;
    const mods = ts.getCombinedModifierFlags(d);
    if (mods & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) return;
    if (d.getSourceFile().isDeclarationFile) return; // inherited from the platform (e.g. Error)
    const type = checker.getTypeOfSymbolAtLocation(prop, node);
    const sigs = type.getCallSignatures();
    const name = `${owner}${isStatic ? '.' : '#'}${prop.name}`;
    locations.set(name, where(prop));
    let summary = firstSentence(docOf(checker, prop));
    // An override without a comment of its own (a layer's forward, toString) is the base
    // class's member, listed there.
    if (!summary && d.parent && ts.isClassDeclaration(d.parent) && d.parent.name) {
      const base = checker.getBaseTypes(checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(d.parent.name)))[0];
      if (base && checker.getPropertyOfType(base, prop.name)) return;
    }
    // Fields that keep a constructor option (`kernelSize`, `momentum`) say what the option says.
    if (!summary && ctorOptionDocs.has(prop.name)) summary = ctorOptionDocs.get(prop.name);
    if (sigs.length > 0 && (ts.isMethodDeclaration(d) || ts.isMethodSignature(d) || ts.isPropertyDeclaration(d) || ts.isPropertyAssignment(d))) {
      add({ name, kind: 'method', signatures: sigs.map((s) => signatureText(checker, prop.name, s, node)), summary });
    } else {
      const readonly = ts.isGetAccessor(d) && !(prop.flags & ts.SymbolFlags.SetAccessor) || mods & ts.ModifierFlags.Readonly;
      add({ name, kind: 'property', signatures: [`${readonly ? 'readonly ' : ''}${prop.name}: ${typeText(checker, type, node)}`], summary });
    }
  }

  function walkValue(symbol, fullName, node, depth) {
    if (isInternal(symbol)) return;
    locations.set(fullName, where(symbol));
    const cls = classBehind(checker, symbol, node);
    if (cls) {
      const first = seenClasses.get(cls);
      if (first && first !== fullName) {
        add({ name: fullName, kind: 'alias', signatures: [], summary: `The same class as ${first}.`, target: first });
        return;
      }
      walkClass(cls, fullName, node);
      return;
    }
    const type = checker.getTypeOfSymbolAtLocation(symbol, node);
    const sigs = type.getCallSignatures();
    if (sigs.length > 0) {
      add({ name: fullName, kind: 'function', signatures: sigs.map((s) => signatureText(checker, fullName, s, node)), summary: firstSentence(docOf(checker, symbol)) });
      return;
    }
    const props = checker.isArrayLikeType(type) ? [] : checker.getPropertiesOfType(type);
    if (depth < 4 && props.length > 0 && type.flags & ts.TypeFlags.Object) {
      add({ name: fullName, kind: 'namespace', signatures: [], summary: firstSentence(docOf(checker, symbol)) });
      for (const p of props) {
        if (SKIP.has(p.name)) continue;
        walkValue(p, `${fullName}.${p.name}`, node, depth + 1);
      }
      return;
    }
    add({ name: fullName, kind: 'property', signatures: [`${fullName}: ${typeText(checker, type, node)}`], summary: firstSentence(docOf(checker, symbol)) });
  }

  for (const root of ROOTS) {
    let sym = exports.get(root);
    if (!sym) throw new Error(`src/lib/index.ts does not export ${root}`);
    if (sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
    const decl = declarationOf(sym);
    walkValue(sym, root, decl, 0);
  }
  // The namespace docs are on the modules' file comments; say what each root is in MXNet terms.
  const ROOT_SUMMARY = {
    nd: "NDArray creation and operators, as MXNet's mx.nd.",
    autograd: "Recording and differentiation, as MXNet's mx.autograd.",
    gluon: "Blocks, layers, parameters, losses, optimizers and data loading, as MXNet's mx.gluon.",
    init: "Initializers for parameters, as MXNet's mx.init.",
    mx: 'Devices and the backend in use, as mx.cpu(), mx.gpu() and mx.context.',
    d2l: 'The helpers the chapters build and then reuse, as the d2l package of the book.',
  };
  for (const e of entries) if (e.kind === 'namespace' && !e.summary && ROOT_SUMMARY[e.name]) e.summary = ROOT_SUMMARY[e.name];
  return { roots: ROOTS, entries };
}

/** Where each entry is declared (file:line), for --missing. */
export const locations = new Map();

export function render(data) {
  return JSON.stringify(data, null, 1) + '\n';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = render(extractApiReference());
  if (process.argv.includes('--check')) {
    let old = '';
    try {
      old = readFileSync(OUTPUT, 'utf8');
    } catch {}
    if (old !== text) {
      console.error(`${path.relative(repoRoot, OUTPUT)} is stale: run node scripts/api-reference.mjs`);
      process.exit(1);
    }
  } else {
    writeFileSync(OUTPUT, text);
    const data = JSON.parse(text);
    const missing = data.entries.filter((e) => !e.summary && e.kind !== 'namespace');
    console.log(`wrote ${data.entries.length} entries to ${path.relative(repoRoot, OUTPUT)}; ${missing.length} without a doc comment`);
    if (process.argv.includes('--missing')) for (const e of missing) console.log(`  ${e.name}  ${locations.get(e.name)}`);
  }
}
