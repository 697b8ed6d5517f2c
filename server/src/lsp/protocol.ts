// Types shared by the VS Code client and the language server: settings and custom messages.
// One file, so the two sides cannot drift apart. DEFAULT_SETTINGS is the declaration of the
// `meshlint.*` settings the server reads; test/unit/settings-agree.test.ts holds package.json, the
// config file keys and the docs to it.
import type { RuleLevel } from '../core/config';
import type { AccessQuery, AccessResult } from '../core/access/types';
import type { EffectivePolicy, Ref, WorkloadName } from '../core/policy/types';
import type { Site } from '../core/workspace/facts';

export type RuleLevelSetting = RuleLevel;

/**
 * The `meshlint.*` settings, as the server reads them per document. Empty strings mean "not set":
 * then `.meshlint.yaml` or the built-in default applies, so a setting only overrides when a user
 * actually chose a value.
 */
export interface MeshlintSettings {
  enable: boolean;
  rules: Record<string, RuleLevelSetting>;
  rootNamespace: string;
  trustDomain: string;
  /** Go duration, e.g. "24h". */
  maxWorkloadCertificateDuration: string;
  /** Go duration, e.g. "2160h". */
  maxCertificateDuration: string;
  /** CRD files or folders, relative to the workspace folder (docs/crds.md). */
  crds: string[];
}

export const DEFAULT_SETTINGS: Readonly<MeshlintSettings> = {
  enable: true,
  rules: {},
  rootNamespace: '',
  trustDomain: '',
  maxWorkloadCertificateDuration: '',
  maxCertificateDuration: '',
  crds: [],
};

/** Server -> client: health of the server, shown in a status item. */
export const STATUS_NOTIFICATION = 'meshlint/status';

export interface StatusParams {
  health: 'ok' | 'warning' | 'error';
  message: string;
}

/** Data attached to each diagnostic so code actions need no server-side memory. */
export interface DiagnosticData {
  version: number;
  fixes: { title: string; safe: boolean; preferred?: boolean; edits: { range: LspRange; newText: string }[] }[];
}

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

// ---- Effective policy, access check and the editor surfaces over them (issues 12 and 14) ----

/** Client -> server: which policies apply to a workload (by the document under the cursor, or by name). */
export const EFFECTIVE_POLICY_REQUEST = 'meshlint/effectivePolicy';

export type EffectivePolicyParams = (
  { textDocument: { uri: string }; position: { line: number; character: number } } | { workload: WorkloadName }
) & { port?: number };

/** null: the position or name is not a workload; `candidates`: the name is ambiguous. */
export type EffectivePolicyResult = EffectivePolicy | { ambiguous: true; candidates: Ref[] } | null;

/** Server -> client: the workspace index changed, so answers computed from it may have changed. */
export const INDEX_CHANGED_NOTIFICATION = 'meshlint/indexChanged';

/** Client command behind the server's workload CodeLens: focus the Mesh Policy tree on a workload. */
export const SHOW_EFFECTIVE_POLICY_COMMAND = 'meshlint.showEffectivePolicy';
export type ShowEffectivePolicyArgs = WorkloadName;

/** Client -> server: evaluate one request against the workspace's policies. */
export const CHECK_ACCESS_REQUEST = 'meshlint/checkAccess';
/** `uri` picks the workspace folder whose index answers (any file in it). */
export interface CheckAccessParams {
  uri?: string;
  query: AccessQuery;
}

/** Client -> server: run every test of an AccessTests document. */
export const RUN_ACCESS_TESTS_REQUEST = 'meshlint/runAccessTests';
export interface RunAccessTestsParams {
  uri: string;
}
export interface AccessTestOutcome {
  name: string;
  /** The test's `- name:` entry in the document. */
  range: LspRange;
  passed: boolean;
  expected: string;
  /** Why a test could not be evaluated (unknown workload, bad entry); no `result` then. */
  error?: string;
  result?: AccessResult;
}
export interface RunAccessTestsResult {
  tests: AccessTestOutcome[];
  passed: number;
  failed: number;
}

/** Client -> server: the workloads, service accounts and Service ports of a document's workspace folder. */
export const WORKSPACE_INVENTORY_REQUEST = 'meshlint/workspaceInventory';
export interface WorkspaceInventoryParams {
  /** Any file in the folder (a folder's own URI is not in it); absent: the open files outside every folder. */
  uri?: string;
}
export interface WorkspaceInventory {
  workloads: { namespace: string; name: string; kind: string; serviceAccount: string; location: Site }[];
  serviceAccounts: { namespace: string; name: string }[];
  services: {
    namespace: string;
    name: string;
    /** Workloads the Service selects, as `namespace/name`. */
    workloads: string[];
    ports: { port: number; targetPort?: number | string; name?: string; protocol?: string; appProtocol?: string }[];
  }[];
}
