#!/usr/bin/env node
// Standalone language server for any LSP editor: `meshlint-server --stdio`.
require('../dist/server.js').main();
