// What the extension exports from activate(): the Mesh Policy tree and the access-test controller,
// so other extensions and the real-editor suite can follow what they show (views and test results
// are not readable through the VS Code API).
import type * as vscode from 'vscode';
import type { EffectivePolicy } from '../../server/src/core/policy/types';
import type { AccessTestRunSummary } from './access/access-test-controller';

export interface MeshlintApi {
  policyTree: {
    readonly shown: EffectivePolicy | undefined;
    readonly onDidShow: vscode.Event<EffectivePolicy | undefined>;
  };
  accessTests: {
    readonly onDidFinishRun: vscode.Event<AccessTestRunSummary>;
    files(): vscode.Uri[];
    discover(): Promise<void>;
  };
}
