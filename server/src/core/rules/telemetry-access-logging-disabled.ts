// Telemetry that switches access logging off: requests to these workloads leave no record, so an
// intrusion or a policy bypass cannot be reconstructed afterwards.
import type { DocumentRule } from './lib/rule';
import { asRecord } from '../resources';
import { setValueFix } from './lib/fix-edits';

export const rule: DocumentRule = {
  meta: {
    id: 'telemetry-access-logging-disabled',
    category: 'zero-trust',
    defaultSeverity: 'warning',
    summary: 'Telemetry disables access logging (accessLogging disabled: true).',
    fixable: true,
  },
  kinds: ['telemetry.istio.io/Telemetry'],
  check(ctx) {
    const spec = asRecord(ctx.value.spec);
    const logging = spec?.accessLogging;
    if (!Array.isArray(logging)) return;
    const scope =
      spec?.selector || spec?.targetRef || spec?.targetRefs
        ? 'the selected workloads'
        : ctx.resource.namespace === ctx.config.rootNamespace
          ? 'the whole mesh'
          : 'every workload in this namespace';
    logging.forEach((entry, i) => {
      if (asRecord(entry)?.disabled !== true) return;
      const path = ['spec', 'accessLogging', i, 'disabled'];
      // Not safe for "fix all": log volume and cost change, someone should decide.
      const fix = setValueFix(ctx, path, 'false', 'Turn access logging back on', false);
      ctx.report({
        path,
        message: `Access logging is switched off for ${scope}: requests leave no trace, so an intrusion or a bypassed policy cannot be reconstructed. To cut volume, keep the logs and narrow them with a \`filter\` expression instead.`,
        fixes: fix ? [fix] : undefined,
      });
    });
  },
};
