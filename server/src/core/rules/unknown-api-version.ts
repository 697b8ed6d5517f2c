// A known mesh API group with a version or kind it does not serve: the API server has no such type.
import type { DocumentRule } from './lib/rule';
import { closest } from '../suggest';
import { setValueFix } from './lib/fix-edits';

export const rule: DocumentRule = {
  meta: {
    id: 'unknown-api-version',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'apiVersion or kind is not served by that Istio or cert-manager API group.',
    fixable: true,
  },
  check(ctx) {
    const r = ctx.resource;
    if (ctx.schemas.find(r.group, r.version, r.kind)) return;
    const kinds = ctx.schemas.kindsOf(r.group);
    if (kinds.length === 0) return; // a group we do not model: stay quiet rather than guess
    if (!kinds.includes(r.kind)) {
      const guess = closest(r.kind, kinds);
      const fix = guess ? setValueFix(ctx, ['kind'], guess, `Change kind to ${guess}`, false) : undefined;
      ctx.report({
        path: ['kind'],
        message: `${r.group} has no kind \`${r.kind}\`.${guess ? ` Did you mean \`${guess}\`?` : ` It serves: ${kinds.join(', ')}.`}`,
        fixes: fix ? [fix] : undefined,
      });
      return;
    }
    const versions = ctx.schemas.versionsOf(r.group, r.kind);
    const current = versions.find((v) => ctx.schemas.find(r.group, v, r.kind)?.current) ?? versions[0];
    const fix = current ? setValueFix(ctx, ['apiVersion'], `${r.group}/${current}`, `Use ${r.group}/${current}`, false) : undefined;
    ctx.report({
      path: ['apiVersion'],
      message: `${r.group} does not serve ${r.kind} at version \`${r.version}\`; served versions: ${versions.join(', ')}.`,
      fixes: fix ? [fix] : undefined,
    });
  },
};
