// Kubernetes' metav1 validation of label selectors, labels and annotation sizes (ValidateLabelSelector,
// ValidateLabels, ValidateAnnotations), as webhooks that reuse apimachinery apply them.
import type { PathSegment } from '../../locate';
import { asRecord } from '../../resources';
import { listAt, recordAt, utf8Length } from './go-values';
import { labelValueProblem, qualifiedNameProblem } from './k8s-names';

export interface MetaProblem {
  path: PathSegment[];
  on: 'key' | 'value';
  message: string;
}

/** Kubernetes' TotalAnnotationSizeLimitB: keys and values together, in bytes. */
export const ANNOTATIONS_LIMIT = 256 * 1024;

/** Bytes of all keys and values, as ValidateAnnotationsSize counts them. */
export function annotationsSize(annotations: Record<string, unknown>): number {
  return Object.entries(annotations).reduce((n, [k, v]) => n + utf8Length(k) + (typeof v === 'string' ? utf8Length(v) : 0), 0);
}

/** Label keys that are not qualified names and values that are not label values. */
export function labelProblems(labels: Record<string, unknown>, base: PathSegment[]): MetaProblem[] {
  const out: MetaProblem[] = [];
  for (const [key, value] of Object.entries(labels)) {
    const keyProblem = qualifiedNameProblem(key);
    if (keyProblem) out.push({ path: [...base, key], on: 'key', message: `the label key "${key}": ${keyProblem}` });
    const valueProblem = typeof value === 'string' ? labelValueProblem(value) : undefined;
    if (valueProblem) out.push({ path: [...base, key], on: 'value', message: `the label value "${String(value)}": ${valueProblem}` });
  }
  return out;
}

/** What ValidateLabelSelector (default options) finds wrong in the selector at `base`. */
export function selectorProblems(selector: Record<string, unknown> | undefined, base: PathSegment[]): MetaProblem[] {
  if (!selector) return [];
  const out = labelProblems(recordAt(selector, 'matchLabels') ?? {}, [...base, 'matchLabels']);
  listAt(selector, 'matchExpressions').forEach((item, i) => {
    const req = asRecord(item);
    if (!req) return;
    const path = [...base, 'matchExpressions', i];
    const values = listAt(req, 'values');
    const operator = req.operator;
    if ((operator === 'In' || operator === 'NotIn') && values.length === 0)
      out.push({ path: [...path, 'operator'], on: 'value', message: `operator ${operator} needs at least one value` });
    else if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0)
      out.push({ path: [...path, 'values'], on: 'key', message: `operator ${operator} takes no values` });
    else if (typeof operator === 'string' && !['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(operator))
      out.push({ path: [...path, 'operator'], on: 'value', message: `"${operator}" is not In, NotIn, Exists or DoesNotExist` });
    const keyProblem = typeof req.key === 'string' ? qualifiedNameProblem(req.key) : undefined;
    if (keyProblem) out.push({ path: [...path, 'key'], on: 'value', message: `the key "${String(req.key)}": ${keyProblem}` });
    values.forEach((v, j) => {
      const problem = typeof v === 'string' ? labelValueProblem(v) : undefined;
      if (problem) out.push({ path: [...path, 'values', j], on: 'value', message: `the value "${String(v)}": ${problem}` });
    });
  });
  return out;
}
