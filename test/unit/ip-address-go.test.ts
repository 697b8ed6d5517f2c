// Our IP parsers against Go's own test tables: net.ParseIP for cert-manager, netip.ParseAddr and
// netip.ParsePrefix for Istio, and the rules that use them giving the webhooks' verdicts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCidr, isIpAddress, isNetipAddr } from '../../server/src/core/ip-address';
import { analyze, only } from '../support/engine';
import * as go from './go-tables/ip-cases';

/** The texts where `accepts` disagrees with Go's verdict, so a failure names every one. */
function disagreements(accepts: (text: string) => boolean, ok: readonly string[], errors: readonly string[]): string[] {
  return [
    ...ok.filter((t) => !accepts(t)).map((t) => `rejects ${JSON.stringify(t)}, Go accepts it`),
    ...errors.filter((t) => accepts(t)).map((t) => `accepts ${JSON.stringify(t)}, Go rejects it`),
  ];
}

test('net.ParseIP (cert-manager ipAddresses): parseIPTests and TestParseAddr', () => {
  const ok = [...go.GO_PARSE_IP_OK, ...go.GO_PARSE_ADDR_OK];
  // TestParseAddr checks its invalid list against net.ParseIP too; zones are an error for net.ParseIP.
  const errors = [...go.GO_PARSE_IP_ERRORS, ...go.GO_PARSE_ADDR_ERRORS, ...go.GO_PARSE_ADDR_ZONED_OK];
  assert.deepEqual(disagreements(isIpAddress, ok, errors), []);
});

test('netip.ParseAddr (Istio IP values without "/"): TestParseAddr, zones included', () => {
  const ok = [...go.GO_PARSE_ADDR_OK, ...go.GO_PARSE_ADDR_ZONED_OK, ...go.GO_PARSE_IP_OK, 'fe80::1%lo0', 'fe80::1%911'];
  const ipErrors = go.GO_PARSE_IP_ERRORS.filter((t) => !t.includes('%'));
  assert.deepEqual(disagreements(isNetipAddr, ok, [...go.GO_PARSE_ADDR_ERRORS, ...ipErrors]), []);
});

test('netip.ParsePrefix (Istio IP values with "/"): TestParsePrefixError, TestPrefix and parseCIDRTests', () => {
  const ok = [...go.GO_PARSE_PREFIX_OK, ...go.GO_PARSE_CIDR_OK];
  assert.deepEqual(disagreements(isCidr, ok, [...go.GO_PARSE_PREFIX_ERRORS, ...go.GO_PARSE_CIDR_ERRORS]), []);
});

// Written as JSON (which is YAML) to keep the samples to the fields that matter.
const metadata = { name: 'api', namespace: 'shop' };
const policy = (ipBlocks: string[]): string => {
  const spec = { action: 'DENY', rules: [{ from: [{ source: { ipBlocks } }] }] };
  return JSON.stringify({ apiVersion: 'security.istio.io/v1', kind: 'AuthorizationPolicy', metadata, spec });
};
const certificate = (ipAddresses: string[]): string => {
  const spec = { secretName: 'api-tls', issuerRef: { name: 'shop-ca' }, ipAddresses };
  return JSON.stringify({ apiVersion: 'cert-manager.io/v1', kind: 'Certificate', metadata, spec });
};

test('the Istio rule accepts what netip accepts (a zone on an address) and rejects padded bits', () => {
  const flagged = (v: string): number => only(analyze(policy([v])), 'authorization-policy-value-format').length;
  assert.equal(flagged('fe80::1%eth0'), 0, 'netip.ParseAddr accepts a zone');
  assert.equal(flagged('10.0.0.0/08'), 1, 'netip.ParsePrefix rejects a leading zero in the bits');
  assert.equal(flagged('fe80::%eth0/64'), 1, 'netip.ParsePrefix rejects a zone');
  assert.equal(flagged('10.0.0.0/8'), 0);
});

test('the cert-manager rule rejects what net.ParseIP rejects (zones, padded octets)', () => {
  const flagged = (v: string): number => only(analyze(certificate([v])), 'certificate-san-values').length;
  assert.equal(flagged('fe80::1%eth0'), 1);
  assert.equal(flagged('010.0.0.1'), 1);
  assert.equal(flagged('10.0.0.1'), 0);
  assert.equal(flagged('::ffff:10.0.0.1'), 0);
});
