// The suite (in the extension host) and the runner (driving the browser) share this tiny protocol
// so the suite can ask for a screenshot of what the workbench shows at that moment:
//   suite: prints `${SCREENSHOT_MARKER}{"name":..,"selector":..}` and waits for `<name>.done`
//   runner: sees the line in codeAutomationLog, waits for the selector, saves docs/images/<name>.png,
//           then writes `<name>.done` into the directory named by SCREENSHOT_DIR_ENV.
export const SCREENSHOT_MARKER = '[meshlint-e2e:screenshot] ';
export const SCREENSHOT_DIR_ENV = 'MESHLINT_E2E_SHOT_SIGNAL_DIR';

export interface ScreenshotRequest {
  /** File name without extension, e.g. "problems-panel". */
  name: string;
  /** CSS selector that must be visible before the picture is taken. */
  selector: string;
}

export function parseScreenshotRequest(line: string): ScreenshotRequest | undefined {
  const at = line.indexOf(SCREENSHOT_MARKER);
  if (at < 0) return undefined;
  const request = JSON.parse(line.slice(at + SCREENSHOT_MARKER.length)) as ScreenshotRequest;
  if (!/^[a-z0-9-]+$/.test(request.name)) throw new Error(`bad screenshot name: ${request.name}`);
  return request;
}
