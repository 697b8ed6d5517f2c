// The Kubernetes CEL URL functions follow Go's url.ParseRequestURI: these inputs and results are
// Go's (facts of its behaviour), checked through CEL as a CRD rule would call them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCelError, parse, plan } from '@bufbuild/cel';
import { kubernetesCelEnv } from '../../server/src/core/crd/cel-library';

function cel(expr: string, self: string): unknown {
  const r = plan(kubernetesCelEnv(), parse(expr))({ self });
  return isCelError(r) ? `error: ${r.message}` : r;
}

test('isURL accepts what Go parses as a request URI and refuses the rest', () => {
  const valid = ['https://example.com/a?b=c', '/absolute/path', 'mailto:team@example.com', 'http://[::1]:8080/x'];
  valid.push('localhost:5000/img', 'http://h:/x', 'https://user:p%41ss@h/x');
  const invalid = ['relative/path', ':no-scheme', 'http://a b/', 'http://host:abc/', 'http://h/%zz', '', 'http://h/\u0007', '1http://x'];
  // Go's validUserinfo refuses '#' before the '@', and a bad escape in the user name (Istio's wasm-invalid case "#%blah$#@").
  invalid.push('http://#%blah$#@', 'http://us%zer@h/');
  for (const v of valid) assert.equal(cel('isURL(self)', v), true, v);
  for (const v of invalid) assert.equal(cel('isURL(self)', v), false, v);
});

test('url() getters: scheme lower-cased, host with port, hostname without brackets, port, path, query', () => {
  const u = 'HTTPS://user@[::1]:8443/p/a%20th?x=1&x=2&y=';
  assert.equal(cel('url(self).getScheme()', u), 'https');
  assert.equal(cel('url(self).getHost()', u), '[::1]:8443');
  assert.equal(cel('url(self).getHostname()', u), '::1');
  assert.equal(cel('url(self).getPort()', u), '8443');
  assert.equal(cel('url(self).getEscapedPath()', u), '/p/a%20th');
  assert.equal(cel('url(self).getQuery()["x"] == ["1", "2"] && url(self).getQuery()["y"] == [""]', u), true);
  assert.equal(cel('url(self).getScheme()', 'localhost:5000/img'), 'localhost', 'Go reads host:port without // as scheme and opaque');
  assert.match(String(cel('url(self).getScheme()', 'relative/path')), /^error: .*URL parse error/);
});

test('regex find and findAll', () => {
  assert.equal(cel('self.find("[0-9]+")', 'abc 123 def 456'), '123');
  assert.equal(cel('self.findAll("[0-9]+") == ["123", "456"]', 'abc 123 def 456'), true);
  assert.equal(cel('self.findAll("[0-9]+", 1) == ["123"]', 'abc 123 def 456'), true);
  assert.equal(cel('self.find("x")', 'abc'), '');
});
