// The read API of the workspace index for editor features (completion of principals, namespaces,
// issuer names and labels; hover): plain lists, deduplicated and sorted, built from one view.
import type { WorkspaceView } from './view';

export interface WorkspaceNames {
  /** ServiceAccounts that exist: declared, or named by a workload's serviceAccountName. */
  serviceAccounts: { namespace: string; name: string }[];
  /** Namespaces declared by Namespace manifests or used by any manifest. */
  namespaces: string[];
  issuers: { name: string; namespace?: string; cluster: boolean }[];
  /** Pod labels of each workload, for selectors. */
  workloads: { namespace?: string; labels: Readonly<Record<string, string>> }[];
  /** Secret names per namespace (Secrets, and secretName of Certificates), for credentialName. */
  secrets: { namespace: string; name: string }[];
}

export function workspaceNames(view: WorkspaceView): WorkspaceNames {
  const accounts = new Map<string, { namespace: string; name: string }>();
  const addAccount = (namespace: string | undefined, name: string | undefined): void => {
    if (namespace !== undefined && name) accounts.set(`${namespace}/${name}`, { namespace, name });
  };
  for (const sa of view.all('service-account')) addAccount(sa.namespace, sa.name);
  for (const w of view.all('workload')) addAccount(w.namespace, w.serviceAccountName?.value);

  const secrets = new Map<string, { namespace: string; name: string }>();
  const addSecret = (namespace: string | undefined, name: string | undefined): void => {
    if (namespace !== undefined && name) secrets.set(`${namespace}/${name}`, { namespace, name });
  };
  for (const s of view.all('secret')) addSecret(s.namespace, s.secretName);
  for (const c of view.all('certificate')) addSecret(c.namespace, c.secretName?.value);

  const issuers = new Map<string, { name: string; namespace?: string; cluster: boolean }>();
  for (const i of view.all('issuer'))
    if (i.name)
      issuers.set(`${i.cluster}/${i.namespace ?? ''}/${i.name}`, {
        name: i.name,
        namespace: i.cluster ? undefined : i.namespace,
        cluster: i.cluster,
      });

  const byKey = <T>(m: Map<string, T>): T[] => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
  return {
    serviceAccounts: byKey(accounts),
    namespaces: [...view.knownNamespaces()].sort(),
    issuers: byKey(issuers),
    workloads: view.all('workload').map((w) => ({ namespace: w.namespace, labels: w.podLabels })),
    secrets: byKey(secrets),
  };
}
