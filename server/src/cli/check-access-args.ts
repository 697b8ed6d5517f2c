// Arguments of `meshlint check-access`: one query from flags, or an AccessTests file (--tests).
import type { AccessQuery } from '../core/access/types';
import { parseSource } from '../core/access/tests-file';
import { portNumber as port, readOptions, UsageError } from './options';

export interface CheckAccessArgs {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  config: string | undefined;
  /** An AccessTests file; otherwise `query` from the flags. */
  tests?: string;
  query?: AccessQuery;
  expect?: 'ALLOW' | 'DENY' | 'CUSTOM';
  /** `--jwt-claims @file`: read by the caller. */
  jwtClaimsFile?: string;
  help: boolean;
}

export const CHECK_ACCESS_USAGE = `Usage: meshlint check-access --from SOURCE --to NS/WORKLOAD [options] [paths...]
       meshlint check-access --tests FILE [--format text|json|sarif] [paths...]

Would this request be allowed, and which rule decides? Evaluated offline over the manifests in paths
(default: the current folder) as the destination's proxy would (docs/access-check.md).

Query:
  --from SOURCE            ns/workload | ns:serviceAccount | spiffe://... | plaintext
  --to NS/WORKLOAD         the destination workload
  --service NS/NAME        the Service the request is sent to (with --port)
  --port N                 the Service port (mapped to its targetPort)
  --target-port N          the workload (container) port, instead of --service/--port
  --protocol http|tcp      default: from the port name or appProtocol, else http
  --method M --path P --host H
  -H 'name: value'         a request header (repeatable)
  --jwt TOKEN              a JWT (its payload is read; the signature is not checked)
  --jwt-claims JSON|@FILE  the claims of a validated JWT
  --source-ip IP --remote-ip IP --destination-ip IP --sni S
  --expect allow|deny|custom  exit 1 unless the verdict is this
Options:
  --tests FILE             run an AccessTests file (apiVersion meshlint.dev/v1alpha1)
  --format text|json|sarif output (sarif with --tests only; default text)
  --config FILE            use this config file instead of looking for .meshlint.yaml

Exit codes: 0 evaluated (and expectations met), 1 an expectation failed or the verdict was UNKNOWN,
2 usage error, or an unknown workload, Service or port.`;

export function parseCheckAccessArgs(argv: readonly string[]): CheckAccessArgs {
  const args: CheckAccessArgs = { paths: [], format: 'text', config: undefined, help: false };
  const f: Record<string, string> = {};
  const headers: Record<string, string[]> = {};
  readOptions(
    argv,
    (path) => args.paths.push(path),
    (flag, value) => {
      switch (flag) {
        case '-h':
        case '--help':
          args.help = true;
          break;
        case '-H':
        case '--header': {
          const v = value();
          const colon = v.indexOf(':');
          if (colon <= 0) throw new UsageError(`${flag} needs 'name: value', not "${v}"`);
          (headers[v.slice(0, colon).trim()] ??= []).push(v.slice(colon + 1).trim());
          break;
        }
        case '--format': {
          const v = value();
          if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not "${v}"`);
          args.format = v;
          break;
        }
        case '--config':
          args.config = value();
          break;
        case '--tests':
          args.tests = value();
          break;
        case '--from':
        case '--to':
        case '--service':
        case '--port':
        case '--target-port':
        case '--protocol':
        case '--method':
        case '--path':
        case '--host':
        case '--jwt':
        case '--jwt-claims':
        case '--source-ip':
        case '--remote-ip':
        case '--destination-ip':
        case '--sni':
        case '--expect':
          f[flag.slice(2)] = value();
          break;
        default:
          throw new UsageError(`unknown option ${flag}`);
      }
    },
  );
  if (args.paths.length === 0) args.paths.push('.');
  if (args.help) return args;
  if (args.tests !== undefined) {
    if (Object.keys(f).length > 0) throw new UsageError(`--tests runs a file: --${Object.keys(f)[0]} is for a single query`);
    return args;
  }
  if (args.format === 'sarif') throw new UsageError('--format sarif goes with --tests');
  args.query = queryOf(f, headers, args);
  return args;
}

function queryOf(f: Record<string, string>, headers: Record<string, string[]>, args: CheckAccessArgs): AccessQuery {
  if (!f.from || !f.to) throw new UsageError('give --from and --to (or --tests FILE)');
  // One reading of a source for the command line and AccessTests files; its message names `from`.
  const source = parseSource(f.from);
  if (typeof source === 'string') throw new UsageError(`--${source}`);
  if (f['target-port'] !== undefined && (f.service !== undefined || f.port !== undefined)) {
    throw new UsageError('--target-port is instead of --service/--port');
  }
  const destination: AccessQuery['destination'] =
    f['target-port'] !== undefined
      ? { workload: f.to, targetPort: port('--target-port', f['target-port']) }
      : { workload: f.to, service: f.service, servicePort: f.port === undefined ? undefined : port('--port', f.port) };
  const query: AccessQuery = { source, destination };
  if (f.protocol !== undefined) {
    if (f.protocol !== 'http' && f.protocol !== 'tcp') throw new UsageError(`--protocol must be http or tcp, not "${f.protocol}"`);
    query.protocol = f.protocol;
  }
  const request: NonNullable<AccessQuery['request']> = {};
  if (f.method !== undefined) request.method = f.method;
  if (f.path !== undefined) request.path = f.path;
  if (f.host !== undefined) request.host = f.host;
  if (f.jwt !== undefined) request.jwt = f.jwt;
  if (Object.keys(headers).length > 0)
    request.headers = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.length === 1 ? v[0] : v]));
  const claims = f['jwt-claims'];
  if (claims?.startsWith('@')) args.jwtClaimsFile = claims.slice(1);
  else if (claims !== undefined) request.jwtClaims = parseClaims(claims, '--jwt-claims');
  if (Object.keys(request).length > 0) query.request = request;
  const network: NonNullable<AccessQuery['network']> = {};
  if (f['source-ip'] !== undefined) network.sourceIp = f['source-ip'];
  if (f['remote-ip'] !== undefined) network.remoteIp = f['remote-ip'];
  if (f['destination-ip'] !== undefined) network.destinationIp = f['destination-ip'];
  if (f.sni !== undefined) network.sni = f.sni;
  if (Object.keys(network).length > 0) query.network = network;
  if (f.expect !== undefined) {
    const e = f.expect.toUpperCase();
    if (e !== 'ALLOW' && e !== 'DENY' && e !== 'CUSTOM') throw new UsageError(`--expect must be allow, deny or custom, not "${f.expect}"`);
    args.expect = e;
  }
  return query;
}

export function parseClaims(text: string, where: string): Record<string, unknown> {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${where}: not JSON (${(e as Error).message})`);
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new UsageError(`${where}: needs a JSON object of claims`);
  return v as Record<string, unknown>;
}
