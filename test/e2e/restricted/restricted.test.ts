// Restricted Mode: in a folder that is not trusted, meshlint still reads and explains manifests
// (diagnostics, quick fix, hover, completion), and Lint Kustomize Overlay runs no program.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { KUBECTL_LOG_ENV } from '../runner/fake-kubectl';
import { EXTENSION_ID, hasRule, openFixture, positionOf, ruleId, waitForDiagnostics, workspaceUri } from '../suite/helpers';

const RULE = 'peer-authentication-permissive';
const KUSTOMIZE_COMMAND = 'meshlint.lintKustomizeOverlay';

describe('Restricted Mode (folder not trusted)', () => {
  it('runs in a folder that is not trusted', () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the runner must open the folder with workspace trust on and not trusted');
  });

  it('checks, fixes, explains and completes a manifest', async () => {
    const editor = await openFixture('permissive.yaml');
    const { document } = editor;
    const diagnostics = await waitForDiagnostics(document.uri, hasRule(RULE), `a ${RULE} diagnostic`);
    const finding = diagnostics.find((d) => ruleId(d) === RULE)!;
    assert.equal(document.getText(finding.range), 'PERMISSIVE');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      finding.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    assert.ok(
      actions.some((a) => a.title === 'Set mode to STRICT' && a.edit),
      `quick fixes: ${actions.map((a) => a.title).join(', ') || '(none)'}`,
    );

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, finding.range.start);
    const hoverText = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(hoverText, new RegExp(RULE), `hover text was:\n${hoverText}`);

    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      positionOf(document, 'mode: ', 'mode: '.length),
    );
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(labels.includes('STRICT'), `completion items: ${labels.join(', ') || '(none)'}`);
  });

  it('Lint Kustomize Overlay refuses: no kubectl run, no Problems for the overlay', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const manifest = extension.packageJSON as {
      capabilities: { untrustedWorkspaces: { supported: unknown } };
      contributes: { commands: { command: string; enablement?: string }[] };
    };
    // Read from the manifest: VS Code does not apply trust requirements to an extension loaded for
    // development (as this suite loads it), so a `supported: false` would not disable it here.
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    const contributed = manifest.contributes.commands.find((c) => c.command === KUSTOMIZE_COMMAND);
    assert.match(contributed?.enablement ?? '', /\bisWorkspaceTrusted\b/, 'hidden from menus and the palette until trusted');
    assert.ok((await vscode.commands.getCommands(true)).includes(KUSTOMIZE_COMMAND), 'the command is registered');

    const log = process.env[KUBECTL_LOG_ENV];
    assert.ok(log, `${KUBECTL_LOG_ENV} not set: the runner puts a recording kubectl first on PATH`);
    // The command awaits the CLI (and so kubectl) before it returns: once it resolves, a run would show.
    await vscode.commands.executeCommand(KUSTOMIZE_COMMAND, workspaceUri('overlay/kustomization.yaml'));
    assert.ok(
      !fs.existsSync(log),
      `kubectl was run in an untrusted folder with: ${fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : ''}`,
    );
    const kustomizeProblems = vscode.languages
      .getDiagnostics()
      .flatMap(([uri, list]) => list.filter((d) => d.source === 'meshlint (kustomize)').map((d) => `${uri.path}: ${d.message}`));
    assert.deepEqual(kustomizeProblems, [], 'no Problems from an overlay render');
  });
});
