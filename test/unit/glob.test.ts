// Exclude globs: the documented syntax, agreement with picomatch on generated cases, and work that
// stays linear on patterns that make regular-expression matchers backtrack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import picomatch from 'picomatch/posix';
import fc from 'fast-check';
import { ExcludeMatcher, isIndexable } from '../../server/src/core/workspace/scan-policy';
import { Glob } from '../../server/src/core/workspace/glob';
import { countSteps } from '../../server/src/core/work-count';

test('exclude globs: names at any depth, anchored paths, ** and braces', () => {
  const m = new ExcludeMatcher(['legacy', 'charts/**', '**/*.generated.yaml', 'env/{dev,test}/']);
  assert.ok(m.excludes('legacy/a.yaml'));
  assert.ok(m.excludes('apps/legacy/deep/a.yaml'));
  assert.ok(m.excludes('charts/x/templates/a.yaml'));
  assert.ok(!m.excludes('apps/charts/a.yaml'), 'a pattern with / is anchored at the folder root');
  assert.ok(m.excludes('a/b/c.generated.yaml'));
  assert.ok(m.excludes('env/dev/a.yaml') && m.excludes('env/test/a.yaml') && !m.excludes('env/prod/a.yaml'));
  assert.ok(new Glob('a?[bc].yaml').matches('axc.yaml'));
  assert.ok(!new Glob('a?[bc].yaml').matches('a/c.yaml'), '? does not match a slash');
  assert.ok(new Glob('[!a-c]x').matches('dx') && !new Glob('[!a-c]x').matches('bx'));
  assert.ok(new Glob('a\\*b').matches('a*b') && !new Glob('a\\*b').matches('axb'), 'a backslash escapes');
  assert.ok(new ExcludeMatcher(['/deploy/old']).excludes('deploy/old/a.yaml'), 'a leading / anchors at the root');
  assert.ok(new ExcludeMatcher(['./tmp/']).excludes('tmp/a.yaml'));
  assert.ok(!isIndexable('node_modules/x/a.yaml', new ExcludeMatcher([])));
  assert.ok(!isIndexable('README.md', new ExcludeMatcher([])));
  assert.ok(isIndexable('deploy/a.yml', new ExcludeMatcher([])));
});

// Small alphabets so that generated patterns and paths meet often. Left out where picomatch has
// readings of its own: `[!a]` (the set of `!` and `a` to it; negation to us, as in .gitignore,
// tested above), `.*` (it wants a character after the dot), `**` next to other characters, and
// a trailing `/**` (it sometimes matches the folder itself; for excludes the folder's contents count).
const PATTERN_PART = fc.constantFrom('a', 'b', 'a.b', '*', '?', '[ab]', '[^a]', '{a,b}', '{a,bb}', '/', '**/', 'x');
const PATH_PART = fc.constantFrom('a', 'b', '.', 'x', '/', 'ab');

test('whole-path matching agrees with picomatch (dot files included) on generated patterns', () => {
  fc.assert(
    fc.property(fc.array(PATTERN_PART, { minLength: 1, maxLength: 7 }), fc.array(PATH_PART, { minLength: 1, maxLength: 8 }), (pp, sp) => {
      const pattern = pp.join('');
      const path = sp.join('');
      // Empty, `.` and `..` segments are not in the paths the scan produces, and the exclude list
      // trims a pattern's leading and trailing slashes before it gets here.
      const slashy = (s: string): boolean => s.includes('//') || s.startsWith('/') || s.endsWith('/');
      fc.pre(!slashy(path) && !slashy(pattern));
      fc.pre(path.split('/').every((seg) => seg !== '.' && seg !== '..') && !/[^/]\*\*|\*\*[^/]/.test(pattern));
      const expected = picomatch(pattern, { dot: true })(path);
      assert.equal(new Glob(pattern).matches(path), expected, `${pattern} on ${path}`);
    }),
    { numRuns: 5000, seed: 11 },
  );
});

test('a pattern that makes regular expressions backtrack costs steps linear in the name', () => {
  const glob = new Glob('*a*a*a*a*a*a*a*a*b');
  let result = true;
  const steps = (n: number): number => countSteps(() => (result = glob.matches('a'.repeat(n))));
  const [s1, s2, s4] = [steps(45), steps(90), steps(180)];
  assert.equal(result, false);
  assert.ok(s2 / s1 < 2.2 && s4 / s2 < 2.2, `steps ${s1}, ${s2}, ${s4}`);
  const matcher = new ExcludeMatcher(['*a*a*a*a*a*a*a*a*b', '**/x*y*z/**']);
  const deep = (n: number): number => countSteps(() => (result = matcher.excludes(`${'a'.repeat(n)}/`.repeat(8) + 'x.yaml')));
  const [d1, d2] = [deep(500), deep(1000)];
  assert.equal(result, false);
  assert.ok(d2 / d1 < 2.2, `steps ${d1}, ${d2}`);
});
