// Telemetry access-log filters must parse as CEL: Istio's webhook (validateTelemetryFilter) only
// parses the expression with cel-go's default environment, it does not check names or types.
// @bufbuild/cel follows cel-go's grammar (leading-dot names, message literals such as
// google.protobuf.Duration{seconds: 2}); the CRD rules use the same parser.
import { parse } from '@bufbuild/cel';
import type { DocumentRule } from './lib/rule';
import { asRecord } from '../resources';
import { listAt, recordAt } from './lib/go-values';

/** The parser's complaint, or undefined when the expression parses. */
function celSyntaxError(expression: string): string | undefined {
  try {
    // cel-go's lexer ends a `//` comment at a line break or at the end of the text; @bufbuild/cel wants the
    // line break, so one is added (it changes no position in the expression).
    parse(`${expression}\n`);
    return undefined;
  } catch (e) {
    // "<input>:1:3: found + but ..." names the position in the expression; the file name is ours to give.
    return (e instanceof Error ? e.message : String(e)).split('\n')[0].replace(/^<input>:/, 'at ');
  }
}

export const rule: DocumentRule = {
  meta: {
    id: 'telemetry-access-log-filter',
    category: 'api',
    defaultSeverity: 'error',
    summary: 'A Telemetry access-log filter expression that does not parse as CEL.',
    fixable: false,
  },
  kinds: ['telemetry.istio.io/Telemetry'],
  check(ctx) {
    listAt(recordAt(ctx.value, 'spec'), 'accessLogging').forEach((item, i) => {
      const filter = recordAt(asRecord(item), 'filter');
      if (!filter) return;
      // Go reads a missing expression as "", which does not parse either.
      const expression = typeof filter.expression === 'string' ? filter.expression : '';
      const error = celSyntaxError(expression);
      if (error === undefined) return;
      const path = ['spec', 'accessLogging', i, 'filter'];
      ctx.report({
        path: typeof filter.expression === 'string' ? [...path, 'expression'] : path,
        on: typeof filter.expression === 'string' ? 'value' : 'key',
        message:
          `The API server rejects the filter: "must be a valid CEL expression" (${error}). ` +
          'Write a complete CEL condition, e.g. response.code >= 400, or remove filter to log every request.',
      });
    });
  },
};
