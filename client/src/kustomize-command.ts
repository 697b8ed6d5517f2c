// The *Lint Kustomize Overlay* command: runs the bundled CLI on the overlay of the open
// kustomization.yaml (the CLI renders it with kubectl or kustomize) and puts what it finds, at the
// lines of the files that write each value, into the Problems panel. Running a program is not
// something an untrusted folder may trigger: the command refuses there (and is hidden by `enablement`).
import * as vscode from 'vscode';
import { execFile } from 'node:child_process';
import * as path from 'node:path';

export const KUSTOMIZE_COMMAND = 'meshlint.lintKustomizeOverlay';
const KUSTOMIZATION_FILE = /^(kustomization\.ya?ml|Kustomization)$/;

interface CliFinding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

const SEVERITY: Record<CliFinding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function registerKustomizeCommand(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): vscode.Disposable[] {
  const collection = vscode.languages.createDiagnosticCollection('meshlint-kustomize');
  const command = vscode.commands.registerCommand(KUSTOMIZE_COMMAND, async (arg?: vscode.Uri) => {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('meshlint: linting a Kustomize overlay runs kubectl or kustomize; trust this folder first.');
      return;
    }
    const file = arg ?? vscode.window.activeTextEditor?.document.uri;
    if (!file || file.scheme !== 'file' || !KUSTOMIZATION_FILE.test(path.basename(file.fsPath))) {
      void vscode.window.showWarningMessage('meshlint: open a kustomization.yaml to lint its overlay.');
      return;
    }
    const dir = path.dirname(file.fsPath);
    const run = await runCli(context.asAbsolutePath('dist/cli.js'), dir);
    output.info(`kustomize overlay ${dir}: exit ${run.code}${run.stderr ? `\n${run.stderr}` : ''}`);
    if (run.code === 2 || run.stdout === '') {
      void vscode.window.showErrorMessage(`meshlint: ${run.stderr.trim() || 'the overlay could not be checked'}`);
      return;
    }
    const files = (JSON.parse(run.stdout) as { files: { path: string; findings: CliFinding[] }[] }).files;
    collection.clear();
    for (const f of files) {
      // Findings left on the rendered output (no source found) go on the kustomization file itself.
      const rendered = f.path.endsWith('(kustomize build)');
      const uri = rendered ? file : vscode.Uri.file(path.resolve(dir, f.path));
      const previous = collection.get(uri) ?? [];
      collection.set(uri, [...previous, ...f.findings.map((x) => toDiagnostic(x, rendered))]);
    }
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return [collection, command];
}

function toDiagnostic(f: CliFinding, rendered: boolean): vscode.Diagnostic {
  const range = rendered
    ? new vscode.Range(0, 0, 0, 0)
    : new vscode.Range(
        f.line - 1,
        f.column - 1,
        Math.max(f.line, f.endLine) - 1,
        f.endLine > f.line ? f.endColumn - 1 : Math.max(f.endColumn, f.column) - 1,
      );
  const diagnostic = new vscode.Diagnostic(
    range,
    rendered ? `${f.message} (in the rendered overlay, line ${f.line})` : f.message,
    SEVERITY[f.severity],
  );
  diagnostic.source = 'meshlint (kustomize)';
  diagnostic.code = f.ruleId;
  return diagnostic;
}

/** The CLI in VS Code's own Node (ELECTRON_RUN_AS_NODE), from the overlay's folder so paths print relative to it. */
function runCli(cli: string, dir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const script = `require(${JSON.stringify(cli)}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; })`;
  const args = ['-e', script, '--', '--kustomize', dir, '--format', 'json', '--min-severity', 'hint'];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd: dir, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 64 * 1024 * 1024, windowsHide: true },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 2) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
