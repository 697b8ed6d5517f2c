// Checks built into the engine rather than written as rules (syntax, schema, size, templates):
// they still have ids, docs pages and levels like every rule.
import type { RuleMeta } from './rule';

export const BUILTIN_RULES: readonly RuleMeta[] = [
  {
    id: 'yaml-syntax',
    category: 'yaml',
    defaultSeverity: 'error',
    summary: 'The YAML cannot be parsed (indentation, tabs, brackets, duplicate keys).',
    fixable: false,
  },
  {
    id: 'schema-validation',
    category: 'schema',
    defaultSeverity: 'error',
    summary: 'The resource does not match its API schema (unknown field, wrong type or value, missing field).',
    fixable: true,
  },
  {
    id: 'helm-template',
    category: 'yaml',
    defaultSeverity: 'info',
    summary: 'Template syntax ({{ }}): the document is checked only once rendered.',
    fixable: false,
  },
  {
    id: 'file-too-large',
    category: 'yaml',
    defaultSeverity: 'info',
    summary: 'The file is too large to check while editing; the CLI checks it in full.',
    fixable: false,
  },
  {
    id: 'check-partial',
    category: 'yaml',
    defaultSeverity: 'info',
    summary: 'The editor ran out of its time budget for this file; the findings shown are partial until checking catches up.',
    fixable: false,
  },
];
