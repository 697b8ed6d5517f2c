// PeerAuthentication portLevelMtls keys must be port numbers 1..65535 (CRD CEL rule and webhook).
import type { DocumentRule } from './lib/rule';
import { recordAt } from './lib/go-values';

const MAX_PORT = 65535;

export const rule: DocumentRule = {
  meta: {
    id: 'peer-authentication-port-range',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'Each portLevelMtls key must be a workload port number between 1 and 65535.',
    fixable: false,
  },
  kinds: ['security.istio.io/PeerAuthentication'],
  check(ctx) {
    const ports = recordAt(recordAt(ctx.value, 'spec'), 'portLevelMtls');
    for (const key of Object.keys(ports ?? {})) {
      const numeric = /^\+?\d+$/.test(key.trim());
      const port = numeric ? Number(key) : NaN;
      if (numeric && port >= 1 && port <= MAX_PORT) continue;
      ctx.report({
        path: ['spec', 'portLevelMtls', key],
        on: 'key',
        message: numeric
          ? `The API server rejects port ${key}: "port must be between 1-65535". Use the container port the workload listens on (not the Service port), between 1 and ${MAX_PORT}.`
          : `The API server rejects "${key}" here: portLevelMtls keys are port numbers. Write the container port the workload listens on, e.g. 8080.`,
      });
    }
  },
};
