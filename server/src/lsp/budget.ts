// Runs the engine over a file in slices, so a large multi-document file cannot hold the server:
// between slices the event loop turns (a cancellation or a newer edit can arrive), and a request
// stops with what it has once its time budget is spent. The engine caches each document, so a
// later run picks up where a stopped one left off.
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { FileAnalysis } from '../core/engine';

/** Time a request may spend on analysis before answering with part of the file (ms). */
export const DEFAULT_BUDGETS = { diagnostics: 2000, hover: 1000, completion: 1000, symbols: 2000, codeActions: 1000 } as const;
export type Feature = keyof typeof DEFAULT_BUDGETS;
export type Budgets = Record<Feature, number>;

/** Work between two turns of the event loop (ms): short enough for a cancellation to land quickly. */
export const SLICE_MS = 50;

export interface AnalysisLimits {
  budgetMs: number;
  /** The request's cancellation (LSP `$/cancelRequest`), when it has one. */
  token?: { readonly isCancellationRequested: boolean };
  /** Also gives up when this says so, e.g. a newer version of the document arrived. */
  superseded?: () => boolean;
}

export interface SliceClock {
  now(): number;
  /** Lets other events run; resolves on a later turn of the event loop. */
  pause(): Promise<void>;
  sliceMs: number;
}

export interface LimitedAnalysis {
  analysis: FileAnalysis;
  /** True when the request was cancelled or superseded: its answer is not wanted. */
  cancelled: boolean;
}

export const nodeSliceClock = (now: () => number): SliceClock => ({
  now,
  pause: () => new Promise((resolve) => setImmediate(resolve)),
  sliceMs: SLICE_MS,
});

/**
 * `run` is the engine call with its `shouldStop` hook; it is repeated until the file is done or a
 * limit hits. Each run first walks the documents already checked (cached, but not free on a huge
 * file): a slice lasts at least twice that walk, so the walks never take most of the time.
 */
export async function analyzeWithin(
  run: (shouldStop: () => boolean) => FileAnalysis,
  limits: AnalysisLimits,
  clock: SliceClock,
): Promise<LimitedAnalysis> {
  const deadline = clock.now() + limits.budgetMs;
  const unwanted = (): boolean => Boolean(limits.token?.isCancellationRequested || limits.superseded?.());
  let walk = 0;
  for (;;) {
    const started = clock.now();
    const sliceEnd = Math.min(deadline, started + Math.max(clock.sliceMs, 2 * walk));
    let asked = false;
    const analysis = run(() => {
      const now = clock.now();
      if (!asked) walk = now - started;
      asked = true;
      return now >= sliceEnd;
    });
    if (!analysis.partial) return { analysis, cancelled: false };
    await clock.pause();
    if (unwanted()) return { analysis, cancelled: true };
    if (clock.now() >= deadline) return { analysis, cancelled: false };
  }
}

/** The answer to a request whose client no longer wants it. */
export function cancelledError(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'meshlint: request cancelled');
}

/** Rule id of the note on a file whose diagnostics are partial. */
export const PARTIAL_RULE_ID = 'check-partial';

const FEATURE_NAMES: Record<Feature, string> = {
  diagnostics: 'checking',
  hover: 'hover',
  completion: 'completion',
  symbols: 'the outline',
  codeActions: 'code actions',
};

/** The note shown when a budget ran out, e.g. "the outline stopped after 120 of 800 documents". */
export function partialNote(feature: Feature, partial: { checked: number; total: number }): string {
  return `meshlint: ${FEATURE_NAMES[feature]} stopped after ${partial.checked} of ${partial.total} YAML documents of this file (time budget); results are partial.`;
}
