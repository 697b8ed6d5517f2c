// What an Istio HTTP route does, as the webhook checks it: which of route, redirect, directResponse
// and delegate may go together (validateHTTPRouteConflict), then validateHTTPRedirect,
// validateHTTPDirectResponse and validateHTTPRewrite.
import type { PathSegment } from '../../locate';
import { hasItems, isSet, recordAt, stringAt, utf8Length } from './go-values';
import { numberAt, statusProblem, webhookPortProblem, type HttpProblem } from './vs-http-values';

const KB = 1024;
const MB = 1024 * KB;

const both = (path: PathSegment[], key: string, other: string, upstream: string, keep: string): HttpProblem => ({
  path: [...path, key],
  on: 'key',
  message: `The webhook rejects ${key} together with ${other} ("${upstream}"). ${keep}`,
});

/** validateHTTPRouteConflict; `delegateVs` when the VirtualService has no hosts (it is itself a delegate). */
export function conflictProblems(route: Record<string, unknown>, path: PathSegment[], delegateVs: boolean): HttpProblem[] {
  const out: HttpProblem[] = [];
  const has = (k: string): boolean => isSet(route, k);
  if (!delegateVs && has('delegate')) {
    const keep = 'A route that hands over to a delegate VirtualService may not answer itself; move it into the delegate.';
    if (has('redirect')) out.push(both(path, 'redirect', 'delegate', 'root HTTP route must not specify redirect', keep));
    if (hasItems(route, 'route')) out.push(both(path, 'route', 'delegate', 'root HTTP route must not specify route', keep));
    return out;
  }
  if (delegateVs && has('delegate')) {
    out.push({
      path: [...path, 'delegate'],
      on: 'key',
      message:
        'The webhook rejects a delegate inside a delegate VirtualService (one without hosts): "delegate HTTP route cannot contain delegate". ' +
        'Delegation is one level deep: write route, redirect or directResponse here.',
    });
  }
  if (has('redirect')) {
    const keep = 'A redirect answers the client itself; remove the other field or the redirect.';
    if (hasItems(route, 'route')) out.push(both(path, 'route', 'redirect', 'HTTP route cannot contain both route and redirect', keep));
    if (has('fault')) out.push(both(path, 'fault', 'redirect', 'HTTP route cannot contain both fault and redirect', keep));
    if (has('rewrite')) out.push(both(path, 'rewrite', 'redirect', 'HTTP route rule cannot contain both rewrite and redirect', keep));
    if (has('directResponse')) {
      out.push(both(path, 'directResponse', 'redirect', 'HTTP route rule cannot contain both direct_response and redirect', keep));
    }
  } else if (has('directResponse')) {
    const keep = 'A direct response answers the client itself; remove the other field or the directResponse.';
    if (hasItems(route, 'route'))
      out.push(both(path, 'route', 'directResponse', 'HTTP route cannot contain both route and direct_response', keep));
    if (has('fault')) out.push(both(path, 'fault', 'directResponse', 'HTTP route cannot contain both fault and direct_response', keep));
    if (has('rewrite'))
      out.push(both(path, 'rewrite', 'directResponse', 'HTTP route rule cannot contain both rewrite and direct_response', keep));
  } else if (!hasItems(route, 'route')) {
    out.push({
      path,
      on: 'key',
      message:
        'The webhook rejects an HTTP route that sends the request nowhere: "HTTP route, redirect or direct_response is required". ' +
        'Add route: with a destination, or a redirect or directResponse.',
    });
  }
  if (has('mirror') && hasItems(route, 'mirrors')) {
    out.push(
      both(path, 'mirror', 'mirrors', 'HTTP route cannot contain both mirror and mirrors', 'Move the mirror into the mirrors list.'),
    );
  }
  return out;
}

export function redirectProblems(redirect: Record<string, unknown>, path: PathSegment[]): HttpProblem[] {
  const at = (k: string): PathSegment[] => [...path, k];
  // The webhook stops at the first problem, so this reports one at most.
  if (stringAt(redirect, 'uri') === '' && stringAt(redirect, 'authority') === '' && stringAt(redirect, 'scheme') === '') {
    if (!isSet(redirect, 'port') && !isSet(redirect, 'derivePort')) {
      return [
        {
          path,
          on: 'key',
          message:
            'The webhook rejects a redirect that changes nothing: "redirect must specify URI, authority, scheme, or port". Set uri, authority, scheme or port.',
        },
      ];
    }
  }
  const code = numberAt(redirect, 'redirectCode');
  if (code !== undefined && code !== 0 && (code < 300 || code > 399)) {
    return [
      {
        path: at('redirectCode'),
        on: 'value',
        message: `The webhook rejects redirectCode ${code}: "must be 3xx". Write 301, 302, 303, 307 or 308.`,
      },
    ];
  }
  const scheme = stringAt(redirect, 'scheme');
  if (scheme !== '' && scheme !== 'http' && scheme !== 'https') {
    const lower = scheme.toLowerCase();
    const fixable = lower === 'http' || lower === 'https';
    return [
      {
        path: at('scheme'),
        on: 'value',
        message: `The webhook rejects the redirect scheme "${scheme}": it "must be "http" or "https"" (lower case).`,
        fixTo: fixable ? { value: lower, title: `Write ${lower}` } : undefined,
      },
    ];
  }
  const port = numberAt(redirect, 'port');
  const portText = port !== undefined && port > 0 ? webhookPortProblem(port, 'the redirect port') : undefined;
  return portText ? [{ path: at('port'), on: 'value', message: portText }] : [];
}

/** Decoded size of a base64 text, as the webhook counts `bytes`. */
function base64Size(text: string): number {
  const body = text.replace(/\s/g, '');
  const pad = body.endsWith('==') ? 2 : body.endsWith('=') ? 1 : 0;
  return Math.floor((body.length * 3) / 4) - pad;
}

export function directResponseProblems(dr: Record<string, unknown>, path: PathSegment[]): HttpProblem[] {
  const out: HttpProblem[] = [];
  const body = recordAt(dr, 'body');
  if (body) {
    const text = body.string;
    const size = typeof text === 'string' ? utf8Length(text) : typeof body.bytes === 'string' ? base64Size(body.bytes) : 0;
    const where: PathSegment[] = [...path, 'body'];
    if (size > MB) {
      out.push({
        path: where,
        on: 'key',
        message: `The webhook rejects a direct response body of ${size} bytes: it "must be less than 1MB". Serve large content from a service.`,
      });
    } else if (size > 100 * KB) {
      out.push({
        path: where,
        on: 'key',
        severity: 'warning',
        message: `The webhook warns about a direct response body of ${size} bytes: "large direct_responses may impact control plane performance". Keep it under 100KB.`,
      });
    }
  }
  if (isSet(dr, 'status')) out.push(...statusProblem(numberAt(dr, 'status'), [...path, 'status'], 'the direct response status'));
  return out;
}

export function rewriteProblems(rewrite: Record<string, unknown>, path: PathSegment[]): HttpProblem[] {
  const regex = recordAt(rewrite, 'uriRegexRewrite');
  if (stringAt(rewrite, 'uri') !== '' && isSet(rewrite, 'uriRegexRewrite')) {
    return [
      {
        path: [...path, 'uriRegexRewrite'],
        on: 'key',
        message:
          'The webhook rejects uri together with uriRegexRewrite ("rewrite may only contain one of URI or UriRegexRewrite"). Keep one.',
      },
    ];
  }
  if (stringAt(rewrite, 'uri') === '' && !isSet(rewrite, 'uriRegexRewrite') && stringAt(rewrite, 'authority') === '') {
    return [
      {
        path,
        on: 'key',
        message:
          'The webhook rejects a rewrite that changes nothing ("rewrite must specify at least one of URI, UriRegexRewrite, or authority"). Set uri, uriRegexRewrite or authority, or remove rewrite.',
      },
    ];
  }
  if (isSet(rewrite, 'uriRegexRewrite') && (stringAt(regex, 'match') === '' || stringAt(regex, 'rewrite') === '')) {
    return [
      {
        path: [...path, 'uriRegexRewrite'],
        on: 'key',
        message:
          'The webhook rejects uriRegexRewrite without both match and rewrite ("UriRegexRewrite requires both Rewrite and Match fields"). Write the pattern in match and the replacement in rewrite, e.g. \\1.',
      },
    ];
  }
  return [];
}
