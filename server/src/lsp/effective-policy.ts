// The policy model in the editor: the request meshlint/effectivePolicy (also the command
// meshlint.explainWorkload for other LSP editors), a CodeLens above each workload (resolved
// lazily: only visible lenses pay for the answer) and on each policy ("applies to N workloads"),
// and a notification when the index changes so a tree view can refresh.
import type { CodeLens, CodeLensParams, Connection } from 'vscode-languageserver';
import type { Config } from '../core/config';
import { applicableTo } from '../core/policy/reverse';
import { explainAt, explainWorkload, workloadAt } from '../core/policy/explain';
import { meshSettings } from '../core/policy/mesh-settings';
import { hoverMarkdown, lensTitle } from '../core/policy/summary';
import type { WorkspaceView } from '../core/workspace/view';
import {
  EFFECTIVE_POLICY_REQUEST,
  EXPLAIN_WORKLOAD_COMMAND,
  INDEX_CHANGED_NOTIFICATION,
  type EffectivePolicyParams,
  type EffectivePolicyResult,
} from './protocol';
import type { ServerState } from './server-state';
import type { PolicyViews } from './policy-host';

/** The policy views of the running server's host. */
function viewsOf(state: ServerState): PolicyViews['views'] {
  return (uri) => state.workspace.views(uri);
}

interface LensData {
  uri: string;
  /** Normalised key of the file in the index, and the fact's name offset there. */
  key: string;
  start: number;
  role: 'workload' | 'policy';
}

export async function effectivePolicyFor(state: ServerState, params: EffectivePolicyParams): Promise<EffectivePolicyResult> {
  await state.workspaceReady;
  const port = typeof params.port === 'number' ? params.port : undefined;
  if ('textDocument' in params) {
    const doc = state.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const config = await state.configFor(doc.uri);
    const key = state.workspace.normalize(doc.uri);
    for (const { view } of viewsOf(state)(doc.uri)) {
      const outcome = explainAt(view, config, key, doc.offsetAt(params.position), { port });
      if (outcome?.kind === 'explained') return outcome.policy;
    }
    return null;
  }
  const ambiguous = [];
  for (const { view, folderUri } of viewsOf(state)()) {
    const config = await state.configFor(folderUri);
    const outcome = explainWorkload(view, config, params.workload, { port });
    if (outcome.kind === 'explained') return outcome.policy;
    if (outcome.kind === 'ambiguous') ambiguous.push(...outcome.candidates);
  }
  return ambiguous.length > 0 ? { ambiguous } : null;
}

function lensesOf(view: WorkspaceView, uri: string, key: string): CodeLens[] {
  const out: CodeLens[] = [];
  for (const f of view.file(key)?.facts ?? []) {
    const role =
      f.type === 'workload'
        ? 'workload'
        : ['peer-authentication', 'authorization-policy', 'request-authentication'].includes(f.type)
          ? 'policy'
          : undefined;
    if (!role) continue;
    const data: LensData = { uri, key, start: f.site.start, role };
    out.push({
      range: { start: { line: f.site.line, character: f.site.character }, end: { line: f.site.endLine, character: f.site.endCharacter } },
      data,
    });
  }
  return out;
}

async function resolveLens(state: ServerState, lens: CodeLens): Promise<CodeLens> {
  const data = lens.data as LensData;
  const config: Config = await state.configFor(data.uri);
  for (const { view } of viewsOf(state)(data.uri)) {
    if (data.role === 'workload') {
      const w = workloadAt(view, data.key, data.start);
      if (!w) continue;
      const outcome = explainAt(view, config, data.key, data.start);
      if (outcome?.kind !== 'explained') continue;
      const target = { workload: { namespace: w.namespace ?? '', name: w.name ?? '', kind: w.kind } };
      return {
        ...lens,
        command: { title: `${lensTitle(outcome.policy)} · Explain`, command: EXPLAIN_WORKLOAD_COMMAND, arguments: [target] },
      };
    }
    const policy = view.file(data.key)?.facts.find((f) => f.site.start === data.start);
    if (!policy) continue;
    const workloads = applicableTo(view, meshSettings(view, config), policy);
    if (!workloads) continue;
    const n = workloads.length;
    return { ...lens, command: { title: `applies to ${n} workload${n === 1 ? '' : 's'}`, command: '' } };
  }
  return { ...lens, command: { title: 'not in the workspace index yet', command: '' } };
}

export function registerEffectivePolicy(connection: Connection, state: ServerState): void {
  connection.onRequest(EFFECTIVE_POLICY_REQUEST, (params: EffectivePolicyParams) => effectivePolicyFor(state, params));
  connection.onCodeLens(async (params: CodeLensParams) => {
    await state.workspaceReady;
    const key = state.workspace.normalize(params.textDocument.uri);
    return viewsOf(state)(params.textDocument.uri).flatMap(({ view }) => lensesOf(view, params.textDocument.uri, key));
  });
  connection.onCodeLensResolve((lens) => resolveLens(state, lens));
}

/** Sends meshlint/indexChanged once a burst of index changes (a scan, a save) has settled. */
export function indexChangedNotifier(connection: Connection, delayMs = 200): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      connection.sendNotification(INDEX_CHANGED_NOTIFICATION, {}).catch(() => undefined);
    }, delayMs);
  };
}

/** Markdown summary when `offset` is on a workload's metadata.name in an indexed document. */
export async function policyHoverAt(state: ServerState, uri: string, offset: number): Promise<string | undefined> {
  const key = state.workspace.normalize(uri);
  const config = await state.configFor(uri);
  for (const { view } of viewsOf(state)(uri)) {
    const w = workloadAt(view, key, offset);
    if (!w || offset < w.site.start || offset > w.site.end) continue;
    const outcome = explainAt(view, config, key, offset);
    if (outcome?.kind === 'explained') return hoverMarkdown(outcome.policy);
  }
  return undefined;
}
