// Sites (uri + range of a key, as the server reports them) as VS Code locations, and the command
// that opens one with the key selected, for tree nodes and test messages.
import * as vscode from 'vscode';
import type { Site } from '../../server/src/core/workspace/facts';

export function siteRange(site: Site): vscode.Range {
  return new vscode.Range(site.line, site.character, site.endLine, site.endCharacter);
}

export function siteLocation(site: Site): vscode.Location {
  return new vscode.Location(vscode.Uri.parse(site.uri), siteRange(site));
}

/** A command that opens the site's document with exactly its key selected. */
export function openSiteCommand(site: Site, title = 'Open'): vscode.Command {
  const options: vscode.TextDocumentShowOptions = { selection: siteRange(site), preserveFocus: false };
  return { command: 'vscode.open', title, arguments: [vscode.Uri.parse(site.uri), options] };
}
