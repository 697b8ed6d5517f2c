// The fault injection of an Istio HTTP route as the webhook checks it: validateHTTPFaultInjection,
// validateHTTPFaultInjectionAbort, validateHTTPFaultInjectionDelay, validatePercentage and validateGRPCStatus.
import type { PathSegment } from '../../locate';
import { isSet, recordAt, stringAt } from './go-values';
import { numberAt, statusProblem, type HttpProblem } from './vs-http-values';

/** The gRPC code names Istio knows (pkg/util/grpc SupportedGRPCStatus). */
const GRPC_STATUS = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
];

function percentageProblem(holder: Record<string, unknown>, path: PathSegment[]): HttpProblem[] {
  const v = numberAt(recordAt(holder, 'percentage'), 'value');
  if (v === undefined || (v >= 0 && v <= 100 && !(v > 0 && v < 0.0001))) return [];
  return [
    {
      path: [...path, 'percentage', 'value'],
      on: 'value',
      message: `The webhook rejects the fault percentage ${v}: "is neither 0.0, nor in range [0.0001, 100.0]". Write 0, or from 0.0001 to 100.`,
    },
  ];
}

export function faultProblems(fault: Record<string, unknown>, path: PathSegment[]): HttpProblem[] {
  const out: HttpProblem[] = [];
  const abort = recordAt(fault, 'abort');
  const delay = recordAt(fault, 'delay');
  if (!abort && !delay) {
    out.push({
      path,
      on: 'key',
      message:
        'The webhook rejects a fault with nothing to inject ("HTTP fault injection must have an abort and/or a delay"). Add abort or delay, or remove fault.',
    });
  }
  if (abort) {
    const at: PathSegment[] = [...path, 'abort'];
    out.push(...percentageProblem(abort, at));
    if (isSet(abort, 'grpcStatus')) {
      const status = stringAt(abort, 'grpcStatus');
      if (!GRPC_STATUS.includes(status)) {
        const upper = status.toUpperCase();
        out.push({
          path: [...at, 'grpcStatus'],
          on: 'value',
          message: `The webhook rejects grpcStatus "${status}": "gRPC status is not supported". Write a gRPC code name such as UNAVAILABLE or NOT_FOUND.`,
          fixTo: GRPC_STATUS.includes(upper) ? { value: upper, title: `Write ${upper}` } : undefined,
        });
      }
    } else if (isSet(abort, 'http2Error')) {
      out.push({
        path: [...at, 'http2Error'],
        on: 'key',
        message: 'The webhook rejects http2Error: "HTTP/2 abort fault injection not supported yet". Use httpStatus or grpcStatus.',
      });
    } else if (isSet(abort, 'httpStatus')) {
      out.push(...statusProblem(numberAt(abort, 'httpStatus'), [...at, 'httpStatus'], 'the abort httpStatus'));
    } else {
      out.push({
        path: at,
        on: 'key',
        severity: 'warning',
        message: 'The webhook warns: "abort configured, but error type not set". Add httpStatus (e.g. 503) or grpcStatus.',
      });
    }
  }
  if (delay) {
    const at: PathSegment[] = [...path, 'delay'];
    out.push(...percentageProblem(delay, at));
    if (isSet(delay, 'exponentialDelay')) {
      out.push({
        path: [...at, 'exponentialDelay'],
        on: 'key',
        message: 'The webhook rejects exponentialDelay: "exponentialDelay not supported yet". Use fixedDelay.',
      });
    }
  }
  return out;
}
