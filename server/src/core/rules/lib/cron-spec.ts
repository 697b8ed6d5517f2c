// Cron specs as cert-manager's webhook parses renewal windows: its copy of robfig/cron's parser
// (internal/cron/parser.go) with Minute | Hour | Dom | Month | Dow | Descriptor, five fields or a
// descriptor, and an optional "TZ=" / "CRON_TZ=" prefix. Only acceptance matters here, so a field
// reads to the set of values it selects.
import { parseDurationNanos } from '../../duration';

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DOW_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export const FIELDS: readonly (Bounds & { name: string })[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: Object.fromEntries(MONTH_NAMES.map((n, i) => [n, i + 1])) },
  { name: 'day of week', min: 0, max: 6, names: Object.fromEntries(DOW_NAMES.map((n, i) => [n, i])) },
];

const DESCRIPTORS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];

/** Why the parser rejects `spec`, or undefined; `zoneOk` stands in for Go's time.LoadLocation. */
export function cronProblem(spec: string, zoneOk: (name: string) => boolean): string | undefined {
  if (spec === '') return 'it is empty';
  let rest = spec;
  if (rest.startsWith('TZ=') || rest.startsWith('CRON_TZ=')) {
    const space = rest.indexOf(' ');
    if (space < 0) return 'a time zone prefix with no schedule after it';
    const zone = rest.slice(rest.indexOf('=') + 1, space);
    if (!zoneOk(zone)) return `the time zone "${zone}" is unknown`;
    rest = rest.slice(space).trim();
  }
  if (rest.startsWith('@')) return descriptorProblem(rest);
  const fields = rest.split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 5) return `it has ${fields.length} fields; write exactly 5 (minute hour day-of-month month day-of-week)`;
  for (let i = 0; i < 5; i++) {
    const values = fieldValues(fields[i], FIELDS[i]);
    if (typeof values === 'string') return `${FIELDS[i].name} "${fields[i]}": ${values}`;
  }
  return undefined;
}

function descriptorProblem(spec: string): string | undefined {
  if (DESCRIPTORS.includes(spec)) return undefined;
  if (spec.startsWith('@every ')) {
    return parseDurationNanos(spec.slice('@every '.length)) === undefined ? `"${spec}" has no Go duration after @every` : undefined;
  }
  return `"${spec}" is not a descriptor (@yearly, @monthly, @weekly, @daily, @hourly, @every <duration>)`;
}

/** The values a comma-separated field selects, or why it does not read (robfig's getField). */
export function fieldValues(field: string, bounds: Bounds): Set<number> | string {
  const out = new Set<number>();
  for (const range of field.split(',').filter((r) => r !== '')) {
    const values = rangeValues(range, bounds);
    if (typeof values === 'string') return values;
    values.forEach((v) => out.add(v));
  }
  return out;
}

/** One `a`, `a-b`, `*` or `?`, optionally with `/step` (robfig's getRange, quirks included). */
export function rangeValues(expr: string, bounds: Bounds): number[] | string {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    // Upstream ignores anything after "*-": "*-5" is the whole range.
    start = bounds.min;
    end = bounds.max;
  } else {
    const low = intOrName(lowAndHigh[0], bounds.names);
    if (typeof low === 'string') return low;
    start = low;
    if (lowAndHigh.length > 2) return 'too many hyphens';
    const high = lowAndHigh.length === 2 ? intOrName(lowAndHigh[1], bounds.names) : start;
    if (typeof high === 'string') return high;
    end = high;
  }
  let step = 1;
  if (rangeAndStep.length > 2) return 'too many slashes';
  if (rangeAndStep.length === 2) {
    const s = goInt(rangeAndStep[1]);
    if (typeof s === 'string') return s;
    step = s;
    if (lowAndHigh.length === 1) end = bounds.max; // "N/step" means N through the maximum
  }
  if (start < bounds.min) return `${start} is below the minimum ${bounds.min}`;
  if (end > bounds.max) return `${end} is above the maximum ${bounds.max}`;
  if (start > end) return `the range starts at ${start}, after its end ${end}`;
  if (step === 0) return 'a step of 0';
  const values: number[] = [];
  for (let v = start; v <= end; v += step) values.push(v);
  return values;
}

function intOrName(text: string, names: Record<string, number> | undefined): number | string {
  const named = names?.[text.toLowerCase()];
  return named ?? goInt(text);
}

/** strconv.Atoi, then the parser's own refusal of negative numbers. */
function goInt(text: string): number | string {
  if (!/^[+-]?\d+$/.test(text)) return `"${text}" is not a number${text === '' ? ' (empty)' : ''}`;
  const n = Number(text);
  if (!Number.isSafeInteger(n)) return `"${text}" is out of range`; // Go: out of int range, or above every bound
  if (n < 0) return `negative number ${text}`;
  return n;
}
