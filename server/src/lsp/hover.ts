// LSP hover: asks the core what the key or value under the cursor means (schema text, concept,
// rule findings there) and returns it as markdown, or plain text for clients without markdown.
import { MarkupKind, type CancellationToken, type ClientCapabilities, type Hover, type HoverParams } from 'vscode-languageserver';
import { hoverAt } from '../core/hover/hover';
import { ConceptLibrary } from '../core/hover/concept-text';
import { allRuleMetas } from '../core/rules/index';
import type { ServerState } from './server-state';
import { cancelledError } from './budget';
import { policyHoverAt } from './effective-policy';

export function hoverHandler(
  state: ServerState,
  capabilities: () => ClientCapabilities,
): (params: HoverParams, token?: CancellationToken) => Promise<Hover | null> {
  const concepts = new ConceptLibrary(state.runtime.concepts ?? {});
  const rules = allRuleMetas();
  return async (params, token) => {
    const doc = state.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const { analysis, cancelled } = await state.analysisFor(doc, { budgetMs: state.budget('hover'), token });
    if (cancelled) throw cancelledError();
    state.notePartial('hover', analysis);
    const result = hoverAt(analysis, doc.offsetAt(params.position), {
      registry: state.runtime.engine.schemas,
      concepts,
      rules,
      docsLink: state.runtime.docsLink,
      conceptLink: state.runtime.conceptLink,
    });
    const offset = doc.offsetAt(params.position);
    const policy = await policyHoverAt(state, doc.uri, offset);
    if (!result && !policy) return null;
    const formats = capabilities().textDocument?.hover?.contentFormat;
    const markdown = !formats || formats.includes(MarkupKind.Markdown);
    const value = [policy, result?.markdown].filter((x): x is string => x !== undefined).join('\n\n---\n\n');
    const start = result?.start ?? offset;
    return {
      contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value },
      range: { start: doc.positionAt(start), end: doc.positionAt(result?.end ?? offset) },
    };
  };
}
