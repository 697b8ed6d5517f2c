// Venafi issuer: a zone and exactly one of tpp, cloud (or ngts); TPP needs a URL and one CA bundle source.
import type { DocumentRule } from './lib/rule';
import { isSet, recordAt, stringAt } from './lib/go-values';
import { ISSUER_KINDS } from './lib/kinds';

const TARGETS = ['tpp', 'cloud', 'ngts'];

export const rule: DocumentRule = {
  meta: {
    id: 'issuer-venafi',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'A Venafi issuer needs a zone and exactly one of tpp or cloud; TPP needs a URL and at most one CA bundle source.',
    fixable: false,
  },
  kinds: ISSUER_KINDS,
  check(ctx) {
    const venafi = recordAt(recordAt(ctx.value, 'spec'), 'venafi');
    if (!venafi) return;
    const base = ['spec', 'venafi'];
    if (venafi.zone === '')
      ctx.report({
        path: [...base, 'zone'],
        message: "cert-manager's webhook rejects an empty venafi.zone. Write the Venafi policy zone (folder) to request certificates from.",
      });
    const set = TARGETS.filter((t) => isSet(venafi, t));
    if (set.length === 0) {
      ctx.report({
        path: base,
        on: 'key',
        message:
          'cert-manager\'s webhook rejects a Venafi issuer with neither tpp nor cloud ("please supply one of"). Add the tpp or cloud block for your Venafi service.',
      });
    }
    for (const extra of set.slice(1)) {
      ctx.report({
        path: [...base, extra],
        on: 'key',
        message: `cert-manager's webhook rejects ${extra} next to ${set[0]}: a Venafi issuer talks to one service. Create a second issuer for the other.`,
      });
    }
    const ngts = recordAt(venafi, 'ngts');
    for (const [field, path] of [
      ['tsgID', ['tsgID']],
      ['credentialsRef.name', ['credentialsRef', 'name']],
    ] as const) {
      const holder = path.length === 2 ? recordAt(ngts, path[0]) : ngts;
      if (!ngts || holder?.[path[path.length - 1]] !== '') continue;
      ctx.report({
        path: [...base, 'ngts', ...path],
        message: `cert-manager's webhook rejects an empty ngts.${field}. Write the value from your NGTS tenant.`,
      });
    }
    const tpp = recordAt(venafi, 'tpp');
    if (!tpp) return;
    if (tpp.url === '')
      ctx.report({
        path: [...base, 'tpp', 'url'],
        message: "cert-manager's webhook rejects an empty tpp.url. Write the TPP address ending in /vedsdk.",
      });
    if (stringAt(tpp, 'caBundle') !== '' && isSet(tpp, 'caBundleSecretRef')) {
      ctx.report({
        path: [...base, 'tpp', 'caBundleSecretRef'],
        on: 'key',
        message: "cert-manager's webhook rejects caBundle together with caBundleSecretRef for TPP. Keep one source for the CA bundle.",
      });
    }
  },
};
