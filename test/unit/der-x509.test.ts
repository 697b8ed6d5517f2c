// The DER readers behind certificate-request-csr and the issuer caBundle checks: PKCS#10 requests and
// their usages (cert-manager certificaterequest.go getCSRKeyUsage), certificates as Go's cert pool takes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PACKAGE_DIR } from '../support/engine';
import { pemBlocks, base64Bytes } from '../../server/src/core/rules/lib/pem';
import { certificateProblem, parseCsr } from '../../server/src/core/rules/lib/der-x509';
import { csrUsages, sameUsages } from '../../server/src/core/rules/lib/csr-usages';
import { caBundleProblem } from '../../server/src/core/rules/lib/ca-bundle';

const pki = (name: string): string => fs.readFileSync(path.join(PACKAGE_DIR, 'test/fixtures/pki', name), 'utf8');
const der = (name: string): Uint8Array => pemBlocks(pki(name))[0].bytes;
const b64 = (text: string): string => Buffer.from(text).toString('base64');

function usagesOf(name: string): string[] {
  const csr = parseCsr(der(name));
  assert.ok('extensions' in csr, name);
  const read = csrUsages(csr.extensions);
  assert.ok('usages' in read, name);
  return read.usages;
}

test('the usages of each CSR, named as cert-manager names them', () => {
  assert.deepEqual(usagesOf('server-client.csr'), ['digital signature', 'key encipherment', 'server auth', 'client auth']);
  assert.deepEqual(usagesOf('intermediate-ca.csr'), ['digital signature', 'cert sign']);
  assert.deepEqual(usagesOf('email-protection.csr'), ['email protection']);
});

test('usages compare as multisets with signing folded into digital signature (isUsageEqual)', () => {
  assert.equal(sameUsages(['signing', 'server auth'], ['server auth', 'digital signature']), true);
  assert.equal(sameUsages(['signing', 'digital signature'], ['digital signature']), true);
  assert.equal(sameUsages(['email protection'], ['s/mime']), false);
  assert.equal(sameUsages(['server auth', 'server auth'], ['server auth']), false);
});

test('DER that is not a request, and extensions that do not read, are reported', () => {
  assert.ok('problem' in parseCsr(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00])));
  assert.ok('problem' in parseCsr(der('root-ca.pem')), 'a certificate is not a request');
  const bits = (b: number[]): { oid: string; value: Uint8Array } => ({ oid: '2.5.29.15', value: new Uint8Array(b) });
  assert.ok('problem' in csrUsages([bits([0x04, 0x01, 0x00])]), 'an OCTET STRING where the BIT STRING belongs');
  assert.ok('problem' in csrUsages([bits([0x03, 0x02, 0x07, 0x81])]), 'non-zero padding bits');
  assert.deepEqual(csrUsages([bits([0x03, 0x02, 0x07, 0x80])]), { usages: ['digital signature'] });
});

test('certificates parse; a request, a truncated DER or a bare SEQUENCE do not', () => {
  assert.equal(certificateProblem(der('root-ca.pem')), undefined);
  assert.notEqual(certificateProblem(der('server-only.csr')), undefined);
  assert.notEqual(certificateProblem(der('root-ca.pem').slice(0, 100)), undefined);
  assert.notEqual(certificateProblem(new Uint8Array([0x30, 0x00])), undefined);
});

test("caBundle: Go's cert pool skips other blocks, blocks with headers and broken certificates", () => {
  const root = pki('root-ca.pem');
  const broken = '-----BEGIN CERTIFICATE-----\nMAMCAQA=\n-----END CERTIFICATE-----\n';
  const withHeaders = root.replace('-----\n', '-----\nProc-Type: 4,ENCRYPTED\n\n');
  assert.equal(caBundleProblem(b64(root)), undefined);
  assert.equal(caBundleProblem(b64(broken + root)), undefined);
  assert.match(caBundleProblem(b64(broken)) ?? '', /none of its CERTIFICATE blocks parses/);
  assert.match(caBundleProblem(b64(withHeaders)) ?? '', /carry PEM headers/);
  assert.match(caBundleProblem(b64(pki('server-only.csr'))) ?? '', /CERTIFICATE REQUEST, none a CERTIFICATE/);
  assert.match(caBundleProblem(b64('hello')) ?? '', /no PEM block/);
  assert.equal(caBundleProblem(''), undefined);
});

test('base64 as Go decodes a []byte field: padding required, line breaks ignored', () => {
  assert.deepEqual(base64Bytes('aGk='), new Uint8Array([0x68, 0x69]));
  assert.equal(base64Bytes('aGk'), undefined);
  assert.deepEqual(base64Bytes('aG\nk='), new Uint8Array([0x68, 0x69]));
});
