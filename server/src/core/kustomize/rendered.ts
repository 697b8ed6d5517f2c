// Reads what `kustomize build` printed with `buildMetadata: [originAnnotations, transformerAnnotations]`:
// per rendered document, the file it came from and the kustomizations that changed it, and for an
// offset in the rendered text, the data path of the key or value written there.
import { splitDocuments } from '../split';
import { parseYaml } from '../parse';
import { asRecord } from '../resources';
import type { YNode } from '../yaml-tree';
import type { PathSegment } from '../locate';

export const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';
export const TRANSFORMATIONS_ANNOTATION = 'alpha.config.kubernetes.io/transformations';

export interface RenderedDoc {
  start: number;
  end: number;
  /** The parse, with offsets relative to `start`. */
  root: YNode | null;
  kind?: string;
  name?: string;
  /** The resource file it was read from, relative to the folder kustomize ran in ('/'-separated). */
  origin?: string;
  /** For generated resources: the kustomization whose generator made it. */
  generatedIn?: string;
  /** Kustomization files whose patches were applied to it, in the order they were applied. */
  patchedIn: string[];
}

export function renderedDocs(text: string): RenderedDoc[] {
  return splitDocuments(text).map((chunk) => {
    const parsed = parseYaml(chunk.text);
    const value = asRecord(parsed.value) ?? {};
    const meta = asRecord(value.metadata) ?? {};
    const annotations = asRecord(meta.annotations) ?? {};
    const origin = asRecord(parseYaml(stringOr(annotations[ORIGIN_ANNOTATION])).value) ?? {};
    const steps = parseYaml(stringOr(annotations[TRANSFORMATIONS_ANNOTATION])).value;
    const patchedIn = (Array.isArray(steps) ? steps : [])
      .map(asRecord)
      .filter((s) => /^Patch/.test(String(asRecord(s?.configuredBy)?.kind)))
      .map((s) => String(s?.configuredIn));
    const doc: RenderedDoc = { start: chunk.start, end: chunk.start + chunk.text.length, root: parsed.root, patchedIn };
    if (typeof value.kind === 'string') doc.kind = value.kind;
    if (typeof meta.name === 'string') doc.name = meta.name;
    if (typeof origin.path === 'string') doc.origin = origin.path;
    else if (typeof origin.configuredIn === 'string') doc.generatedIn = origin.configuredIn;
    return doc;
  });
}

function stringOr(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

export interface PathAt {
  path: PathSegment[];
  /** True when the offset is on the key of the last segment rather than its value. */
  onKey: boolean;
}

/** The deepest key or value that holds `offset`: which field a finding in the rendered text is about. */
export function pathAt(root: YNode | null, offset: number): PathAt {
  const path: PathSegment[] = [];
  let node = root;
  for (;;) {
    if (node?.kind === 'map') {
      const pair = node.pairs.find((p) => within(p.key, offset) || within(p.value, offset));
      const key = pair?.key;
      if (!pair || key?.kind !== 'scalar') return { path, onKey: false };
      path.push(String(key.value));
      if (within(key, offset)) return { path, onKey: true };
      node = pair.value;
    } else if (node?.kind === 'seq') {
      const index = node.items.findIndex((i) => within(i, offset));
      if (index < 0) return { path, onKey: false };
      path.push(index);
      node = node.items[index];
    } else {
      return { path, onKey: false };
    }
  }
}

function within(node: YNode | null, offset: number): boolean {
  return node !== null && node.start <= offset && offset < Math.max(node.end, node.start + 1);
}
