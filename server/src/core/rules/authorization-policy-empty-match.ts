// Empty pieces inside AuthorizationPolicy rules that Istio's webhook rejects: a from without a source,
// an empty source or operation, and empty strings in match lists; and empty from or to lists, which it
// accepts as if they were absent (a warning: they widen the rule to any caller or operation).
import type { DocumentRule } from './lib/rule';
import type { PathSegment } from '../locate';
import { asRecord } from '../resources';
import { hasItems, isSet, listAt } from './lib/go-values';
import { OPERATION_FIELDS, SOURCE_FIELDS, policyAction, policyRules, type Entry } from './lib/authorization-policy-walk';

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
      // The webhook's "must not be empty" test needs a non-nil empty slice, which JSON never gives it:
      // protobuf decoding leaves a repeated field nil for [] (as for rules: [], see
      // authorization-policy-rules-required). So [] is accepted and means no from/to at all: any caller
      // or operation, the widest match, which is not what an empty list looks like it says.
      for (const outer of ['from', 'to'] as const) {
        const list = rule.value?.[outer];
        if (!Array.isArray(list) || list.length > 0) continue;
        const any = outer === 'from' ? 'any caller' : 'any operation';
        ctx.report({
          path: [...rule.path, outer],
          on: 'key',
          severity: 'warning',
          message: `Istio reads an empty ${outer} list as no ${outer} at all, so this rule matches ${any}${policyAction(ctx.value) === 'DENY' ? ' (for a DENY rule: denies it)' : ''}. Write the ${outer === 'from' ? 'sources' : 'operations'} it should match, or remove ${outer} if ${any} is meant.`,
        });
      }
      for (const from of rule.from) block(from, 'source', SOURCE_FIELDS, 'from');
      for (const to of rule.to) block(to, 'operation', OPERATION_FIELDS, 'to');
    }
  },
};
