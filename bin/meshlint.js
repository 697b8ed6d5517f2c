#!/usr/bin/env node
// Command-line checker for CI: `meshlint [paths...]`.
// A reader that stops early (`meshlint . | head`) is not an error of ours: finish with our exit code.
process.stdout.on('error', (err) => {
  if (err.code !== 'EPIPE') throw err;
});
require('../dist/cli.js')
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      // A crash is not "findings": exit 2 so CI can tell a broken run from a failing one.
      process.stderr.write(`meshlint: internal error: ${err && err.stack ? err.stack : err}\n`);
      process.exitCode = 2;
    },
  );
