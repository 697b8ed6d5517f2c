// Certificate privateKey size must suit the algorithm: RSA 2048..8192, ECDSA 256, 384 or 521.
import type { DocumentRule } from './lib/rule';
import { recordAt } from './lib/go-values';

const RSA_MIN = 2048;
const RSA_MAX = 8192;
const ECDSA_SIZES = [256, 384, 521];

export const rule: DocumentRule = {
  meta: {
    id: 'certificate-private-key',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'privateKey.size must suit the algorithm: RSA 2048 to 8192 bits, ECDSA 256, 384 or 521.',
    fixable: false,
  },
  kinds: ['cert-manager.io/Certificate'],
  check(ctx) {
    const key = recordAt(recordAt(ctx.value, 'spec'), 'privateKey');
    if (!key) return;
    const size = key.size;
    if (typeof size !== 'number' || !Number.isInteger(size) || size <= 0) return; // 0 or unset means the default
    const algorithm = key.algorithm === undefined || key.algorithm === null || key.algorithm === '' ? 'RSA' : key.algorithm;
    if (algorithm === 'RSA' && (size < RSA_MIN || size > RSA_MAX)) {
      ctx.report({
        path: ['spec', 'privateKey', 'size'],
        message: `cert-manager's webhook rejects an RSA key of ${size} bits: it "must be between ${RSA_MIN} and ${RSA_MAX}". Use 2048 (the default), 3072 or 4096.`,
      });
    } else if (algorithm === 'ECDSA' && !ECDSA_SIZES.includes(size)) {
      ctx.report({
        path: ['spec', 'privateKey', 'size'],
        message: `cert-manager's webhook rejects an ECDSA key of size ${size}: supported values are 256, 384 and 521. Use 256 (P-256, the default) or 384.`,
      });
    }
  },
};
