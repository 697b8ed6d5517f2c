// The stress generators' texts that both reader differential tests (CST and text) compare, so the
// two readers are held to one corpus of large, deep and merge-heavy inputs.
import { bigDocument, bigManifest, deepFlow, longLine, mergeKeys } from '../../bench/stress-inputs';

/** [name, text] of each stress input. */
export function stressTexts(): [string, string][] {
  return [
    ['mergeKeys(40)', mergeKeys(40)],
    ['deepFlow(30)', deepFlow(30)],
    ['deepFlow(300)', deepFlow(300)],
    ['longLine(2000)', longLine(2000).text],
    ['bigManifest(40000)', bigManifest(40_000)],
    ['bigDocument(40000)', bigDocument(40_000)],
  ];
}
