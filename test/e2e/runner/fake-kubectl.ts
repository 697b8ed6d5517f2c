// A stand-in `kubectl` for the Restricted Mode pass: put first on code-server's PATH, it appends its
// arguments to a log file and prints a rendered PERMISSIVE policy. The suite reads the log to prove
// that nothing ran it, and a run that wrongly got through would also leave Problems behind.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Env var naming the log file, read by test/e2e/restricted. */
export const KUBECTL_LOG_ENV = 'MESHLINT_E2E_KUBECTL_LOG';

const RENDERED = `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: shop
spec:
  mtls:
    mode: PERMISSIVE
`;

/** Writes `<dir>/bin/kubectl`; returns the env entries that put it first on PATH and name its log. */
export function writeFakeKubectl(dir: string): Record<string, string> {
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  const log = path.join(dir, 'kubectl-calls.log');
  const script = `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\ncat <<'YAML'\n${RENDERED}YAML\n`;
  fs.writeFileSync(path.join(bin, 'kubectl'), script, { mode: 0o755 });
  return {
    PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
    [KUBECTL_LOG_ENV]: log,
    // Else the server gives the extension host the PATH of a login shell (resolveShellEnv), losing ours.
    VSCODE_CLI: '1',
  };
}
