// `privateKey.rotationPolicy: Never`: every renewal reuses the same private key, so a key that leaked
// once stays valid across all future certificates.
import type { DocumentRule } from './lib/rule';
import { asRecord } from '../resources';
import { setValueFix } from './lib/fix-edits';

export const rule: DocumentRule = {
  meta: {
    id: 'certificate-rotation-policy-never',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'privateKey.rotationPolicy is Never: renewals keep the same private key.',
    fixable: true,
  },
  kinds: ['cert-manager.io/Certificate'],
  check(ctx) {
    const policy = asRecord(asRecord(ctx.value.spec)?.privateKey)?.rotationPolicy;
    if (policy !== 'Never') return;
    const path = ['spec', 'privateKey', 'rotationPolicy'];
    const fix = setValueFix(ctx, path, 'Always', 'Set rotationPolicy to Always', true);
    ctx.report({
      path,
      message:
        "With rotationPolicy Never, every renewed certificate reuses the same private key: short lifetimes no longer limit the damage of a leaked key. Use Always (cert-manager's default since 1.18), so each renewal generates a fresh key.",
      fixes: fix ? [fix] : undefined,
    });
  },
};
