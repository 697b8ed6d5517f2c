// The value YAML 1.2's core schema gives a plain scalar's text (null, booleans, integers in base 8,
// 10 and 16, floats, infinities, NaN, else the text), the first rule that matches winning, in the
// order our parser (yaml 2, `schema: 'core'`) tries them. The CST reader resolves plain scalars with
// it; go-scalars.ts then re-reads them as kubectl does, exactly as for the Composer's values.

const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const OCTAL = /^0o[0-7]+$/;
const DECIMAL = /^[-+]?[0-9]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const SPECIAL_FLOAT = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const EXPONENT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** The core schema's value for plain scalar text (already unfolded). */
export function coreScalarValue(text: string): unknown {
  if (text.length === 0) return null;
  const c = text.charCodeAt(0);
  // Only these first characters can start a non-string (`~`, n/N, t/T, f/F, digits, sign, `.`).
  const digit = c >= 48 && c <= 57;
  if (!digit && c !== 126 && c !== 110 && c !== 78 && c !== 116 && c !== 84 && c !== 102 && c !== 70) {
    if (c !== 43 && c !== 45 && c !== 46) return text;
  }
  if (text === '~' || text === 'null' || text === 'Null' || text === 'NULL') return null;
  if (BOOL.test(text)) return c === 116 || c === 84;
  if (OCTAL.test(text)) return parseInt(text.substring(2), 8);
  if (DECIMAL.test(text)) return parseInt(text, 10);
  if (HEX.test(text)) return parseInt(text.substring(2), 16);
  if (SPECIAL_FLOAT.test(text)) {
    if (text.slice(-3).toLowerCase() === 'nan') return NaN;
    return c === 45 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (EXPONENT.test(text) || FLOAT.test(text)) return parseFloat(text);
  return text;
}
