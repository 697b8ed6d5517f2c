// Istio's admission check of AuthorizationPolicy paths: `{` and `}` only as the whole segments
// `{*}` and `{**}`, nothing but literals after `{**}`, and in a template path every other segment
// a plain RFC 3986 path character run.
import { isPathTemplate } from '../../access/path';

/** Characters allowed in a literal segment of a template path (RFC 3986 pchar). */
const LITERAL = /^[a-zA-Z0-9\-._~%!$&'()+,;:@=]+$/;

/** Why Istio's webhook rejects this path, or undefined when it accepts it. */
export function pathTemplateProblem(path: string): string | undefined {
  const template = isPathTemplate(path);
  let sawAny = false;
  for (const segment of path.replace(/^\/+|\/+$/g, '').split('/')) {
    if (segment === '{*}' || segment === '{**}') {
      if (sawAny) return '`{**}` must be the last operator; only literal segments may follow it';
      sawAny = segment === '{**}';
      continue;
    }
    if (/[{}]/.test(segment)) return `segment "${segment}" uses \`{\` or \`}\` other than as a whole \`{*}\` or \`{**}\` segment`;
    if (template && !LITERAL.test(segment)) {
      return segment === ''
        ? 'a template path may not contain an empty segment ("//")'
        : `segment "${segment}" holds characters a template path does not allow (only letters, digits and -._~%!$&'()+,;:@=)`;
    }
  }
  return undefined;
}
