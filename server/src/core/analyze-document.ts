// Checks one YAML document: syntax, then (for Istio and cert-manager resources) schema and rules.
// Offsets in the result are relative to the document's own text, so the result can be cached by
// that text and reused wherever the document moves in its file.
import { OWN_YAML_CODES, parseYaml, type ParsedYaml } from './parse';
import { identify, asRecord, mentionsMeshApi, type ResourceRef } from './resources';
import { locate, valueSpan, keySpan, nearestSpan } from './locate';
import type { SchemaRegistry } from './schema';
import { schemaFindings, SCHEMA_RULE_ID } from './schema-findings';
import { celFindings, dropCelTwins } from './crd/cel-findings';
import type { CelOutcome } from './crd/cel-rules';
import type { Config } from './config';
import type { DocContext, DocumentRule } from './rules/lib/rule';
import type { Finding } from './types';
import { keepVerifiedFixes } from './fix-verify';
import { rulesForKind, rulesWithId } from './rule-selection';

export const YAML_RULE_ID = 'yaml-syntax';
export const HELM_RULE_ID = 'helm-template';

export interface DocumentResult {
  parsed: ParsedYaml;
  resource?: ResourceRef;
  /** Syntax findings, reported only in files that hold mesh resources (other YAML is left alone). */
  syntax: Finding[];
  findings: Finding[];
  /** Rules that threw; the server logs these and carries on. */
  internalErrors: string[];
}

export interface AnalyzeDeps {
  schemas: SchemaRegistry;
  rules: readonly DocumentRule[];
  config: Config;
  /** False for the re-analysis that checks a fix, which must not check fixes again. */
  verifyFixes?: boolean;
}

/** `parsed` may be passed when the caller already parsed this very text (the fix verifier does). */
export function analyzeDocument(text: string, deps: AnalyzeDeps, parsed: ParsedYaml = parseYaml(text)): DocumentResult {
  const problems = deps.config.plainYamlErrors === false ? parsed.problems.filter((p) => OWN_YAML_CODES.has(p.code)) : parsed.problems;
  const syntax: Finding[] = problems.map((p) => ({
    ruleId: YAML_RULE_ID,
    severity: p.severity,
    message: `YAML: ${p.message}`,
    start: p.start,
    end: p.end,
  }));
  const result: DocumentResult = { parsed, syntax, findings: [], internalErrors: [] };
  const resource = identify(parsed.value);
  const helmAt = text.indexOf('{{');
  if (helmAt >= 0) {
    // A chart template is not YAML until it is rendered: an unquoted `{{ ... }}` or a `{{- if }}`
    // line breaks the parse, and those breaks are the template's, not mistakes in the manifest.
    result.syntax = [];
    if (resource) result.resource = resource;
    // When the template breaks the parse, the apiVersion line still tells a mesh resource apart.
    if (!(resource?.mesh || (!resource && parsed.problems.length > 0 && mentionsMeshApi(text)))) return result;
    // Template syntax makes values placeholders; checking them would only produce noise.
    result.findings.push({
      ruleId: HELM_RULE_ID,
      severity: 'info',
      message:
        'This document contains template syntax ({{ }}), so meshlint skips its checks. Lint the rendered output instead, e.g. `helm template . | meshlint -`.',
      start: helmAt,
      end: helmEnd(text, helmAt),
    });
    return result;
  }
  if (!resource) return result;
  result.resource = resource;
  if (!resource.mesh) return result;

  const value = asRecord(parsed.value) ?? {};
  const schemaKind = deps.schemas.find(resource.group, resource.version, resource.kind);
  let celOutcomes: CelOutcome[] = [];
  let oneOfPaths: (string | number)[][] = [];
  if (schemaKind) {
    const errors = deps.schemas.validate(schemaKind, value);
    oneOfPaths = errors.filter((e) => e.keyword === 'oneOf').map((e) => e.path);
    result.findings.push(...schemaFindings(errors, parsed.root, value, text, resource.kind));
    celOutcomes = deps.schemas.crdRules?.evaluate(schemaKind.id, value) ?? [];
    result.findings.push(...celFindings(celOutcomes, parsed.root, resource.kind));
  }

  const ctx = makeContext(text, resource, value, parsed, deps, result.findings);
  for (const rule of rulesForKind(deps.rules, `${resource.group}/${resource.kind}`)) {
    ctx.currentRule = rule;
    try {
      rule.check(ctx);
    } catch (err) {
      result.internalErrors.push(`rule ${rule.meta.id} failed: ${(err as Error).stack ?? String(err)}`);
    }
  }
  result.findings = dropShadowedSchemaWarnings(dropCelTwins(result.findings, celOutcomes, parsed.root, oneOfPaths));
  if (deps.verifyFixes !== false) {
    // Only the finding's own rule needs to run again (schema findings come from the schema pass).
    result.findings = keepVerifiedFixes(text, parsed, result.findings, (fixed, ruleId, fixedParsed) => {
      const again = analyzeDocument(fixed, { ...deps, rules: rulesWithId(deps.rules, ruleId), verifyFixes: false }, fixedParsed);
      return again.internalErrors.length > 0 ? undefined : again.findings;
    });
  }
  return result;
}

/**
 * The schema pass warns on every empty value; where a rule reports an error on the very same
 * span (an empty required field, which the API server does reject), the error says it better.
 */
function dropShadowedSchemaWarnings(findings: Finding[]): Finding[] {
  const errorSpans = new Set(findings.filter((f) => f.severity === 'error').map((f) => `${f.start}:${f.end}`));
  if (errorSpans.size === 0) return findings;
  return findings.filter((f) => !(f.ruleId === SCHEMA_RULE_ID && f.severity === 'warning' && errorSpans.has(`${f.start}:${f.end}`)));
}

function makeContext(
  text: string,
  resource: ResourceRef,
  value: Record<string, unknown>,
  parsed: ParsedYaml,
  deps: AnalyzeDeps,
  sink: Finding[],
): DocContext & { currentRule?: DocumentRule } {
  const ctx: DocContext & { currentRule?: DocumentRule } = {
    resource,
    value,
    root: parsed.root,
    text,
    config: deps.config,
    schemas: deps.schemas,
    spanOf(path, on) {
      const loc = locate(parsed.root, path);
      if (!loc) return undefined;
      return on === 'key' ? keySpan(loc) : valueSpan(loc);
    },
    report(input) {
      const rule = ctx.currentRule;
      if (!rule) return;
      const span = nearestSpan(parsed.root, input.path, input.on ?? 'value');
      if (!span) return;
      sink.push({
        ruleId: rule.meta.id,
        severity: input.severity ?? rule.meta.defaultSeverity,
        message: input.message,
        start: span.start,
        end: span.end,
        fixes: input.fixes,
      });
    },
  };
  return ctx;
}

/** The placeholder's closing braces, or the end of its line when they are missing or further on. */
function helmEnd(text: string, at: number): number {
  const close = text.indexOf('}}', at);
  let lineEnd = text.indexOf('\n', at);
  if (lineEnd < 0) lineEnd = text.length;
  if (lineEnd > at && text[lineEnd - 1] === '\r') lineEnd--;
  return close >= 0 && close + 2 <= lineEnd ? close + 2 : Math.max(at + 2, lineEnd);
}
