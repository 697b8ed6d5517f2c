// Nodes for one AuthorizationPolicy rule: the rule, its from/to entries and when conditions, each
// field with its values, every one opening the key it was written at.
import type { RuleClause, RuleField, RuleView } from '../../../server/src/core/policy/types';
import type { PolicyNode } from './tree-node';

function fieldNode(field: RuleField): PolicyNode {
  const values = field.values.map((v) => v.value);
  return {
    label: field.name,
    description: `${field.negated ? 'not ' : ''}${values.join(', ')}`,
    tooltip: field.path,
    site: field.site,
    icon: field.negated ? 'circle-slash' : 'symbol-field',
    // One value is already in the description; several get a node each so each can be opened.
    children: values.length > 1 ? field.values.map((v) => ({ label: v.value, site: v.site, icon: 'symbol-string' })) : undefined,
  };
}

function clauseNodes(kind: 'from' | 'to', clauses: RuleClause[] | undefined): PolicyNode[] {
  if (!clauses) return [{ label: kind, description: kind === 'from' ? 'any source' : 'any operation', icon: 'pass' }];
  return clauses.map((clause, i) => ({
    label: `${kind}[${i}]`,
    description: clause.fields.map((f) => f.name).join(' ∧ '),
    site: clause.site,
    icon: kind === 'from' ? 'arrow-right' : 'target',
    expanded: true,
    children: clause.fields.map(fieldNode),
  }));
}

export function ruleNode(rule: RuleView): PolicyNode {
  const children = [...clauseNodes('from', rule.from), ...clauseNodes('to', rule.to), ...rule.when.map(fieldNode)];
  const parts = [
    rule.from && `${rule.from.length} from`,
    rule.to && `${rule.to.length} to`,
    rule.when.length && `${rule.when.length} when`,
  ];
  return {
    label: `rule[${rule.index}]`,
    description: parts.filter(Boolean).join(' · ') || 'matches every request',
    site: rule.site,
    icon: 'list-selection',
    children,
  };
}
