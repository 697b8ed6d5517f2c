// Field paths of a kind's spec as the @kubernetes-models TypeScript declarations describe them, read with the
// TypeScript checker (the packages ship compiled validators, not JSON Schemas, so the .d.ts files are the readable form).
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { PACKAGE_DIR } from './engine';

const MODELS = path.join(PACKAGE_DIR, 'node_modules', '@kubernetes-models');

/** The declaration file of a kind, or undefined when the package does not know the kind (it lags upstream). */
export function modelFile(group: string, version: string, kind: string): string | undefined {
  const pkg = group.endsWith('istio.io') ? 'istio' : 'cert-manager';
  const file = path.join(MODELS, pkg, group, version, `${kind}.d.ts`);
  return fs.existsSync(file) ? file : undefined;
}

/**
 * Paths such as `spec.rules[].from[].source.principals` (`[]` for list items, `{}` for map values) of every
 * field under `spec` of the interface `I<Kind>` in each file. Depth is bounded because some types are recursive.
 */
export function modelSpecPaths(files: { file: string; kind: string }[]): Map<string, Set<string>> {
  const program = ts.createProgram(
    files.map((f) => f.file),
    { skipLibCheck: true, noEmit: true, types: [] },
  );
  const checker = program.getTypeChecker();
  const out = new Map<string, Set<string>>();
  for (const { file, kind } of files) {
    const source = program.getSourceFile(file);
    const decl = source?.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === `I${kind}`);
    const paths = new Set<string>();
    out.set(file, paths);
    if (!decl) continue;
    const spec = checker.getTypeAtLocation(decl).getProperty('spec');
    if (spec) walk(checker, checker.getTypeOfSymbol(spec), 'spec', paths, 0);
  }
  return out;
}

function walk(checker: ts.TypeChecker, type: ts.Type, at: string, out: Set<string>, depth: number): void {
  if (depth > 24) return;
  const t = checker.getNonNullableType(type);
  if (t.isUnion()) {
    for (const member of t.types) walk(checker, member, at, out, depth);
    return;
  }
  if (checker.isArrayType(t)) {
    const [item] = checker.getTypeArguments(t as ts.TypeReference);
    if (item) walk(checker, item, `${at}[]`, out, depth + 1);
    return;
  }
  if (!(t.flags & ts.TypeFlags.Object)) return;
  const values = checker.getIndexTypeOfType(t, ts.IndexKind.String);
  if (values) walk(checker, values, `${at}{}`, out, depth + 1);
  for (const prop of checker.getPropertiesOfType(t)) {
    const p = `${at}.${prop.name}`;
    out.add(p);
    walk(checker, checker.getTypeOfSymbol(prop), p, out, depth + 1);
  }
}
