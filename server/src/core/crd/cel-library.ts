// The CEL environment of CRD validation rules: the standard functions and string extensions of
// @bufbuild/cel plus the Kubernetes library functions mesh CRDs use (URLs, regex find). A function
// left out makes a rule unevaluable, which is reported as a note, never as an error.
import { celEnv, celFunc, celMethod, CelScalar, listType, mapType, type CelEnv, type CelFunc } from '@bufbuild/cel';
import { strings } from '@bufbuild/cel/ext';
import { hostnameOf, parseRequestUri, portOf, queryOf, type GoUrl } from './go-url';

/**
 * A URL value is carried as its string: `url(s)` checks it and the getters parse it again. The
 * rules reaching meshlint have already been type-checked by the API server, so a getter is never
 * called on a plain string there.
 */
function urlOf(s: string): GoUrl {
  const u = parseRequestUri(s);
  if (!u) throw new Error(`URL parse error: ${s}`);
  return u;
}

const S = CelScalar.STRING;

const URL_FUNCS: CelFunc[] = [
  celFunc('url', [S], S, (s) => (urlOf(s), s)),
  celFunc('isURL', [S], CelScalar.BOOL, (s) => parseRequestUri(s) !== undefined),
  celMethod('getScheme', S, [], S, function () {
    return urlOf(this).scheme;
  }),
  celMethod('getHost', S, [], S, function () {
    return urlOf(this).host;
  }),
  celMethod('getHostname', S, [], S, function () {
    return hostnameOf(urlOf(this));
  }),
  celMethod('getPort', S, [], S, function () {
    return portOf(urlOf(this));
  }),
  celMethod('getEscapedPath', S, [], S, function () {
    return urlOf(this).path;
  }),
  celMethod('getQuery', S, [], mapType(S, listType(S)), function () {
    return queryOf(urlOf(this));
  }),
];

const REGEX_FUNCS: CelFunc[] = [
  celMethod('find', S, [S], S, function (re) {
    return new RegExp(re, 'u').exec(this)?.[0] ?? '';
  }),
  celMethod('findAll', S, [S], listType(S), function (re) {
    return [...this.matchAll(new RegExp(re, 'gu'))].map((m) => m[0]);
  }),
  celMethod('findAll', S, [S, CelScalar.INT], listType(S), function (re, limit) {
    const all = [...this.matchAll(new RegExp(re, 'gu'))].map((m) => m[0]);
    return limit < 0n ? all : all.slice(0, Number(limit));
  }),
];

let env: CelEnv | undefined;

/** One environment for every rule (building it registers all functions, so it is shared). */
export function kubernetesCelEnv(): CelEnv {
  env ??= celEnv({ funcs: [...strings, ...URL_FUNCS, ...REGEX_FUNCS], variables: { self: CelScalar.DYN } });
  return env;
}
