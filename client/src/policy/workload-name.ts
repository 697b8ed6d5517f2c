// Recognises a workload name ({namespace, name, kind?}) in command arguments, which arrive untyped.
import type { WorkloadName } from '../../../server/src/core/policy/types';

export function isWorkloadName(value: unknown): value is WorkloadName {
  const v = value as Partial<WorkloadName> | undefined;
  return typeof v?.namespace === 'string' && typeof v.name === 'string';
}
