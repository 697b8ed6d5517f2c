// JSON manifests, as `kubectl get -o json` prints them. JSON is YAML, so the engine reads them as
// they are; decided here is only which `.json` files found in folders are manifests (package.json,
// tsconfig.json and the like are not), and that `--fix` leaves JSON alone (its edits are YAML).

const JSON_FILE = /\.json$/i;

export function isJsonPath(p: string): boolean {
  return JSON_FILE.test(p);
}

/** True for a JSON object with a string `apiVersion` and `kind`: one Kubernetes object or a List. */
export function holdsKubernetesObject(text: string): boolean {
  // Cheap test first: most JSON files of a repository are not manifests and need no full parse.
  if (!text.includes('"apiVersion"') || !text.includes('"kind"')) return false;
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return false;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { apiVersion, kind } = value as Record<string, unknown>;
  return typeof apiVersion === 'string' && typeof kind === 'string';
}

/** False for a `.json` file found in a folder that is not a manifest; a file named explicitly is always kept. */
export function keptAsManifest(file: string, text: string, explicit: boolean): boolean {
  return explicit || !isJsonPath(file) || holdsKubernetesObject(text);
}
