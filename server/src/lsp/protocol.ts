// Types shared by the VS Code client and the language server: settings and custom messages.
// One file, so the two sides cannot drift apart. DEFAULT_SETTINGS is the declaration of the
// `meshlint.*` settings the server reads; test/unit/settings-agree.test.ts holds package.json, the
// config file keys and the docs to it.
import type { RuleLevel } from '../core/config';

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
