// trust-manager Bundle: what its validating webhook refuses (pkg/webhook/validation.go validate):
// one kind of source per item, name or selector, key or includeAllKeys, target keys that do not
// collide, valid selectors, and no trust-manager-owned target metadata.
import type { DocumentRule } from './lib/rule';
import type { PathSegment } from '../locate';
import { asRecord } from '../resources';
import { isSet, listAt, recordAt, stringAt } from './lib/go-values';
import { qualifiedNameProblem } from './lib/k8s-names';
import { ANNOTATIONS_LIMIT, annotationsSize, labelProblems, selectorProblems, type MetaProblem } from './lib/label-selector';

const SOURCE_KINDS = ['configMap', 'secret', 'inLine', 'useDefaultCAs'];
const OWN_PREFIXES = ['trust.cert-manager.io/', 'trust-manager.io/'];

export const rule: DocumentRule = {
  meta: {
    id: 'bundle-invalid',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'A trust-manager Bundle that its webhook rejects: mixed or empty sources, clashing target keys, bad selectors or metadata.',
    fixable: false,
  },
  kinds: ['trust.cert-manager.io/Bundle'],
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    if (!spec) return;
    const name = stringAt(recordAt(ctx.value, 'metadata'), 'name');
    const target = recordAt(spec, 'target') ?? {};
    const problems: MetaProblem[] = [];
    const say = (path: PathSegment[], message: string, on: 'key' | 'value' = 'key'): void => void problems.push({ path, on, message });
    let sourceCount = 0;
    let defaultCAs = 0;
    listAt(spec, 'sources').forEach((item, i) => {
      const source = asRecord(item) ?? {};
      const path: PathSegment[] = ['spec', 'sources', i];
      const kinds = SOURCE_KINDS.filter((k) => isSet(source, k));
      if (kinds.length !== 1)
        say(
          path,
          `each source sets exactly one of configMap, secret, inLine, useDefaultCAs; this one sets ${kinds.length === 0 ? 'none' : kinds.join(' and ')}. Split it into one item per source.`,
        );
      if (isSet(source, 'inLine')) sourceCount++;
      if (isSet(source, 'useDefaultCAs')) {
        defaultCAs++;
        if (source.useDefaultCAs === true) sourceCount++;
      }
      for (const kind of ['configMap', 'secret']) {
        const ref = recordAt(source, kind);
        if (!ref) continue;
        sourceCount++;
        const at = [...path, kind];
        const named = stringAt(ref, 'name') !== '';
        if (named === isSet(ref, 'selector'))
          say(at, `a ${kind} source needs exactly one of name and selector${named ? ', not both' : ''}.`);
        const keyed = stringAt(ref, 'key') !== '';
        if (keyed === (ref.includeAllKeys === true)) say(at, `a ${kind} source needs exactly one of key and includeAllKeys: true.`);
        problems.push(...selectorProblems(recordAt(ref, 'selector'), [...at, 'selector']));
        const targetKey = stringAt(recordAt(target, kind), 'key');
        if (isSet(target, kind) && named && stringAt(ref, 'name') === name && stringAt(ref, 'key') === targetKey)
          say(
            [...at, 'name'],
            `this ${kind} is the Bundle's own target (name ${name}, key ${targetKey}): trust-manager would read what it writes. Use another ${kind} or key.`,
            'value',
          );
      }
    });
    if (sourceCount === 0)
      say(
        ['spec', 'sources'],
        'the Bundle has no source (useDefaultCAs: false counts as none). Add a configMap, secret, inLine or useDefaultCAs: true source.',
      );
    if (defaultCAs > 1) say(['spec', 'sources'], `useDefaultCAs appears in ${defaultCAs} sources; trust-manager allows it once. Keep one.`);
    problems.push(...formatKeyClashes(target), ...targetMetadataProblems(target));
    problems.push(...selectorProblems(recordAt(target, 'namespaceSelector'), ['spec', 'target', 'namespaceSelector']));
    for (const p of problems) ctx.report({ path: p.path, on: p.on, message: `trust-manager's webhook rejects this Bundle: ${p.message}` });
  },
};

/** additionalFormats keys must differ from the configMap/secret target keys and from each other. */
function formatKeyClashes(target: Record<string, unknown>): MetaProblem[] {
  const taken = new Set(['configMap', 'secret'].filter((k) => isSet(target, k)).map((k) => stringAt(recordAt(target, k), 'key')));
  const out: MetaProblem[] = [];
  for (const format of ['jks', 'pkcs12']) {
    const sel = recordAt(recordAt(target, 'additionalFormats'), format);
    if (!sel) continue;
    const key = stringAt(sel, 'key');
    if (taken.has(key))
      out.push({
        path: ['spec', 'target', 'additionalFormats', format, 'key'],
        on: 'value',
        message: `the ${format} key "${key}" is already used by another target format. Give it its own key, e.g. bundle.${format === 'jks' ? 'jks' : 'p12'}.`,
      });
    taken.add(key);
  }
  return out;
}

function targetMetadataProblems(target: Record<string, unknown>): MetaProblem[] {
  const out: MetaProblem[] = [];
  for (const kind of ['configMap', 'secret']) {
    const meta = recordAt(recordAt(target, kind), 'metadata');
    if (!meta) continue;
    const base: PathSegment[] = ['spec', 'target', kind, 'metadata'];
    const annotations = recordAt(meta, 'annotations') ?? {};
    const labels = recordAt(meta, 'labels') ?? {};
    for (const [field, map] of [
      ['annotations', annotations],
      ['labels', labels],
    ] as const) {
      for (const key of Object.keys(map)) {
        const own = OWN_PREFIXES.find((p) => key.startsWith(p));
        if (own)
          out.push({
            path: [...base, field, key],
            on: 'key',
            message: `${own} ${field} on targets are trust-manager's own. Use your own prefix.`,
          });
      }
    }
    for (const key of Object.keys(annotations)) {
      const problem = qualifiedNameProblem(key.toLowerCase());
      if (problem) out.push({ path: [...base, 'annotations', key], on: 'key', message: `the annotation key "${key}": ${problem}` });
    }
    if (annotationsSize(annotations) > ANNOTATIONS_LIMIT)
      out.push({
        path: [...base, 'annotations'],
        on: 'key',
        message: "the annotations exceed Kubernetes' 256 KiB total. Keep them short.",
      });
    out.push(...labelProblems(labels, [...base, 'labels']));
  }
  return out;
}
