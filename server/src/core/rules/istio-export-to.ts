// exportTo lists of ServiceEntry, DestinationRule and VirtualService as Istio's validateExportTo webhook check reads
// them: ".", "*", a namespace name (and "~" for a ServiceEntry), each once, "*" and "~" alone.
import type { DocumentRule } from './lib/rule';
import { isSet, listAt, recordAt, stringAt } from './lib/go-values';
import { isIstioDnsLabel } from './lib/hostnames';

export const rule: DocumentRule = {
  meta: {
    id: 'istio-export-to',
    category: 'api',
    defaultSeverity: 'error',
    summary:
      'An exportTo list the webhook rejects: a bad entry, a repeat, "*" or "~" with others, a selector rule exported beyond its namespace.',
    fixable: false,
  },
  kinds: ['networking.istio.io/ServiceEntry', 'networking.istio.io/DestinationRule', 'networking.istio.io/VirtualService'],
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    const list = listAt(spec, 'exportTo');
    if (list.length === 0) return;
    const serviceEntry = ctx.resource.kind === 'ServiceEntry';
    const namespace = stringAt(recordAt(ctx.value, 'metadata'), 'namespace');
    const seen = new Map<string, string>();
    list.forEach((entry, i) => {
      if (typeof entry !== 'string') return;
      const path = ['spec', 'exportTo', i];
      // "." is the object's own namespace: the webhook counts it and that name as one entry.
      const key = entry === '.' && namespace !== '' ? namespace : entry;
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.report({
          path,
          message: `The webhook rejects "${entry}" a second time: "duplicate entries in exportTo"${first !== entry ? ` ("." is ${namespace})` : ''}. List each namespace once.`,
        });
        return;
      }
      // Istio's labels.IsDNS1123Label (visibility.Instance.Validate) lets upper case through, though no
      // namespace can be named so (Kubernetes names are lower case): accepted, but it exports to nobody.
      if (isIstioDnsLabel(entry) && entry !== entry.toLowerCase()) {
        ctx.report({
          path,
          severity: 'warning',
          message: `The webhook accepts "${entry}", but it matches no namespace (namespace names are lower case), so this entry exports the ${ctx.resource.kind} to nobody. Write "${entry.toLowerCase()}".`,
        });
      } else if (!(entry === '.' || entry === '*' || (entry === '~' && serviceEntry) || isIstioDnsLabel(entry))) {
        ctx.report({
          path,
          message:
            entry === '~'
              ? 'The webhook rejects "~" here: "exportTo ~ (none) is not allowed for Istio configuration objects" other than a ServiceEntry. Use "." to keep it in its namespace.'
              : `The webhook rejects "${entry}": "only .,*, or a valid DNS 1123 label is allowed as exportTo entry". Write ".", "*" or a namespace name.`,
        });
        return;
      }
      seen.set(key, entry);
    });
    const alone = list.includes('*') ? '*' : list.includes('~') && serviceEntry ? '~' : undefined;
    if (alone && list.length > 1) {
      ctx.report({
        path: ['spec', 'exportTo'],
        on: 'key',
        message:
          alone === '*'
            ? 'The webhook rejects "*" with other entries: "cannot have both public (*) and non-public exportTo values". "*" already means every namespace; keep it alone or list namespaces.'
            : 'The webhook rejects "~" with other entries: "cannot export service entry to no one (~) and someone". Keep "~" alone or list namespaces.',
      });
    }
    if (serviceEntry || !isSet(spec, 'workloadSelector')) return;
    const beyond = [...seen.keys()].filter((k) => k !== '.' && k !== namespace);
    if (beyond.length > 0 || seen.size > 1) {
      ctx.report({
        path: ['spec', 'exportTo'],
        on: 'key',
        message:
          'The webhook rejects a DestinationRule with a workloadSelector exported beyond its own namespace ' +
          '("destination rule with workload selector cannot have exportTo beyond current namespace"). Write exportTo: ["."] or leave it out.',
      });
    }
  },
};
