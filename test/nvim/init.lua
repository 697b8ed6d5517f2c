-- Minimal Neovim config for test/nvim/neovim.test.ts: attaches the built-in LSP client to
-- `node bin/meshlint-server.js --stdio` for YAML buffers (the same setup docs/editors.md shows),
-- then records what the server publishes and quits, driven by DiagnosticChanged events:
--   1. wait for a diagnostic with code $MESHLINT_NVIM_EXPECT, record all meshlint diagnostics;
--   2. replace the flagged range with "STRICT" (an incremental didChange), wait until it is gone;
--   3. write both snapshots as JSON to $MESHLINT_NVIM_OUT and quit.
-- Works on Neovim 0.7 (Debian 12: no vim.lsp.start yet) and later.
local out = assert(os.getenv('MESHLINT_NVIM_OUT'), 'MESHLINT_NVIM_OUT not set')
local expect = assert(os.getenv('MESHLINT_NVIM_EXPECT'), 'MESHLINT_NVIM_EXPECT not set')
local timeout_ms = tonumber(os.getenv('MESHLINT_NVIM_TIMEOUT_MS') or '20000')
local repo = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h:h:h')

local function finish(result, code)
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
  vim.cmd((code == 0 and 'qall!') or 'cquit ' .. code)
end

vim.defer_fn(function()
  finish({ error = 'timed out after ' .. timeout_ms .. ' ms waiting for diagnostics' }, 3)
end, timeout_ms)

local config = {
  name = 'meshlint',
  cmd = { 'node', repo .. '/bin/meshlint-server.js', '--stdio' },
  on_exit = function(code)
    if code ~= 0 then
      vim.schedule(function() finish({ error = 'meshlint-server exited with code ' .. code }, 4) end)
    end
  end,
}

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'yaml',
  callback = function(args)
    config.root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ':p:h')
    if vim.lsp.start then
      vim.lsp.start(config, { bufnr = args.buf })
    else
      vim.lsp.buf_attach_client(args.buf, vim.lsp.start_client(config))
    end
  end,
})

local function meshlint_diagnostics(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == 'meshlint' then
      -- 0.7 keeps the LSP code only under user_data.lsp
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      table.insert(list, { code = code, lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
        severity = d.severity, message = d.message })
    end
  end
  return list
end

local function find(list)
  for _, d in ipairs(list) do
    if d.code == expect then return d end
  end
end

local first
vim.api.nvim_create_autocmd('DiagnosticChanged', {
  callback = function(args)
    local list = meshlint_diagnostics(args.buf)
    local hit = find(list)
    if not first and hit then
      first = list
      vim.api.nvim_buf_set_text(args.buf, hit.lnum, hit.col, hit.end_lnum, hit.end_col, { 'STRICT' })
    elseif first and not hit then
      finish({ first = first, after_edit = list, text = vim.api.nvim_buf_get_lines(args.buf, 0, -1, false) }, 0)
    end
  end,
})
