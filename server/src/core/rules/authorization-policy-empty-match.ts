// Empty pieces inside AuthorizationPolicy rules that Istio's webhook rejects: an empty from or to
// list, a from without a source, an empty source or operation, and empty strings in match lists.
import type { DocumentRule } from './lib/rule';
import type { PathSegment } from '../locate';
import { asRecord } from '../resources';
import { hasItems, isSet, listAt } from './lib/go-values';
import { OPERATION_FIELDS, SOURCE_FIELDS, policyRules, type Entry } from './lib/authorization-policy-walk';

export const rule: DocumentRule = {
  meta: {
    id: 'authorization-policy-empty-match',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'An AuthorizationPolicy from/to entry with no source or operation, an empty one, or an empty string in a match list.',
    fixable: false,
  },
  kinds: ['security.istio.io/AuthorizationPolicy'],
  check(ctx) {
    const emptyStrings = (holder: Record<string, unknown>, fields: string[], base: PathSegment[]): void => {
      for (const field of fields) {
        listAt(holder, field).forEach((v, i) => {
          if (v !== '') return;
          ctx.report({
            path: [...base, field, i],
            message: `The Istio webhook rejects an empty string in ${field} ("empty value not allowed"). Remove the entry, or write the value it should match; "*" matches any non-empty value.`,
          });
        });
      }
    };
    const block = (entry: Entry, inner: 'source' | 'operation', fields: string[], outer: 'from' | 'to'): void => {
      if (!entry.value) return; // a null or scalar list item is a schema error
      if (!isSet(entry.value, inner)) {
        ctx.report({
          path: entry.path,
          message: `The Istio webhook rejects a ${outer} entry without ${inner} ("\`${outer}.${inner}\` must not be nil"). Write - ${inner}: { ... } with at least one field, or remove the entry.`,
        });
        return;
      }
      const body = asRecord(entry.value[inner]);
      if (!body) return;
      if (!fields.some((f) => hasItems(body, f))) {
        ctx.report({
          path: [...entry.path, inner],
          on: 'key',
          message:
            `The Istio webhook rejects an empty ${inner} ("\`${outer}.${inner}\` must not be empty"). ` +
            (outer === 'from'
              ? 'Name who may call, e.g. principals: ["cluster.local/ns/shop/sa/frontend"], or remove the from block to match any caller.'
              : 'Name what is matched, e.g. methods: ["GET"] or ports: ["8080"], or remove the to block to match any operation.'),
        });
      }
      emptyStrings(
        body,
        fields.filter((f) => f !== 'serviceAccounts' && f !== 'notServiceAccounts'),
        [...entry.path, inner],
      );
    };
    for (const rule of policyRules(ctx.value)) {
      for (const outer of ['from', 'to'] as const) {
        const list = rule.value?.[outer];
        if (!Array.isArray(list) || list.length > 0) continue;
        ctx.report({
          path: [...rule.path, outer],
          on: 'key',
          message: `The Istio webhook rejects an empty ${outer} list ("\`${outer}\` must not be empty"). Remove ${outer} to match any ${outer === 'from' ? 'caller' : 'operation'}, or list at least one entry.`,
        });
      }
      for (const from of rule.from) block(from, 'source', SOURCE_FIELDS, 'from');
      for (const to of rule.to) block(to, 'operation', OPERATION_FIELDS, 'to');
    }
  },
};
