// Field-by-field audit of schemas/ against upstream CRD files: every served version of every kind, both directions.
// Run: node scripts/audit-schemas.mjs [upstream-dir] [--cel]   (default ../shared/upstream beside the repo; exit 1 on a difference)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { allowedDifferences } from './audit-schemas-allowed.mjs';
import { BASE64 } from './schema-src/cert-manager.mjs';
import { RFC3339 } from './schema-src/common.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** ../shared/upstream beside the checkout (as CI lays it out); MESHLINT_UPSTREAM_DIR overrides it, e.g. in a git worktree. */
export const defaultUpstreamDir = process.env.MESHLINT_UPSTREAM_DIR || path.join(repo, '..', 'shared', 'upstream');

const INT32 = [-2147483648, 2147483647];
const BOUNDS = ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties'];

/** Every CustomResourceDefinition in the *.yaml files of `dir`. */
export function loadCrds(dir) {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((f) => YAML.parseAllDocuments(fs.readFileSync(path.join(dir, f), 'utf8')).map((d) => d.toJS()))
    .filter((d) => d && d.kind === 'CustomResourceDefinition');
}

/** Our schema files keyed by $id, plus the index, read from a schemas/ folder or given in memory (rel path -> JSON). */
export function loadOurs(files) {
  const byId = new Map();
  for (const [rel, json] of Object.entries(files)) if (rel !== 'index.json') byId.set(json.$id, json);
  return { byId, index: files['index.json'].kinds };
}

export function readSchemaDir(dir) {
  const out = {};
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.json')) out[path.relative(dir, p).split(path.sep).join('/')] = JSON.parse(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

function resolver(byId) {
  return function resolve(node) {
    while (node && node.$ref) {
      const [id, pointer = ''] = node.$ref.split('#');
      let target = byId.get(id);
      if (!target) throw new Error(`unresolved $ref ${node.$ref}`);
      for (const key of pointer.split('/').filter(Boolean)) target = target[key];
      node = target;
    }
    return node;
  };
}

/** Type of a node as the API server sees it; int-or-string and preserve-unknown nodes get their own names. */
function kindOf(node) {
  if (node['x-kubernetes-int-or-string']) return 'int-or-string';
  if (node.type) return node.type;
  if (node['x-kubernetes-preserve-unknown-fields']) return 'any';
  return 'untyped';
}

/**
 * Compares one upstream node with ours and calls report(path, what) for each difference; recurses into
 * properties, map values and array items. Returns the CEL rules seen upstream, with their paths.
 */
function compareNode(up, ours, at, resolve, report, cel) {
  ours = resolve(ours);
  for (const v of up['x-kubernetes-validations'] ?? []) cel.push({ path: at, rule: v.rule, message: v.message });
  if (up.oneOf || up.anyOf || up.allOf) {
    const kindsUp = ['oneOf', 'anyOf', 'allOf'].filter((k) => up[k] && !up['x-kubernetes-int-or-string']);
    if (kindsUp.length) cel.push({ path: at, rule: `${kindsUp.join('+')} (structural one-of constraint)` });
  }
  const tu = kindOf(up);
  const to = kindOf(ours);
  if (tu !== to && !(tu === 'object' && to === 'any' && up['x-kubernetes-preserve-unknown-fields'])) {
    report(at, `type: upstream ${tu}, ours ${to}`);
    return;
  }
  if (
    up.format === 'int32' &&
    (ours.minimum === undefined || ours.maximum === undefined || ours.minimum < INT32[0] || ours.maximum > INT32[1])
  ) {
    report(at, 'format: upstream int32, ours has no int32 bounds');
  } else if (up.format && !['int32', 'int64', 'double', 'float', 'byte', 'date-time'].includes(up.format)) {
    report(at, `format: upstream ${up.format}, not audited`);
  }
  if (!!up['x-kubernetes-preserve-unknown-fields'] !== !!ours['x-kubernetes-preserve-unknown-fields'] && tu !== 'int-or-string') {
    report(
      at,
      `preserve-unknown-fields: upstream ${!!up['x-kubernetes-preserve-unknown-fields']}, ours ${!!ours['x-kubernetes-preserve-unknown-fields']}`,
    );
  }
  if (up.enum || ours.enum) {
    const a = new Set((up.enum ?? []).map(String));
    const b = new Set((ours.enum ?? []).map(String));
    const onlyUp = [...a].filter((x) => !b.has(x));
    const onlyOurs = [...b].filter((x) => !a.has(x));
    if (!up.enum) report(at, `enum: only ours restricts to [${onlyOurs.join(', ')}]`);
    else if (!ours.enum) report(at, `enum: only upstream restricts to [${onlyUp.join(', ')}]`);
    else if (onlyUp.length || onlyOurs.length) report(at, `enum: upstream only [${onlyUp.join(', ')}], ours only [${onlyOurs.join(', ')}]`);
  }
  for (const key of BOUNDS) {
    let u = up[key];
    const o = ours[key];
    if (key === 'minimum' && u === undefined && up.format === 'int32') u = INT32[0];
    if (key === 'maximum' && u === undefined && up.format === 'int32') u = INT32[1];
    if (u !== o && !(up.format === 'int32' && (key === 'minimum' || key === 'maximum') && u === undefined)) {
      report(at, `${key}: upstream ${u ?? 'none'}, ours ${o ?? 'none'}`);
    }
  }
  // The API server checks format byte (base64) and date-time itself; our schemas spell them as patterns.
  const upPattern = up.pattern ?? (up.format === 'byte' ? BASE64 : up.format === 'date-time' ? RFC3339 : null);
  if (tu !== 'int-or-string' && upPattern !== (ours.pattern ?? null))
    report(at, `pattern: upstream ${upPattern ?? 'none'}, ours ${ours.pattern ?? 'none'}`);
  if (tu === 'int-or-string') {
    const oursStr = (ours.anyOf ?? []).find((s) => s.type === 'string') ?? {};
    if ((up.pattern ?? null) !== (oursStr.pattern ?? null))
      report(at, `pattern: upstream ${up.pattern ?? 'none'}, ours ${oursStr.pattern ?? 'none'}`);
  }
  const ru = new Set(up.required ?? []);
  const ro = new Set(ours.required ?? []);
  for (const r of ru) if (!ro.has(r)) report(at, `required: upstream requires ${r}, ours does not`);
  for (const r of ro) if (!ru.has(r)) report(at, `required: ours requires ${r}, upstream does not`);

  if (tu === 'object') {
    const pu = up.properties ?? {};
    const po = ours.properties ?? {};
    for (const k of Object.keys(pu)) {
      if (!(k in po)) report(`${at}.${k}`, 'field missing from ours');
      else compareNode(pu[k], po[k], `${at}.${k}`, resolve, report, cel);
    }
    for (const k of Object.keys(po)) if (!(k in pu)) report(`${at}.${k}`, 'field only in ours');
    const au = typeof up.additionalProperties === 'object' ? up.additionalProperties : null;
    const ao = typeof ours.additionalProperties === 'object' ? ours.additionalProperties : null;
    if (au && ao) compareNode(au, ao, `${at}{}`, resolve, report, cel);
    else if (au && !ao) report(`${at}{}`, 'map values: upstream is a map, ours is not');
    else if (!au && ao) report(`${at}{}`, 'map values: ours is a map, upstream is not');
  }
  if (tu === 'array' && up.items && ours.items) compareNode(up.items, ours.items, `${at}[]`, resolve, report, cel);
}

/**
 * Audits our schemas against upstream CRDs. Returns { differences, cel, missingKinds, extraKinds, checked }:
 * differences are { kind: 'group/version/Kind', path, what } minus the allowed ones.
 */
export function audit(crds, ours, allowed = allowedDifferences) {
  const resolve = resolver(ours.byId);
  const differences = [];
  const cel = [];
  const missingKinds = [];
  const checked = [];
  const usedAllowances = new Set();
  const upstreamKeys = new Set();
  for (const crd of crds) {
    for (const v of crd.spec.versions.filter((x) => x.served)) {
      const key = `${crd.spec.group}/${v.name}/${crd.spec.names.kind}`;
      upstreamKeys.add(key);
      const ourRoot = ours.byId.get(`meshlint:${key}`);
      if (!ourRoot) {
        missingKinds.push(key);
        continue;
      }
      checked.push(key);
      const upSpec = v.schema.openAPIV3Schema;
      const report = (p, what) => {
        const hit = allowed.find((a) => a.kinds.test(key) && a.path === p && what.startsWith(a.what));
        if (hit) usedAllowances.add(hit);
        else differences.push({ kind: key, path: p, what });
      };
      const upRequired = (upSpec.required ?? []).filter((r) => r === 'spec');
      const ourRequired = (ourRoot.required ?? []).filter((r) => r === 'spec');
      if (upRequired.length !== ourRequired.length)
        report('', `required spec: upstream ${upRequired.length > 0}, ours ${ourRequired.length > 0}`);
      const kindCel = [];
      if (upSpec.properties?.spec) compareNode(upSpec.properties.spec, ourRoot.properties.spec, 'spec', resolve, report, kindCel);
      for (const c of upSpec['x-kubernetes-validations'] ?? []) kindCel.push({ path: '', rule: c.rule, message: c.message });
      cel.push(...kindCel.map((c) => ({ kind: key, ...c })));
    }
  }
  const extraKinds = ours.index
    .map((e) => `${e.group}/${e.version}/${e.kind}`)
    .filter((k) => !upstreamKeys.has(k) && crds.some((c) => k.startsWith(`${c.spec.group}/`)));
  const unusedAllowances = allowed.filter((a) => !usedAllowances.has(a));
  return { differences, cel, missingKinds, extraKinds, checked, unusedAllowances };
}

/**
 * Field paths under spec of our schema for `group/version/Kind` (`[]` list items, `{}` map values), and the paths
 * whose content is free-form, for coverage tests against other descriptions of the same kind.
 */
export function ourSpecPaths(ours, key) {
  const resolve = resolver(ours.byId);
  const fields = new Set();
  const open = new Set();
  const walk = (node, at, depth) => {
    node = resolve(node);
    if (!node || depth > 24) return;
    if (node['x-kubernetes-preserve-unknown-fields']) open.add(at);
    for (const [k, v] of Object.entries(node.properties ?? {})) {
      fields.add(`${at}.${k}`);
      walk(v, `${at}.${k}`, depth + 1);
    }
    if (typeof node.additionalProperties === 'object') walk(node.additionalProperties, `${at}{}`, depth + 1);
    if (node.items) walk(node.items, `${at}[]`, depth + 1);
  };
  const root = ours.byId.get(`meshlint:${key}`);
  if (root) walk(root.properties.spec, 'spec', 0);
  return {
    fields,
    open,
    has: (p) => fields.has(p) || [...open].some((o) => p.startsWith(`${o}.`) || p.startsWith(`${o}{`) || p.startsWith(`${o}[`)),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? defaultUpstreamDir);
  const result = audit(loadCrds(dir), loadOurs(readSchemaDir(path.join(repo, 'schemas'))));
  for (const d of result.differences) console.log(`DIFF ${d.kind} ${d.path || '(root)'}: ${d.what}`);
  for (const k of result.missingKinds) console.log(`MISSING KIND ${k}`);
  for (const k of result.extraKinds) console.log(`EXTRA KIND ${k} (not served upstream)`);
  for (const a of result.unusedAllowances) console.log(`UNUSED ALLOWANCE ${a.kinds} ${a.path}: ${a.what}`);
  if (process.argv.includes('--cel')) for (const c of result.cel) console.log(`CEL ${c.kind} ${c.path || '(root)'}: ${c.rule}`);
  console.log(
    `${result.checked.length} kind versions audited; ${result.differences.length} differences, ` +
      `${result.missingKinds.length} missing kinds, ${result.extraKinds.length} extra, ${result.cel.length} CEL/one-of constraints upstream.`,
  );
  process.exitCode =
    result.differences.length || result.missingKinds.length || result.extraKinds.length || result.unusedAllowances.length ? 1 : 0;
}
