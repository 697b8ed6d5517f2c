// An authorization `namespaces` entry (or source.namespace condition) naming a namespace the
// workspace does not know. Only said when the workspace declares Namespaces (so it describes the
// cluster's namespaces at all); a namespace any manifest is placed in counts as known. A near match
// among the known namespaces makes it a likely typo that silently never matches: a warning.
import { meshSettings } from '../../policy/mesh-settings';
import type { WorkspaceRule } from '../rule';
import { closest } from '../../suggest';
import { BUILTIN_NAMESPACES } from '../describe';

export const rule: WorkspaceRule = {
  meta: {
    id: 'unknown-namespace',
    category: 'workspace',
    defaultSeverity: 'info',
    summary: 'An authorization policy names a namespace that no manifest in the workspace declares or uses.',
    fixable: false,
  },
  check(ctx) {
    const { view, config } = ctx;
    if (view.all('namespace').length === 0) return;
    const known = new Set([...view.knownNamespaces(), ...BUILTIN_NAMESPACES, meshSettings(view, config).rootNamespace.value]);
    const candidates = [...known].sort();
    const guesses = new Map<string, string | undefined>();
    for (const ap of view.all('authorization-policy')) {
      for (const ref of ap.namespaces) {
        if (ref.value.includes('*') || known.has(ref.value)) continue;
        if (!guesses.has(ref.value)) guesses.set(ref.value, closest(ref.value, candidates));
        const guess = guesses.get(ref.value);
        ctx.report({
          at: ref.site,
          severity: guess ? 'warning' : undefined,
          message: `No manifest in the workspace declares namespace \`${ref.value}\` or is placed in it. A namespace with no workloads sends no requests, so this entry never matches.${guess ? ` Did you mean \`${guess}\`? A near miss like this is almost surely a typo.` : ''}`,
        });
      }
    }
  },
};
