// The server's workload CodeLens runs meshlint.explainWorkload, which answers with data (right for
// editors that print it); in VS Code the lens should open the answer in the Mesh Policy tree, so
// the client's middleware points such lenses at meshlint.showEffectivePolicy instead.
import type * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { EXPLAIN_WORKLOAD_COMMAND, SHOW_EFFECTIVE_POLICY_COMMAND, type EffectivePolicyParams } from '../../../server/src/lsp/protocol';
import { isWorkloadName } from './workload-name';

export function lensToTree<L extends vscode.CodeLens | null | undefined>(lens: L): L {
  const command = lens?.command;
  if (!lens || command?.command !== EXPLAIN_WORKLOAD_COMMAND) return lens;
  const params = command.arguments?.[0] as Partial<EffectivePolicyParams> | undefined;
  const workload = params && 'workload' in params ? params.workload : undefined;
  if (isWorkloadName(workload)) lens.command = { ...command, command: SHOW_EFFECTIVE_POLICY_COMMAND, arguments: [workload] };
  return lens;
}

export const lensMiddleware: Middleware = {
  provideCodeLenses: async (document, token, next) => (await next(document, token))?.map(lensToTree),
  resolveCodeLens: async (lens, token, next) => lensToTree(await next(lens, token)),
};
