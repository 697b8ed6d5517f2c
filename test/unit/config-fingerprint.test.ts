// The cache keys of a config: the check fingerprint follows every field except the rule levels
// (including fields added later, since it is derived, not listed), and ignores key order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFingerprint, configFingerprint, DEFAULT_CONFIG, type Config } from '../../server/src/core/config';

const changed = (key: string): Config => {
  const v = (DEFAULT_CONFIG as unknown as Record<string, unknown>)[key];
  return { ...DEFAULT_CONFIG, [key]: typeof v === 'number' ? v + 1 : `${String(v)}-x` };
};

test('every field but the rule levels changes the check fingerprint', () => {
  for (const key of Object.keys(DEFAULT_CONFIG).filter((k) => k !== 'rules')) {
    assert.notEqual(checkFingerprint(changed(key)), checkFingerprint(DEFAULT_CONFIG), key);
    assert.notEqual(configFingerprint(changed(key)), configFingerprint(DEFAULT_CONFIG), key);
  }
  const leveled: Config = { ...DEFAULT_CONFIG, rules: { 'peer-authentication-permissive': 'error' } };
  assert.equal(checkFingerprint(leveled), checkFingerprint(DEFAULT_CONFIG), 'levels apply after checking');
  assert.notEqual(configFingerprint(leveled), configFingerprint(DEFAULT_CONFIG));
});

test('a field added to Config later is covered without listing it', () => {
  const future = { ...DEFAULT_CONFIG, maxKeySizeBits: 2048 } as Config;
  assert.notEqual(checkFingerprint(future), checkFingerprint(DEFAULT_CONFIG));
});

test('the order of keys does not matter', () => {
  const a: Config = { ...DEFAULT_CONFIG, rules: { a: 'off', b: 'error' } };
  const b: Config = {
    maxCertSeconds: a.maxCertSeconds,
    rules: { b: 'error', a: 'off' },
    trustDomain: a.trustDomain,
    rootNamespace: a.rootNamespace,
    maxWorkloadCertSeconds: a.maxWorkloadCertSeconds,
  };
  assert.equal(configFingerprint(a), configFingerprint(b));
  assert.equal(checkFingerprint(a), checkFingerprint(b));
});
