// The requests beyond standard LSP (effective policy and its CodeLens, access check, workspace
// inventory) and workspace/executeCommand for every LSP editor: the access check's commands and the
// effective policy's share one handler, since a connection keeps only the last one registered.
import type { Connection } from 'vscode-languageserver';
import { ACCESS_COMMANDS, type AccessService } from './access';
import { explainCommand, registerEffectivePolicy } from './effective-policy';
import { guard } from './guard';
import { registerInventory } from './inventory';
import { EXPLAIN_WORKLOAD_COMMAND } from './protocol';
import type { ServerState } from './server-state';

/** What the server announces in `executeCommandProvider`. */
export const SERVER_COMMANDS = [...ACCESS_COMMANDS, EXPLAIN_WORKLOAD_COMMAND];

export function registerCustomRequests(connection: Connection, state: ServerState, access: AccessService): void {
  access.register(connection);
  registerEffectivePolicy(connection, state);
  registerInventory(connection, state);
  connection.onExecuteCommand(
    guard(connection, 'command', null, (p: { command: string; arguments?: unknown[] }) =>
      p.command === EXPLAIN_WORKLOAD_COMMAND ? explainCommand(state, p.arguments) : access.execute(p.command, p.arguments),
    ),
  );
}
