// Certificate signatureAlgorithm must match the private key algorithm (RSA, ECDSA or Ed25519).
import type { DocumentRule } from './lib/rule';
import { recordAt, stringAt } from './lib/go-values';

const ALLOWED: Record<string, string[]> = {
  RSA: ['SHA256WithRSA', 'SHA384WithRSA', 'SHA512WithRSA'],
  ECDSA: ['ECDSAWithSHA256', 'ECDSAWithSHA384', 'ECDSAWithSHA512'],
  Ed25519: ['PureEd25519'],
};

export const rule: DocumentRule = {
  meta: {
    id: 'certificate-signature-algorithm',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'signatureAlgorithm must suit privateKey.algorithm (RSA, ECDSA or Ed25519).',
    fixable: false,
  },
  kinds: ['cert-manager.io/Certificate'],
  check(ctx) {
    const spec = recordAt(ctx.value, 'spec');
    const sig = stringAt(spec, 'signatureAlgorithm');
    if (sig === '') return;
    const algorithm = stringAt(recordAt(spec, 'privateKey'), 'algorithm') || 'RSA';
    const allowed = ALLOWED[algorithm];
    if (!allowed || allowed.includes(sig)) return;
    ctx.report({
      path: ['spec', 'signatureAlgorithm'],
      message: `cert-manager's webhook rejects ${sig} for ${algorithm} keys: allowed are ${allowed.join(', ')}. Pick one of those, or change privateKey.algorithm to match.`,
    });
  },
};
