// Asks the client for a settings section with a time limit: a client that never answers
// `workspace/configuration` must not leave documents without diagnostics, so the defaults apply
// once the limit passes. A late answer is still handed over, so the caller can check again.
import type { Connection } from 'vscode-languageserver';

/** How long the server waits for `workspace/configuration` before using the defaults (ms). */
export const DEFAULT_CONFIGURATION_TIMEOUT_MS = 3000;

export interface ConfigurationAnswer {
  /** The client's answer, or undefined when it failed or did not come in time. */
  value: unknown;
  timedOut: boolean;
}

export function askConfiguration(
  connection: Connection,
  item: { scopeUri: string; section: string },
  timeoutMs: number,
  onLateAnswer: (value: unknown) => void = () => undefined,
): Promise<ConfigurationAnswer> {
  return new Promise((resolve) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      resolve({ value: undefined, timedOut: true });
    }, timeoutMs);
    connection.workspace.getConfiguration(item).then(
      (value: unknown) => {
        clearTimeout(timer);
        if (settled) onLateAnswer(value);
        else resolve({ value, timedOut: false });
        settled = true;
      },
      () => {
        clearTimeout(timer);
        if (!settled) resolve({ value: undefined, timedOut: false });
        settled = true;
      },
    );
  });
}
