// The policy requests (effective policy, access check, workspace inventory), and the one
// workspace/executeCommand handler: a connection keeps only the last one registered, so every command
// the server advertises (capabilities.ts) is dispatched here by name, for editors without our client.
import type { Connection, ExecuteCommandParams } from 'vscode-languageserver';
import type { AccessService } from './access';
import { effectivePolicyFor, registerEffectivePolicy } from './effective-policy';
import { registerInventory } from './inventory';
import { guard } from './guard';
import { EXPLAIN_WORKLOAD_COMMAND, type EffectivePolicyParams } from './protocol';
import type { ServerState } from './server-state';

export function registerPolicyRequests(connection: Connection, state: ServerState, access: AccessService): void {
  registerEffectivePolicy(connection, state);
  access.register(connection);
  registerInventory(connection, state);
  connection.onExecuteCommand(
    guard(connection, 'command', null, (p: ExecuteCommandParams) =>
      p.command === EXPLAIN_WORKLOAD_COMMAND
        ? effectivePolicyFor(state, p.arguments?.[0] as EffectivePolicyParams)
        : access.execute(p.command, p.arguments),
    ),
  );
}
