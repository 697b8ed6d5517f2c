// Reads the text of a `.meshlint.yaml` into a Config, shared by the editor and the CLI. Every
// entry that is wrong gets a finding on its key or value and keeps its default; the good entries
// still apply. Format:
//   rootNamespace: istio-system            trustDomain: cluster.local      trustDomainAliases: [old.example]
//   maxWorkloadCertificateDuration: 24h    maxCertificateDuration: 2160h   (Go durations)
//   rules: { <rule-id>: error|warning|info|hint|off }
//   exclude: [ "<glob>", ... ]             (folders and files the workspace scan skips)
//   crds: [ "<path>", ... ]                (CRD files or folders, relative to this file, see docs/crds.md)
import { parseYaml } from './parse';
import { keySpan, locate, valueSpan, type PathSegment } from './locate';
import { DEFAULT_CONFIG, RULE_LEVELS, type Config, type RuleLevel } from './config';
import { parseDuration } from './duration';
import { closest } from './suggest';
import type { RuleMeta } from './rules/lib/rule';
import type { Finding, Severity } from './types';

export const CONFIG_FILE_NAME = '.meshlint.yaml';

export const CONFIG_FILE_RULE: RuleMeta = {
  id: 'meshlint-config',
  category: 'schema',
  defaultSeverity: 'error',
  summary: 'The .meshlint.yaml config file has an entry meshlint cannot use; that entry keeps its default.',
  fixable: false,
};

export interface ConfigFile {
  config: Config;
  exclude: string[];
  /**
   * CRD files or folders as written (relative to the config file); the host reads them.
   * Optional so hosts building a ConfigFile by hand need not set it.
   */
  crds?: string[];
  /** Problems, with offsets in the config file's text. */
  findings: Finding[];
}

const LEVELS = RULE_LEVELS;
/** The keys a `.meshlint.yaml` may hold (the editor settings mirror them; a test keeps the two in step). */
export const CONFIG_FILE_KEYS = [
  'rootNamespace',
  'trustDomain',
  'trustDomainAliases',
  'maxWorkloadCertificateDuration',
  'maxCertificateDuration',
  'rules',
  'exclude',
  'crds',
];
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function isConfigFile(uriOrPath: string): boolean {
  return /(^|[\\/])\.meshlint\.yaml$/.test(uriOrPath);
}

export function parseConfigFile(text: string, knownRuleIds: readonly string[], base: Config = DEFAULT_CONFIG): ConfigFile {
  const parsed = parseYaml(text);
  const findings: Finding[] = [];
  const config: Config = { ...base, rules: { ...base.rules } };
  const exclude: string[] = [];
  const crds: string[] = [];
  const out: ConfigFile = { config, exclude, crds, findings };
  const problem = (path: readonly PathSegment[], on: 'key' | 'value', severity: Severity, message: string): void => {
    const loc = locate(parsed.root, path);
    const span = (loc && (on === 'key' ? keySpan(loc) : valueSpan(loc))) ?? { start: 0, end: Math.min(1, text.length) };
    findings.push({ ruleId: CONFIG_FILE_RULE.id, severity, message, start: span.start, end: span.end });
  };

  if (parsed.problems.some((p) => p.severity === 'error')) {
    // Positions past the last written character (an unclosed bracket) are moved onto it by parseYaml.
    for (const p of parsed.problems) {
      findings.push({
        ruleId: CONFIG_FILE_RULE.id,
        severity: 'error',
        message: `YAML: ${p.message.replace(/\.$/, '')}. meshlint uses its defaults until this is fixed.`,
        start: p.start,
        end: p.end,
      });
    }
    return out;
  }
  const value = parsed.value;
  if (value === null || value === undefined) return out;
  if (typeof value !== 'object' || Array.isArray(value)) {
    problem(
      [],
      'value',
      'error',
      'The config file must be a map of settings (rootNamespace, trustDomain, rules, ...); meshlint uses its defaults.',
    );
    return out;
  }
  const data = value as Record<string, unknown>;
  for (const key of Object.keys(data)) {
    if (CONFIG_FILE_KEYS.includes(key)) continue;
    const guess = closest(key, CONFIG_FILE_KEYS);
    problem(
      [key],
      'key',
      'warning',
      `Unknown setting \`${key}\`, ignored.${guess ? ` Did you mean \`${guess}\`?` : ` Known settings: ${CONFIG_FILE_KEYS.join(', ')}.`}`,
    );
  }

  const str = (key: string): string | undefined => {
    const v = data[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string' || v.trim() === '') {
      problem([key], 'value', 'error', `\`${key}\` must be a non-empty string; the default applies.`);
      return undefined;
    }
    return v;
  };
  const set = new Set(base.meshKeysSet ?? []);
  const root = str('rootNamespace');
  if (root !== undefined) {
    if (DNS_LABEL.test(root) && root.length <= 63) {
      config.rootNamespace = root;
      set.add('rootNamespace');
    } else
      problem(
        ['rootNamespace'],
        'value',
        'error',
        `\`${root}\` is not a namespace name (lower-case letters, digits and '-', at most 63); the default \`${base.rootNamespace}\` applies.`,
      );
  }
  const trust = str('trustDomain');
  if (trust !== undefined) {
    config.trustDomain = trust;
    set.add('trustDomain');
  }
  const aliases: string[] = [];
  readPathList('trustDomainAliases', data.trustDomainAliases, aliases, problem, 'a list of trust domains, e.g. `["old.example.com"]`');
  if (data.trustDomainAliases !== undefined && data.trustDomainAliases !== null) {
    config.trustDomainAliases = aliases;
    set.add('trustDomainAliases');
  }
  if (set.size > 0) config.meshKeysSet = [...set].sort();
  const duration = (key: string, field: 'maxWorkloadCertSeconds' | 'maxCertSeconds'): void => {
    const raw = data[key];
    if (raw === undefined || raw === null) return;
    const seconds = typeof raw === 'string' ? parseDuration(raw) : undefined;
    if (seconds === undefined || seconds <= 0) {
      problem([key], 'value', 'error', `\`${key}\` must be a positive Go duration such as 24h or 2160h; the default applies.`);
      return;
    }
    config[field] = seconds;
  };
  duration('maxWorkloadCertificateDuration', 'maxWorkloadCertSeconds');
  duration('maxCertificateDuration', 'maxCertSeconds');
  readRules(data.rules, knownRuleIds, config, problem);
  readPathList('exclude', data.exclude, exclude, problem, 'a list of glob patterns, e.g. `["charts/**", "**/generated/**"]`');
  readPathList('crds', data.crds, crds, problem, 'a list of CRD files or folders, e.g. `["crds/istio.yaml"]`');
  findings.sort((a, b) => a.start - b.start);
  return out;
}

type Problem = (path: readonly PathSegment[], on: 'key' | 'value', severity: Severity, message: string) => void;

function readRules(raw: unknown, known: readonly string[], config: Config, problem: Problem): void {
  if (raw === undefined || raw === null) return;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problem(['rules'], 'value', 'error', '`rules` must be a map of rule id to level, e.g. `peer-authentication-permissive: error`.');
    return;
  }
  for (const [id, level] of Object.entries(raw as Record<string, unknown>)) {
    if (!known.includes(id)) {
      const guess = closest(id, known);
      problem(['rules', id], 'key', 'warning', `No rule has the id \`${id}\`.${guess ? ` Did you mean \`${guess}\`?` : ''}`);
      continue;
    }
    // `false` reads as "switched off", the way people write it in other linters' configs.
    const lvl = level === false ? 'off' : level;
    if (typeof lvl !== 'string' || !LEVELS.includes(lvl as RuleLevel)) {
      problem(['rules', id], 'value', 'error', `The level of \`${id}\` must be one of ${LEVELS.join(', ')}; its default applies.`);
      continue;
    }
    config.rules[id] = lvl as RuleLevel;
  }
}

/** A string or a list of non-empty strings (`exclude` globs, `crds` paths). */
function readPathList(key: string, raw: unknown, into: string[], problem: Problem, expected: string): void {
  if (raw === undefined || raw === null) return;
  const list = typeof raw === 'string' ? [raw] : raw;
  if (!Array.isArray(list)) {
    problem([key], 'value', 'error', `\`${key}\` must be ${expected}.`);
    return;
  }
  const what = key === 'exclude' ? 'a non-empty glob pattern' : key === 'crds' ? 'a non-empty path' : 'a non-empty string';
  list.forEach((g, i) => {
    if (typeof g === 'string' && g.trim() !== '') into.push(g.trim());
    else problem(typeof raw === 'string' ? [key] : [key, i], 'value', 'error', `Each \`${key}\` entry must be ${what}.`);
  });
}
