// Go duration strings ("24h", "1h30m", "90s"), the format Istio and cert-manager use.

const UNIT_SECONDS: Record<string, number> = { ns: 1e-9, us: 1e-6, 'µs': 1e-6, 'μs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
const PART_RE = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/gy;

/** Seconds, or undefined when the text is not a Go duration. */
export function parseDuration(text: string): number | undefined {
  let s = text.trim();
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return undefined;
  PART_RE.lastIndex = 0;
  let total = 0;
  let consumed = 0;
  for (let m = PART_RE.exec(s); m; m = PART_RE.exec(s)) {
    total += Number(m[1]) * UNIT_SECONDS[m[2]];
    consumed = PART_RE.lastIndex;
  }
  return consumed === s.length ? sign * total : undefined;
}

/** A short human form: 2160h -> "90d", 86400 -> "24h". */
export function formatDuration(seconds: number): string {
  if (seconds % 86400 === 0 && seconds >= 86400 * 2) return `${seconds / 86400}d (${seconds / 3600}h)`;
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}
