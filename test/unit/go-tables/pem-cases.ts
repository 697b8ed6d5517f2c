// Facts from Go's own tests of encoding/pem (golang/go src/encoding/pem/pem_test.go), the decoder
// cert-manager's webhook runs over CSRs (CertificateRequest spec.request) and CA bundles (caBundle).

/** getLineTests: input, the line (trailing spaces and tabs trimmed, the \n and a \r before it dropped), the rest. */
export const GO_PEM_GET_LINE: readonly (readonly [string, string, string])[] = [
  ['abc', 'abc', ''],
  ['abc\r', 'abc\r', ''],
  ['abc\n', 'abc', ''],
  ['abc\r\n', 'abc', ''],
  ['abc\nd', 'abc', 'd'],
  ['abc\r\nd', 'abc', 'd'],
  ['\nabc', '', 'abc'],
  ['\r\nabc', '', 'abc'],
  ['abc\t \nd', 'abc', 'd'],
  ['\t abc\nd', '\t abc', 'd'],
  ['abc\n\t d', 'abc', '\t d'],
  ['abc\nd\t ', 'abc', 'd\t '],
];

/** badPEMTests: a FOO block with body "dGVzdA==" whose END line is wrong in one way; Decode finds nothing. */
export const GO_PEM_BAD_END_LINES: readonly (readonly [name: string, endLine: string])[] = [
  ['too few trailing dashes', '-----END FOO----'],
  ['too many trailing dashes', '-----END FOO------'],
  ['trailing non-whitespace', '-----END FOO----- .'],
  ['incorrect ending type', '-----END BAR-----'],
  ['missing ending space', '-----ENDBAR-----'],
];
