// Writes a checked request as an access test: the entry (name, from, to, request, expect,
// decidedBy) and where it goes in an AccessTests file, leaving the rest of the file as it is.
// Free of `vscode` so it can be tested in plain Node.
import { isMap, isSeq, parseAllDocuments, stringify } from 'yaml';
import type { AccessQuery, AccessResult, AccessSource } from '../../../server/src/core/access/types';
import { ACCESS_TESTS_KIND, isAccessTests } from './access-tests-doc';

export const ACCESS_TESTS_API_VERSION = 'meshlint.dev/v1alpha1';

export interface AccessTestYaml {
  name: string;
  from: string | Record<string, string>;
  to: Record<string, string | number>;
  protocol?: string;
  request?: { method?: string; path?: string };
  expect: string;
  decidedBy?: string;
}

function fromOf(source: AccessSource): AccessTestYaml['from'] {
  if ('workload' in source) return source.workload;
  if ('plaintext' in source) return 'plaintext';
  if ('principal' in source) return { principal: source.principal };
  return { namespace: source.namespace, serviceAccount: source.serviceAccount };
}

/** The test that pins down this answer (a verdict of UNKNOWN cannot be expected). */
export function accessTestFor(name: string, query: AccessQuery, result: AccessResult): AccessTestYaml | undefined {
  if (result.verdict === 'UNKNOWN') return undefined;
  const d = query.destination;
  const to: AccessTestYaml['to'] =
    'targetPort' in d
      ? { workload: d.workload, targetPort: d.targetPort }
      : { workload: d.workload, ...(d.service ? { service: d.service } : {}), ...(d.servicePort ? { port: d.servicePort } : {}) };
  const request = query.request?.method || query.request?.path ? { method: query.request.method, path: query.request.path } : undefined;
  const by = result.decidedBy;
  const decidedBy =
    by && `${by.policy.namespace ? `${by.policy.namespace}/` : ''}${by.policy.name}${by.rule !== undefined ? `#${by.rule}` : ''}`;
  return {
    name,
    from: fromOf(query.source),
    to,
    ...(query.protocol ? { protocol: query.protocol } : {}),
    ...(request ? { request } : {}),
    expect: result.verdict,
    ...(decidedBy ? { decidedBy } : {}),
  };
}

/** A new AccessTests file holding the one test. */
export function newAccessTestsFile(test: AccessTestYaml): string {
  return stringify({ apiVersion: ACCESS_TESTS_API_VERSION, kind: ACCESS_TESTS_KIND, tests: [test] });
}

/**
 * Where to insert the test into an existing file, and the text: after the last entry of the first
 * AccessTests document's block `tests` list, at its indentation; failing that (no list, a flow
 * list), a new AccessTests document at the end, so the file stays valid whatever it looked like.
 */
export function accessTestInsertion(text: string, test: AccessTestYaml): { offset: number; text: string } {
  for (const doc of parseAllDocuments(text)) {
    if (!('contents' in doc) || !isMap(doc.contents) || !isAccessTests(doc.contents)) continue;
    const list = doc.contents.get('tests', true);
    if (!isSeq(list) || list.flow || !list.range || list.items.length === 0) break;
    const [start, end] = list.range;
    const column = start - (text.lastIndexOf('\n', start - 1) + 1);
    const indent = ' '.repeat(column);
    const entry = stringify([test])
      .trimEnd()
      .split('\n')
      .map((line, i) => (i === 0 ? indent + line : line === '' ? line : indent + line))
      .join('\n');
    return { offset: end, text: `${text[end - 1] === '\n' ? '' : '\n'}${entry}\n` };
  }
  const separator = text === '' || text.endsWith('\n') ? '' : '\n';
  return { offset: text.length, text: `${separator}${text.trim() === '' ? '' : '---\n'}${newAccessTestsFile(test)}` };
}
