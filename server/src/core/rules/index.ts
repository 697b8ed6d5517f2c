// Every per-document rule and the metadata of every rule id the engine can report. The registry
// test checks each id has a docs page, fixtures that fire and stay quiet, and a fix test.
import type { DocumentRule, RuleMeta } from './lib/rule';
import { API_RULES } from './lib/api-rules';
import { ZERO_TRUST_RULES } from './lib/zero-trust-rules';
import { BUILTIN_RULES } from './lib/builtin';
import { WORKSPACE_RULES } from '../workspace/workspace-rules';
import { CONFIG_FILE_RULE } from '../config-file';

export const DOCUMENT_RULES: readonly DocumentRule[] = [...API_RULES, ...ZERO_TRUST_RULES];

export function allRuleMetas(extra: readonly RuleMeta[] = []): RuleMeta[] {
  return [...BUILTIN_RULES, ...DOCUMENT_RULES.map((r) => r.meta), ...WORKSPACE_RULES.map((r) => r.meta), CONFIG_FILE_RULE, ...extra];
}
