-- Minimal Neovim config for test/nvim/neovim.test.ts: attaches the built-in LSP client to
-- `node bin/meshlint-server.js --stdio` for YAML buffers (the same setup docs/editors.md shows),
-- then records what the server publishes and quits, driven by DiagnosticChanged events:
--   1. wait for a diagnostic with code $MESHLINT_NVIM_EXPECT, record all meshlint diagnostics;
--   2. ask for hover on it, then for its code actions, and apply the quick fix titled
--      $MESHLINT_NVIM_FIX (its workspace edit reaches the server as an incremental didChange);
--   3. wait until the diagnostic is gone, write what was seen as JSON to $MESHLINT_NVIM_OUT and quit.
-- Works on Neovim 0.7 (Debian 12: no vim.lsp.start yet) and later.
local out = assert(os.getenv('MESHLINT_NVIM_OUT'), 'MESHLINT_NVIM_OUT not set')
local expect = assert(os.getenv('MESHLINT_NVIM_EXPECT'), 'MESHLINT_NVIM_EXPECT not set')
local fix_title = assert(os.getenv('MESHLINT_NVIM_FIX'), 'MESHLINT_NVIM_FIX not set')
local timeout_ms = tonumber(os.getenv('MESHLINT_NVIM_TIMEOUT_MS') or '20000')
local repo = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h:h:h')

-- Once only: quitting detaches the client, whose cleared diagnostics would report again.
local finished = false
local function finish(result, code)
  if finished then return end
  finished = true
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

local first, hover_text, action_titles

-- The LSP diagnostic behind a vim.diagnostic one: position and message from it, the rest (code,
-- data, from which the server computes its quick fixes) kept under user_data.lsp since 0.7.
local function lsp_diagnostic(bufnr)
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local extra = (d.user_data and d.user_data.lsp) or {}
    if (d.code or extra.code) == expect then
      local range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } }
      return vim.tbl_extend('force', extra, { range = range, severity = d.severity, message = d.message, source = d.source })
    end
  end
end

local function apply_fix(bufnr)
  local diagnostic = lsp_diagnostic(bufnr)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = diagnostic.range,
    context = { diagnostics = { diagnostic }, only = { 'quickfix' } },
  }
  vim.lsp.buf_request(bufnr, 'textDocument/codeAction', params, function(err, actions)
    if err then return finish({ error = 'codeAction: ' .. vim.inspect(err) }, 5) end
    action_titles = {}
    local chosen
    for _, a in ipairs(actions or {}) do
      table.insert(action_titles, a.title)
      if a.title == fix_title then chosen = a end
    end
    if not chosen or not chosen.edit then
      return finish({ error = 'no quick fix "' .. fix_title .. '" among ' .. vim.inspect(action_titles) }, 6)
    end
    vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
  end)
end

local function ask_hover(bufnr, hit)
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = hit.lnum, character = hit.col } }
  vim.lsp.buf_request(bufnr, 'textDocument/hover', params, function(err, result)
    if err or not result then return finish({ error = 'hover: ' .. vim.inspect(err or 'no result') }, 7) end
    local contents = result.contents
    hover_text = type(contents) == 'table' and (contents.value or vim.inspect(contents)) or tostring(contents)
    apply_fix(bufnr)
  end)
end

vim.api.nvim_create_autocmd('DiagnosticChanged', {
  callback = function(args)
    local list = meshlint_diagnostics(args.buf)
    local hit = find(list)
    if not first and hit then
      first = list
      ask_hover(args.buf, hit)
    elseif first and action_titles and not hit then
      finish({ first = first, hover = hover_text, actions = action_titles, after_edit = list,
        text = vim.api.nvim_buf_get_lines(args.buf, 0, -1, false) }, 0)
    end
  end,
})
