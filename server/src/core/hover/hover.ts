// Hover for a position in a file: what the field under the cursor does (from the schema), its type
// and allowed values, the concept behind security-relevant fields, the meaning of an enum value,
// and the rules that report a finding there.
import type { FileAnalysis } from '../engine';
import type { SchemaRegistry } from '../schema';
import type { RuleMeta } from '../rules/lib/rule';
import { documentAt } from '../editing/document-at';
import { nodeAt, type NodeHit } from '../editing/node-at';
import { kindSchemaOf, resourceFromTree, type KindSchema } from '../editing/resource-of';
import { conceptOf, descriptionOf, enumOf, schemaAt, type JsonSchema } from '../schema-walk';
import type { ConceptLibrary, Concept } from './concept-text';
import { displayPath, fieldMarkdown, formatValue } from '../editing/field-doc';
import { explainValue } from './value-doc';
import { findingsAt, findingsMarkdown, type DocsLink } from './findings-note';
import { LABEL_CONCEPTS } from './well-known-labels';

export interface HoverDeps {
  registry: SchemaRegistry;
  concepts: ConceptLibrary;
  rules: readonly RuleMeta[];
  docsLink?: DocsLink;
  /** Link to a concept page, for "read more". */
  conceptLink?: (name: string) => string | undefined;
}

export interface HoverResult {
  markdown: string;
  /** File offsets of the hovered key or value. */
  start: number;
  end: number;
}

const SEPARATOR = '\n\n---\n\n';

export function hoverAt(analysis: FileAnalysis, offset: number, deps: HoverDeps): HoverResult | undefined {
  const doc = documentAt(analysis, offset);
  if (!doc) return undefined;
  const root = doc.result.parsed.root;
  const hit = nodeAt(root, offset - doc.start);
  const sections: string[] = [];
  if (hit) {
    const ks = kindSchemaOf(deps.registry, doc.result.resource ?? resourceFromTree(root));
    const about = ks ? schemaSections(hit, ks, deps) : [];
    sections.push(...(about.length > 0 ? about : labelSections(hit, deps)));
  }
  const findings = findingsAt(analysis.findings, offset);
  const note = findingsMarkdown(findings, deps.rules, deps.docsLink);
  if (note) sections.push(note);
  if (sections.length === 0) return undefined;
  const span = hit ? { start: hit.start + doc.start, end: hit.end + doc.start } : { start: findings[0].start, end: findings[0].end };
  return { markdown: sections.join(SEPARATOR), ...span };
}

function schemaSections(hit: NodeHit, ks: KindSchema, deps: HoverDeps): string[] {
  const { registry } = deps;
  const top = hit.path.length === 1 ? hit.path[0] : undefined;
  if ((top === 'apiVersion' || top === 'kind') && hit.on === 'value') return resourceSections(ks, deps);
  const schema = schemaAt(registry, ks.root, hit.path);
  if (!schema) return [];
  const parent = schemaAt(registry, ks.root, hit.path.slice(0, -1));
  // List items carry no concept of their own: the list's concept covers them (usages, principals).
  const concept =
    conceptFor(schema, deps) ?? (typeof hit.path[hit.path.length - 1] === 'number' && parent ? conceptFor(parent, deps) : undefined);
  const out: string[] = [];
  const value = hit.on === 'value' && hit.value !== undefined && hit.value !== null ? formatValue(hit.value) : undefined;
  const allowed = enumOf(schema)?.map(formatValue);
  if (value !== undefined && allowed?.includes(value)) {
    const meaning = explainValue(value, descriptionOf(schema), concept);
    out.push([`**\`${value}\`** — a value of \`${displayPath(hit.path)}\``, meaning].filter(Boolean).join('\n\n'));
    out.push(fieldMarkdown(registry, { path: hit.path, schema, parent, brief: meaning !== undefined }));
    if (concept) out.push(conceptMarkdown(concept, deps, false));
    return out;
  }
  out.push(fieldMarkdown(registry, { path: hit.path, schema, parent }));
  if (concept) out.push(conceptMarkdown(concept, deps, true));
  return out;
}

/** Hovering the kind or apiVersion value: what this resource is for. */
function resourceSections(ks: KindSchema, deps: HoverDeps): string[] {
  const title = typeof ks.root.title === 'string' ? ks.root.title : `${ks.kind.kind} (${ks.kind.group}/${ks.kind.version})`;
  const head = [`**${title}**`, descriptionOf(ks.root)];
  if (!ks.kind.current) head.push(`This version is deprecated: a newer version of ${ks.kind.kind} is served.`);
  const out = [head.filter(Boolean).join('\n\n')];
  const concept = conceptFor(ks.root, deps);
  if (concept) out.push(conceptMarkdown(concept, deps, true));
  return out;
}

/** Istio labels on kinds without a schema (Namespace, Deployment): explain sidecar injection. */
function labelSections(hit: NodeHit, deps: HoverDeps): string[] {
  const key = hit.path[hit.path.length - 1];
  const holder = hit.path[hit.path.length - 2];
  if (typeof key !== 'string' || (holder !== 'labels' && holder !== 'annotations')) return [];
  const known = LABEL_CONCEPTS[key];
  if (!known) return [];
  const out = [`**\`${key}\`**\n\n${known.what}`];
  const concept = deps.concepts.get(known.concept);
  if (concept) out.push(conceptMarkdown(concept, deps, hit.on === 'key'));
  return out;
}

function conceptFor(schema: JsonSchema, deps: HoverDeps): Concept | undefined {
  const name = conceptOf(schema);
  return name ? deps.concepts.get(name) : undefined;
}

function conceptMarkdown(concept: Concept, deps: HoverDeps, withExample: boolean): string {
  const parts = [`**${concept.title}**`, concept.summary];
  if (withExample && concept.example) parts.push(concept.example);
  const link = deps.conceptLink?.(concept.name);
  if (link) parts.push(`[More about ${concept.title.toLowerCase()}](${link})`);
  return parts.filter(Boolean).join('\n\n');
}
