// Go duration strings ("24h", "1h30m", "90s") read as Go's time.ParseDuration reads them, since that is
// what cert-manager's webhook runs: the same syntax, the same rounding and the same int64 overflow errors.

const NANOS_PER_UNIT: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n, // U+00B5 micro sign
  μs: 1_000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

/** 2^63: the size of the most negative int64; positive durations must stay one below it. */
const INT64_LIMIT = 1n << 63n;

/** Digits, an optional fraction and a unit: the unit is everything up to the next digit or '.'. */
const PART_RE = /(\d*)(?:\.(\d*))?([^\d.]*)/y;

/**
 * The fraction's digits as Go keeps them: digits are taken while the integer they form stays within
 * 2^63, later ones are dropped. Returns the integer and how many digits it holds.
 */
function fractionDigits(digits: string): { value: bigint; kept: number } {
  let value = 0n;
  let kept = 0;
  for (const c of digits) {
    const next = value * 10n + BigInt(c);
    // Go stops before the multiplication could wrap, hence the first bound.
    if (value > (INT64_LIMIT - 1n) / 10n || next > INT64_LIMIT) break;
    value = next;
    kept++;
  }
  return { value, kept };
}

/** Why Go rejects a duration: it is not one ('syntax'), or it is beyond int64 nanoseconds ('range'). */
export type DurationRejection = 'syntax' | 'range';

/** Nanoseconds, or why time.ParseDuration returns an error. */
function readDuration(text: string): bigint | DurationRejection {
  let rest = text;
  const negative = rest.startsWith('-');
  if (negative || rest.startsWith('+')) rest = rest.slice(1);
  // A bare zero is the one number Go accepts without a unit.
  if (rest === '0') return 0n;
  if (rest === '') return 'syntax';
  let total = 0n;
  PART_RE.lastIndex = 0;
  while (PART_RE.lastIndex < rest.length) {
    const m = PART_RE.exec(rest);
    if (!m) return 'syntax';
    const [, whole, fraction, unitName] = m;
    if (whole === '' && !fraction) return 'syntax'; // no digits at all: "s", ".s", "."
    const unit = NANOS_PER_UNIT[unitName];
    if (unit === undefined) return 'syntax'; // missing ("3") or unknown ("1d") unit
    let part = BigInt(whole || '0') * unit;
    if (fraction) {
      const f = fractionDigits(fraction);
      // Go scales the fraction in float64 and truncates; exact arithmetic would differ by a nanosecond.
      const scale = Number(10n ** BigInt(f.kept));
      part += BigInt(Math.trunc(Number(f.value) * (Number(unit) / scale)));
    }
    total += part;
    if (part > INT64_LIMIT || total > INT64_LIMIT) return 'range';
  }
  if (negative) return -total;
  return total < INT64_LIMIT ? total : 'range';
}

/** Nanoseconds, or undefined where time.ParseDuration returns an error (syntax, unit or overflow). */
export function parseDurationNanos(text: string): bigint | undefined {
  const read = readDuration(text);
  return typeof read === 'bigint' ? read : undefined;
}

/** Why Go would reject the text, or undefined when it is a duration. */
export function durationRejection(text: string): DurationRejection | undefined {
  const read = readDuration(text);
  return typeof read === 'bigint' ? undefined : read;
}

/** Seconds, or undefined when the text is not a Go duration (or overflows Go's int64 nanoseconds). */
export function parseDuration(text: string): number | undefined {
  const nanos = parseDurationNanos(text);
  return nanos === undefined ? undefined : Number(nanos) / 1e9;
}

/** A short human form: 2160h -> "90d", 86400 -> "24h". */
export function formatDuration(seconds: number): string {
  if (seconds % 86400 === 0 && seconds >= 86400 * 2) return `${seconds / 86400}d (${seconds / 3600}h)`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}
