// Certificate secretTemplate: the labels and annotations cert-manager copies onto the Secret must
// be valid Kubernetes metadata, and cert-manager.io/ annotations are cert-manager's own.
import type { DocumentRule } from './lib/rule';
import { recordAt } from './lib/go-values';
import { ANNOTATIONS_LIMIT, annotationsSize } from './lib/label-selector';
import { labelValueProblem, qualifiedNameProblem } from './lib/k8s-names';

const ALLOWED_OWN = 'cert-manager.io/allow-direct-injection';

export const rule: DocumentRule = {
  meta: {
    id: 'certificate-secret-template',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'Certificate secretTemplate has a cert-manager.io/ annotation or a label or annotation that is not valid Kubernetes metadata.',
    fixable: false,
  },
  kinds: ['cert-manager.io/Certificate'],
  check(ctx) {
    const template = recordAt(recordAt(ctx.value, 'spec'), 'secretTemplate');
    const base = ['spec', 'secretTemplate'];
    const annotations = recordAt(template, 'annotations') ?? {};
    for (const key of Object.keys(annotations)) {
      const path = [...base, 'annotations', key];
      if (key.startsWith('cert-manager.io/') && key !== ALLOWED_OWN) {
        ctx.report({
          path,
          on: 'key',
          message: `cert-manager's webhook rejects the annotation ${key} in secretTemplate: cert-manager.io/ annotations on the Secret are written by cert-manager itself. Use your own prefix, e.g. example.com/${key.slice('cert-manager.io/'.length)}.`,
        });
        continue;
      }
      const problem = qualifiedNameProblem(key.toLowerCase());
      if (problem) ctx.report({ path, on: 'key', message: `cert-manager's webhook rejects the annotation key "${key}": ${problem}.` });
    }
    const total = annotationsSize(annotations);
    if (total > ANNOTATIONS_LIMIT) {
      ctx.report({
        path: [...base, 'annotations'],
        on: 'key',
        message: `cert-manager's webhook rejects secretTemplate annotations of ${total} bytes (keys and values): Kubernetes allows 262144 (256 KiB). Keep large data in the Secret's data, or in a ConfigMap, and reference it from a short annotation.`,
      });
    }
    const labels = recordAt(template, 'labels') ?? {};
    for (const [key, value] of Object.entries(labels)) {
      const path = [...base, 'labels', key];
      const keyProblem = qualifiedNameProblem(key);
      if (keyProblem) ctx.report({ path, on: 'key', message: `cert-manager's webhook rejects the label key "${key}": ${keyProblem}.` });
      const valueProblem = typeof value === 'string' ? labelValueProblem(value) : undefined;
      if (valueProblem) {
        ctx.report({
          path,
          message: `cert-manager's webhook rejects the label value "${String(value)}": ${valueProblem}. E.g. ${
            String(value)
              .replace(/[^A-Za-z0-9_.-]+/g, '-')
              .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '')
              .slice(0, 63) || 'value'
          }.`,
        });
      }
    }
  },
};
