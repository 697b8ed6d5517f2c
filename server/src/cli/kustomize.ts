// `meshlint --kustomize DIR` (and `.meshlint.yaml`'s `kustomize:`): lints what an overlay would
// apply and reports each finding where it is written (the patch that sets the value, else the
// resource file), naming the overlay it came through. Files an overlay renders are seen by the
// workspace rules through the overlay only, so the rules judge what is applied, once.
import * as path from 'node:path';
import { renderedDocs, pathAt, type RenderedDoc } from '../core/kustomize/rendered';
import { patchFilesOf, sourceOf, type ReadSource } from '../core/kustomize/map-back';
import { locate, scalarText } from '../core/locate';
import type { Finding } from '../core/types';
import { findRenderer, renderOverlay } from '../node/kustomize-render';
import { readTextFile } from './read-text';
import type { Input, Linted } from './lint';
import { locateFindings, type FileReport } from './report';
import { withWorkspaceFindings, type CliWorkspace } from './workspace';

export interface Overlay {
  /** The folder as given. */
  dir: string;
  /** The rendered text, checked like a file under a name that says what it is. */
  input: Input;
  /** The folder the origin paths are relative to. */
  root: string;
  docs: RenderedDoc[];
}

/** Renders each overlay folder; one that cannot be rendered is a problem (exit 2), with the reason. */
export function renderOverlays(dirs: readonly string[], problems: { path: string; message: string }[]): Overlay[] {
  if (dirs.length === 0) return [];
  const renderer = findRenderer();
  const overlays: Overlay[] = [];
  for (const dir of dirs) {
    const rendered = renderOverlay(dir, renderer);
    if (!rendered.ok) {
      problems.push({ path: dir, message: rendered.message });
      continue;
    }
    const input = { path: `${dir} (kustomize build)`, text: rendered.text };
    overlays.push({ dir, input, root: rendered.root, docs: renderedDocs(rendered.text) });
  }
  return overlays;
}

/**
 * Workspace findings with the overlays in the workspace in place of the files they render (those
 * keep their own per-document findings).
 */
export function withOverlayWorkspace(linted: readonly Linted[], ws: CliWorkspace, overlays: readonly Overlay[]): Linted[] {
  if (overlays.length === 0) return withWorkspaceFindings(linted, ws);
  const rendered = new Set(overlays.flatMap(sourceFiles));
  const seenThrough = (l: Linted): boolean => rendered.has(path.resolve(l.path));
  const checked = withWorkspaceFindings(
    linted.filter((l) => !seenThrough(l)),
    ws,
  );
  return [...checked, ...linted.filter(seenThrough)];
}

/** Resource files, kustomizations and patch files of an overlay (absolute paths). */
function sourceFiles(o: Overlay): string[] {
  const read = reader(o.root);
  const kustomizations = [...new Set(o.docs.flatMap((d) => d.patchedIn))];
  const files = [...o.docs.map((d) => d.origin), ...kustomizations, ...kustomizations.flatMap((k) => patchFilesOf(k, read))];
  return files.filter((f): f is string => f !== undefined).map((f) => path.resolve(o.root, f));
}

/** Source texts by path relative to `root`, each read once. */
function reader(root: string): ReadSource {
  const texts = new Map<string, string | undefined>();
  return (file) => {
    const abs = path.resolve(root, file);
    if (!texts.has(abs)) {
      const read = readTextFile(abs);
      texts.set(abs, read.ok ? read.text : undefined);
    }
    return texts.get(abs);
  };
}

/** Reports per file, the overlays' findings moved to the source files (a direct twin of one is dropped). */
export function overlayReports(linted: readonly Linted[], overlays: readonly Overlay[]): FileReport[] {
  const byInput = new Map(overlays.map((o) => [o.input.path, o]));
  const moved = new Map<string, { text: string; findings: Finding[] }>();
  const reports: FileReport[] = [];
  for (const l of linted) {
    const overlay = byInput.get(l.path);
    if (!overlay) continue;
    const left = mapOverlay(overlay, l.findings, moved);
    if (left.length > 0) reports.push({ path: l.path, findings: locateFindings(l.text, left) });
  }
  for (const l of linted) {
    if (byInput.has(l.path)) continue;
    const extra = moved.get(path.resolve(l.path));
    if (extra) moved.delete(path.resolve(l.path));
    if (!extra) {
      reports.push({ path: l.path, findings: locateFindings(l.text, l.findings) });
      continue;
    }
    const own = l.findings.filter((f) => !extra.findings.some((x) => x.ruleId === f.ruleId && x.start === f.start));
    reports.push({
      path: l.path,
      findings: locateFindings(
        l.text,
        [...own, ...extra.findings].sort((a, b) => a.start - b.start),
      ),
    });
  }
  for (const [file, m] of moved) {
    reports.push({
      path: displayPath(file),
      findings: locateFindings(
        m.text,
        m.findings.sort((a, b) => a.start - b.start),
      ),
    });
  }
  return reports;
}

/** Moves what it can into `moved` (by absolute source path); returns the findings left on the rendered text. */
function mapOverlay(o: Overlay, findings: readonly Finding[], moved: Map<string, { text: string; findings: Finding[] }>): Finding[] {
  const read = reader(o.root);
  const left: Finding[] = [];
  for (const f of findings) {
    const doc = o.docs.find((d) => d.start <= f.start && f.start < d.end);
    const at = doc ? pathAt(doc.root, f.start - doc.start) : undefined;
    const place = doc && at ? sourceOf(doc, at, scalarText(locate(doc.root, at.path)?.value ?? null), read) : undefined;
    if (!place) {
      left.push(f);
      continue;
    }
    const abs = path.resolve(o.root, place.file);
    let entry = moved.get(abs);
    if (!entry) moved.set(abs, (entry = { text: place.text, findings: [] }));
    // Fixes and related places are offsets in the rendered text: they do not apply to the source.
    entry.findings.push({
      ruleId: f.ruleId,
      severity: f.severity,
      message: `${f.message} (through the kustomize overlay ${o.dir})`,
      start: place.start,
      end: place.end,
    });
  }
  return left;
}

function displayPath(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
}
