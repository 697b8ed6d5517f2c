#!/usr/bin/env node
// Command-line checker for CI: `meshlint [paths...]`.
require('../dist/cli.js').main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
