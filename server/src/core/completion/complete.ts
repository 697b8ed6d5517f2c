// Completion at a position in a file: works out where the cursor writes (from indentation, so
// half-typed YAML works), then proposes schema keys, values, resource kinds and workspace names.
import { splitDocuments } from '../split';
import { MAX_DOCUMENT_LENGTH } from '../parse';
import { cursorContext, pathKey, type CursorContext } from '../editing/cursor-context';
import { kindSchemaOf, resourceFromFields } from '../editing/resource-of';
import { schemaAt, shapeOf } from '../schema-walk';
import { keyItems } from './key-items';
import { valueItems } from './value-items';
import { apiVersionItems, kindItems, resourcePairItems } from './resource-items';
import { workspaceItems } from './workspace-items';
import type { CompletionDeps, Suggestion } from './types';
import { withLineFeeds } from '../line-breaks';

export function completeAt(written: string, offset: number, deps: CompletionDeps): Suggestion[] {
  // The cursor's line is read from the LF twin: a lone `\r` ends a line (core/line-breaks.ts).
  const text = withLineFeeds(written);
  const chunks = splitDocuments(text);
  const chunk = chunks.find((c, i) => offset >= c.start && (offset < c.start + c.text.length || i === chunks.length - 1));
  // A document too large to check is too large to read line by line at every request (seconds).
  if (!chunk || chunk.text.length > MAX_DOCUMENT_LENGTH) return [];
  const ctx = cursorContext(chunk.text, offset - chunk.start);
  if (!ctx) return [];
  return suggestions(ctx, chunk.start, deps);
}

function suggestions(ctx: CursorContext, fileOffset: number, deps: CompletionDeps): Suggestion[] {
  const { registry } = deps;
  const apiVersion = ctx.scalars.get(pathKey(['apiVersion']));
  const kind = ctx.scalars.get(pathKey(['kind']));
  const top = ctx.path.length === 1 ? ctx.path[0] : undefined;
  if (ctx.slot === 'value' && top === 'apiVersion') return apiVersionItems(registry, ctx, fileOffset, kind);
  if (ctx.slot === 'value' && top === 'kind') return kindItems(registry, ctx, fileOffset, apiVersion);

  const ks = kindSchemaOf(registry, resourceFromFields(apiVersion, kind));
  const fromWorkspace = workspaceItems(ctx, deps.workspace, deps.trustDomain, fileOffset);
  if (!ks) {
    // Not a resource meshlint knows (yet): at the top of an empty manifest, offer what it could be.
    if (ctx.slot === 'key' && ctx.path.length === 0) {
      const pairs = apiVersion === undefined && kind === undefined ? resourcePairItems(registry, ctx, fileOffset) : [];
      return [...pairs, ...rootKeyItems(ctx, fileOffset)];
    }
    return fromWorkspace;
  }
  const schema = schemaAt(registry, ks.root, ctx.path);
  if (!schema) return fromWorkspace;
  const last = ctx.path[ctx.path.length - 1];
  const list = typeof last === 'number' ? schemaAt(registry, ks.root, ctx.path.slice(0, -1)) : undefined;
  const out: Suggestion[] = [...fromWorkspace];
  if (ctx.slot === 'key') out.push(...keyItems(registry, schema, ctx.path, ctx, fileOffset));
  else if (ctx.slot === 'value') out.push(...valueItems(registry, schema, ctx, fileOffset, deps.concepts, list));
  else {
    // After `- `: the item is a map (offer its keys) or a scalar (offer its values).
    const shape = shapeOf(registry, schema);
    if (shape === 'object' || shape === 'any') out.push(...keyItems(registry, schema, ctx.path, ctx, fileOffset));
    if (shape !== 'object') out.push(...valueItems(registry, schema, ctx, fileOffset, deps.concepts, list));
  }
  return out;
}

/** `apiVersion:` and `kind:` as plain keys, for people who type them one by one. */
function rootKeyItems(ctx: CursorContext, fileOffset: number): Suggestion[] {
  return ['apiVersion', 'kind']
    .filter((k) => !ctx.presentKeys.has(k))
    .map((k, i) => ({
      label: k,
      kind: 'key' as const,
      insertText: `${k}: `,
      snippet: false,
      start: fileOffset + ctx.replaceStart,
      end: fileOffset + ctx.replaceEnd,
      sortText: `2${i}`,
      filterText: k,
    }));
}
