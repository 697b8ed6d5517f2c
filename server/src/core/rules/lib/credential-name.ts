// How Istio reads a configmap:// credentialName (credentials.ParseResourceName in
// pilot/pkg/model/credentials): configmap://<namespace>/<name>, both parts required; anything after
// a further "/" is ignored.

export type ConfigMapCredential = { namespace: string; name: string } | { problem: string };

/** The parts of a configmap:// credential, or what ParseResourceName finds missing; undefined for other credentials. */
export function parseConfigMapCredential(credential: string): ConfigMapCredential | undefined {
  const prefix = 'configmap://';
  if (!credential.startsWith(prefix)) return undefined;
  const parts = credential.slice(prefix.length).split('/');
  if (parts.length <= 1) return { problem: 'Expected namespace and name' };
  if (parts[0] === '') return { problem: 'Expected namespace' };
  if (parts[1] === '') return { problem: 'Expected name' };
  return { namespace: parts[0], name: parts[1] };
}
