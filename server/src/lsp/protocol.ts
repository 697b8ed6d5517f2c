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
  /** Trust domains the mesh also accepts as its own; empty: `.meshlint.yaml`, mesh config in the workspace, or none. */
  trustDomainAliases: string[];
  /** Go duration, e.g. "24h". */
  maxWorkloadCertificateDuration: string;
  /** Go duration, e.g. "2160h". */
  maxCertificateDuration: string;
  /** CRD files or folders, relative to the workspace folder (docs/crds.md). */
  crds: string[];
  /** Plain YAML syntax errors: `on`, `off`, or `auto` (off when the client says Red Hat's YAML extension reports them). */
  yamlSyntax: string;
}

export const DEFAULT_SETTINGS: Readonly<MeshlintSettings> = {
  enable: true,
  rules: {},
  rootNamespace: '',
  trustDomain: '',
  trustDomainAliases: [],
  maxWorkloadCertificateDuration: '',
  maxCertificateDuration: '',
  crds: [],
  yamlSyntax: 'auto',
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

// ---- Offline access check (issue 14). Ranges inside AccessResult are `Site`s: uri plus 0-based
// line/character of start and end, so the client builds a Location without opening the file.

export type {
  AccessQuery,
  AccessResult,
  AccessSource,
  AccessDestination,
  Verdict,
  Reason,
  PolicyTrace,
  FieldTrace,
} from '../core/access/types';
export type { Ref } from '../core/policy/types';
export type { Site } from '../core/workspace/facts';
/** Request: would this request be allowed, and which rule decides? */
export const CHECK_ACCESS_REQUEST = 'meshlint/checkAccess';
/** The same as a command, for editors without custom requests: arguments `[CheckAccessParams]`. */
export const CHECK_ACCESS_COMMAND = 'meshlint.checkAccess';

/** An AccessQuery; `uri` (any file or folder of the workspace) picks the folder in a multi-root workspace. */
export type CheckAccessParams = AccessQuery & { uri?: string };
/** `error`: usage problem or unknown workload, Service or port (the CLI's exit code 2). */
export type CheckAccessResult = AccessResult | { error: string };

/** Request: run every test of an AccessTests file (the editor's text when it is open). */
export const RUN_ACCESS_TESTS_REQUEST = 'meshlint/runAccessTests';
/** The same as a command: arguments `[RunAccessTestsParams]`. */
export const RUN_ACCESS_TESTS_COMMAND = 'meshlint.runAccessTests';

export interface RunAccessTestsParams {
  uri: string;
}

export interface AccessTestOutcome {
  name: string;
  passed: boolean;
  /** The verdict the test expects (ALLOW, DENY, CUSTOM). */
  expected: string;
  /** Why it failed, one line. */
  message?: string;
  /** The test's entry (its first key, e.g. `- name:`): where a gutter run icon goes. */
  range: LspRange;
  /** The test's `expect:` key: where a failure is reported. */
  expectRange: LspRange;
  /** The full answer when the query could be evaluated (open `result.decidedBy.policy.location` for the deciding rule). */
  result?: AccessResult;
  /** The query could not be evaluated (unknown workload, Service or port; malformed test). */
  error?: string;
}

export interface RunAccessTestsResult {
  uri: string;
  tests: AccessTestOutcome[];
  passed: number;
  failed: number;
}

/** Client -> server: the effective policy of the workload under the cursor, or of one named. */
export const EFFECTIVE_POLICY_REQUEST = 'meshlint/effectivePolicy';
/** The same through workspace/executeCommand (arguments: one EffectivePolicyParams), for every LSP editor. */
export const EXPLAIN_WORKLOAD_COMMAND = 'meshlint.explainWorkload';
/** Server -> client: the workspace index changed, so effective policies may have (a tree view refreshes). */
export const INDEX_CHANGED_NOTIFICATION = 'meshlint/indexChanged';

export type EffectivePolicyParams = (
  { textDocument: { uri: string }; position: { line: number; character: number } } | { workload: WorkloadName }
) & { port?: number };

/** null: the position is not in a workload's document, or no workload has that name. */
export type EffectivePolicyResult = EffectivePolicy | { ambiguous: Ref[] } | null;

/**
 * VS Code client command: focus the Mesh Policy tree on a workload. The client points the server's
 * workload CodeLens (EXPLAIN_WORKLOAD_COMMAND, which only returns data) at it.
 */
export const SHOW_EFFECTIVE_POLICY_COMMAND = 'meshlint.showEffectivePolicy';
export type ShowEffectivePolicyArgs = WorkloadName;

/** Client -> server: the workloads, service accounts and Service ports of a document's workspace folder. */
export const WORKSPACE_INVENTORY_REQUEST = 'meshlint/workspaceInventory';
export interface WorkspaceInventoryParams {
  /** Any file in the folder (a folder's own URI is not in it); absent: the first folder. */
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
