// Finds where a field of a rendered Kustomize resource is written: in the last patch applied that
// sets it (strategic-merge or JSON 6902, from a file or inline), else in the resource file it came
// from, so a finding on the rendered output can be shown on the line a person edits.
import { splitDocuments } from '../split';
import { parseYaml } from '../parse';
import { asRecord } from '../resources';
import { locate, nearestSpan, keySpan, valueSpan, scalarText, type Span } from '../locate';
import type { YNode } from '../yaml-tree';
import type { PathAt, RenderedDoc } from './rendered';
import { firstLineSpan } from '../line-breaks';

/** A file's text by its path relative to the folder kustomize ran in; undefined when unreadable. */
export type ReadSource = (file: string) => string | undefined;

export interface SourcePlace {
  /** Relative to the folder kustomize ran in, '/'-separated. */
  file: string;
  text: string;
  start: number;
  end: number;
}

/** Where the field at `at` of `doc` is written; `renderedValue` is its text in the output, when a scalar. */
export function sourceOf(doc: RenderedDoc, at: PathAt, renderedValue: string | undefined, read: ReadSource): SourcePlace | undefined {
  for (const kustomization of [...doc.patchedIn].reverse()) {
    const place = inPatches(kustomization, doc, at, renderedValue, read);
    if (place) return place;
  }
  if (doc.origin) return inResourceFile(doc.origin, doc, at, read);
  if (doc.generatedIn) {
    const text = read(doc.generatedIn);
    if (text !== undefined) return { file: doc.generatedIn, text, ...firstLineSpan(text) };
  }
  return undefined;
}

interface PatchEntry {
  /** Where the entry is in its kustomization (`patches`, index). */
  index: [string, number];
  path?: string;
  inline?: string;
  target?: Record<string, unknown>;
}

function patchEntries(kustomization: unknown): PatchEntry[] {
  const k = asRecord(kustomization) ?? {};
  const entries: PatchEntry[] = [];
  for (const list of ['patches', 'patchesJson6902', 'patchesStrategicMerge']) {
    const items = k[list];
    if (!Array.isArray(items)) continue;
    items.forEach((item: unknown, i) => {
      const entry = asRecord(item);
      const index: [string, number] = [list, i];
      // patchesStrategicMerge holds a file name or the patch itself.
      if (typeof item === 'string') entries.push(/[\n:]/.test(item) ? { index, inline: item } : { index, path: item });
      else if (entry)
        entries.push({
          index,
          ...(typeof entry.path === 'string' ? { path: entry.path } : {}),
          ...(typeof entry.patch === 'string' ? { inline: entry.patch } : {}),
          ...(asRecord(entry.target) ? { target: asRecord(entry.target) } : {}),
        });
    });
  }
  return entries;
}

/** The patch files a kustomization names (relative to the render folder, like its own path). */
export function patchFilesOf(kustomization: string, read: ReadSource): string[] {
  const text = read(kustomization);
  if (text === undefined) return [];
  const dir = dirname(kustomization);
  return patchEntries(parseYaml(text).value).flatMap((e) => (e.path === undefined ? [] : [joinPath(dir, e.path)]));
}

function inPatches(
  kustomization: string,
  doc: RenderedDoc,
  at: PathAt,
  renderedValue: string | undefined,
  read: ReadSource,
): SourcePlace | undefined {
  const text = read(kustomization);
  if (text === undefined) return undefined;
  const parsed = parseYaml(text);
  const dir = dirname(kustomization);
  const entries = patchEntries(parsed.value);
  // Patches listed later are applied later: the last one that sets the field decides its value.
  for (const entry of entries.reverse()) {
    if (entry.target && !targets(entry.target, doc)) continue;
    if (entry.path !== undefined) {
      const file = joinPath(dir, entry.path);
      const patchText = read(file);
      const span = patchText === undefined ? undefined : spanInPatch(patchText, doc, at, renderedValue, Boolean(entry.target));
      if (span && patchText !== undefined) return { file, text: patchText, ...span };
    } else if (entry.inline !== undefined && spanInPatch(entry.inline, doc, at, renderedValue, Boolean(entry.target))) {
      // Inside a block scalar offsets do not map one to one: the entry's `patch:` key is the place.
      const loc = locate(parsed.root, [...entry.index, 'patch']);
      const span = loc ? keySpan(loc) : undefined;
      if (span) return { file: kustomization, text, ...span };
    }
  }
  return undefined;
}

/** The span of the field in a patch text that sets it for `doc`, if it does. */
function spanInPatch(text: string, doc: RenderedDoc, at: PathAt, renderedValue: string | undefined, targeted: boolean): Span | undefined {
  for (const chunk of splitDocuments(text)) {
    const root = parseYaml(chunk.text).root;
    const span = root?.kind === 'seq' ? inJsonPatch(root, at) : inMergePatch(root, doc, at, renderedValue, targeted);
    if (span) return { start: span.start + chunk.start, end: span.end + chunk.start };
  }
  return undefined;
}

function inMergePatch(
  root: YNode | null,
  doc: RenderedDoc,
  at: PathAt,
  renderedValue: string | undefined,
  targeted: boolean,
): Span | undefined {
  if (root?.kind !== 'map') return undefined;
  const kind = scalarText(locate(root, ['kind'])?.value ?? null);
  const name = scalarText(locate(root, ['metadata', 'name'])?.value ?? null);
  if (!targeted && ((kind !== undefined && kind !== doc.kind) || (name !== undefined && !sameName(doc.name, name)))) return undefined;
  const loc = locate(root, at.path);
  if (!loc) return undefined;
  const written = scalarText(loc.value);
  if (renderedValue !== undefined && written !== undefined && written !== renderedValue) return undefined;
  return at.onKey ? keySpan(loc) : valueSpan(loc);
}

/** An `add` or `replace` operation whose path is the field or one of its parents. */
function inJsonPatch(ops: YNode & { kind: 'seq' }, at: PathAt): Span | undefined {
  for (const op of [...ops.items].reverse()) {
    const kind = scalarText(locate(op, ['op'])?.value ?? null);
    const pointer = scalarText(locate(op, ['path'])?.value ?? null);
    if ((kind !== 'add' && kind !== 'replace') || pointer === undefined) continue;
    const segments = pointer
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (segments.length > at.path.length || segments.some((s, i) => s !== String(at.path[i]))) continue;
    const value = locate(op, ['value']);
    if (!value) continue;
    const inside = locate(value.value, at.path.slice(segments.length));
    const loc = inside ?? value;
    return (inside && at.onKey ? keySpan(loc) : valueSpan(loc)) ?? undefined;
  }
  return undefined;
}

function inResourceFile(file: string, doc: RenderedDoc, at: PathAt, read: ReadSource): SourcePlace | undefined {
  const text = read(file);
  if (text === undefined) return undefined;
  const docs = splitDocuments(text).map((c) => ({ chunk: c, root: parseYaml(c.text).root }));
  const ofKind = docs.filter((d) => scalarText(locate(d.root, ['kind'])?.value ?? null) === doc.kind);
  const named = (exact: boolean): (typeof docs)[number] | undefined =>
    ofKind.find((d) => {
      const name = scalarText(locate(d.root, ['metadata', 'name'])?.value ?? null);
      return exact ? name === doc.name : sameName(doc.name, name);
    });
  const found = named(true) ?? named(false) ?? (ofKind.length === 1 ? ofKind[0] : undefined);
  if (!found) return { file, text, ...firstLineSpan(text) };
  const loc = locate(found.root, at.path);
  const span =
    (loc && (at.onKey ? keySpan(loc) : valueSpan(loc))) ?? nearestSpan(found.root, at.path, 'key') ?? firstLineSpan(found.chunk.text);
  return { file, text, start: span.start + found.chunk.start, end: span.end + found.chunk.start };
}

/** `namePrefix`/`nameSuffix` make `team-api-v2` of `api`. */
function sameName(rendered: string | undefined, written: string | undefined): boolean {
  return rendered === undefined || written === undefined || rendered.includes(written);
}

function targets(target: Record<string, unknown>, doc: RenderedDoc): boolean {
  if (typeof target.kind === 'string' && target.kind !== doc.kind) return false;
  return typeof target.name !== 'string' || sameName(doc.name, target.name);
}

function dirname(file: string): string {
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '.' : file.slice(0, slash) || '/';
}

/** A '/'-separated path joined and normalised (`a/b/../c` is `a/c`; leading `..` are kept). */
export function joinPath(dir: string, rel: string): string {
  const absolute = rel.startsWith('/') || (dir.startsWith('/') && !rel.startsWith('/'));
  const out: string[] = [];
  for (const part of (rel.startsWith('/') ? rel : `${dir}/${rel}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return (absolute ? '/' : '') + out.join('/');
}
