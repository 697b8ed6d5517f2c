// Expanding snippet syntax with default placeholders (what a client without snippet support gets,
// and what the snippet test checks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandSnippet } from '../../server/src/core/editing/snippet-text';

test('placeholders keep their defaults, tabstops mirror them, $0 vanishes', () => {
  assert.equal(expandSnippet('name: ${1:api}\napp: $1\nns: ${2:shop}$0'), 'name: api\napp: api\nns: shop');
  assert.equal(expandSnippet('a: $1\nb: ${1:x}'), 'a: x\nb: x');
  assert.equal(expandSnippet('a: ${1}b$2'), 'a: b');
});

test('choices take the first option; escapes give literal characters', () => {
  assert.equal(expandSnippet('mode: ${1|STRICT,PERMISSIVE|}'), 'mode: STRICT');
  assert.equal(expandSnippet('x: ${1|a\\,b,c|}'), 'x: a,b');
  assert.equal(expandSnippet('cost: \\$5 \\} \\\\'), 'cost: $5 } \\');
  assert.equal(expandSnippet('${1:a \\} b}'), 'a } b');
});

test('nested placeholders and variables', () => {
  assert.equal(expandSnippet('host: ${3:${1:api}.${2:shop}.svc}'), 'host: api.shop.svc');
  assert.equal(expandSnippet('file: ${TM_FILENAME:x.yaml} $TM_LINE_NUMBER'), 'file: x.yaml ');
  assert.equal(expandSnippet('${1/(.*)/$1/}z'), 'z');
  assert.equal(expandSnippet('a $ b ${ c'), 'a $ b ${ c');
});
