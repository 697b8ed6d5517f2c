// Rules for what the API server, the CRDs' CEL validations and the admission webhooks reject.
import type { DocumentRule } from './rule';
import { rule as unknownApiVersion } from './unknown-api-version';

export const API_RULES: readonly DocumentRule[] = [unknownApiVersion];
