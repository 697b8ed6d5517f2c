// An older served apiVersion (Istio v1beta1 / v1alpha3 / telemetry v1alpha1 where v1 exists): an
// information note with a fix to the current version, offered only when the document is valid there.
// Istio's CRDs still serve these versions and do not mark them deprecated, so the message says "older".
import type { DocumentRule } from './lib/rule';
import type { Fix } from '../types';
import { setValueEdits } from './lib/fix-edits';

export const rule: DocumentRule = {
  meta: {
    id: 'deprecated-api-version',
    category: 'hygiene',
    defaultSeverity: 'info',
    summary: 'The apiVersion is an older version Istio still serves; the same kind is served at the current version (v1).',
    fixable: true,
  },
  check(ctx) {
    const r = ctx.resource;
    const served = ctx.schemas.find(r.group, r.version, r.kind);
    if (!served || served.current) return;
    const currentVersion = ctx.schemas.versionsOf(r.group, r.kind).find((v) => ctx.schemas.find(r.group, v, r.kind)?.current);
    if (!currentVersion) return;
    const target = ctx.schemas.find(r.group, currentVersion, r.kind);
    if (!target) return;
    const newApiVersion = `${r.group}/${currentVersion}`;
    // Offer the fix only when every field of the document exists in the current version's schema:
    // the same document, relabelled, must validate there without a single error.
    const relabelled = { ...ctx.value, apiVersion: newApiVersion };
    const blocked = ctx.schemas.validate(target, relabelled).length > 0;
    const edits = blocked ? undefined : setValueEdits(ctx, ['apiVersion'], newApiVersion);
    const fixes: Fix[] | undefined = edits
      ? [
          {
            title: `Use ${newApiVersion}`,
            edits,
            // Not in "fix all": clusters running Istio older than 1.22 do not serve v1 yet.
            safe: false,
            preferred: true,
          },
        ]
      : undefined;
    ctx.report({
      path: ['apiVersion'],
      message:
        `${r.apiVersion} is an older version of ${r.kind}: Istio still serves it (its CRDs do not mark it deprecated), ` +
        `and the current version of the same resource is ${newApiVersion}. ` +
        (fixes
          ? `Switch to ${newApiVersion} (needs Istio 1.22 or later in the cluster).`
          : // Blocked by the document's own schema errors, not by the version: say so rather than blame the fields.
            ctx.schemas.validate(served, ctx.value).length > 0
            ? `Switch to ${newApiVersion} once its schema errors are fixed (they are errors at ${r.apiVersion} too).`
            : `Switch to ${newApiVersion} once the fields this document uses are valid there.`),
      fixes,
    });
  },
};
