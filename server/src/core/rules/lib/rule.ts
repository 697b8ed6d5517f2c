// The contract every rule implements, and the context a per-document rule receives.
import type { Config } from '../../config';
import type { YNode } from '../../parse';
import type { PathSegment } from '../../locate';
import type { ResourceRef } from '../../resources';
import type { Fix, Severity } from '../../types';
import type { SchemaRegistry } from '../../schema';

export type RuleCategory = 'yaml' | 'schema' | 'api' | 'zero-trust' | 'workspace' | 'hygiene';

export interface RuleMeta {
  /** Stable kebab-case id; equals the rule's file name and docs page name. */
  id: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** One line for listings, SARIF and the README table. */
  summary: string;
  /** True when the rule offers a fix. */
  fixable: boolean;
}

export interface ReportInput {
  /** Where: a data path and which side of it to mark. */
  path: readonly PathSegment[];
  on?: 'key' | 'value';
  message: string;
  /** Overrides the rule's default severity for this finding. */
  severity?: Severity;
  fixes?: Fix[];
}

export interface DocContext {
  resource: ResourceRef;
  /** Plain data of the document. */
  value: Record<string, unknown>;
  root: YNode | null;
  /** The document's own text; offsets in findings and fixes are relative to it. */
  text: string;
  config: Config;
  schemas: SchemaRegistry;
  report(input: ReportInput): void;
  /** Range helpers for building fixes. */
  spanOf(path: readonly PathSegment[], on: 'key' | 'value'): { start: number; end: number } | undefined;
}

export interface DocumentRule {
  meta: RuleMeta;
  /** Kinds the rule looks at (`group/Kind`, any version); omitted means every mesh resource. */
  kinds?: readonly string[];
  check(ctx: DocContext): void;
}
