// Reads a concept page (docs/concepts/<name>.md, passed in as text by the node layer) into the
// parts hover shows: title, the opening explanation, the example and one section per enum value.
//
// Page shape: `# Title`, opening paragraphs, `## Example`, optional `## Values` with one
// `### VALUE` per value, then any further sections (for readers of the page, not for hover).

export interface Concept {
  name: string;
  title: string;
  summary: string;
  example?: string;
  values: Map<string, string>;
}

export type ConceptTexts = Readonly<Record<string, string>>;

export function parseConcept(name: string, markdown: string): Concept {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let title = name;
  const summary: string[] = [];
  const sections = new Map<string, string[]>();
  const values = new Map<string, string[]>();
  let section: string | undefined;
  let value: string | undefined;
  let inFence = false;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const h = inFence ? null : /^(#{1,3})\s+(.*?)\s*#*\s*$/.exec(line);
    if (h && h[1] === '#' && section === undefined && title === name) {
      title = h[2];
      continue;
    }
    if (h && h[1] === '##') {
      section = h[2].toLowerCase();
      value = undefined;
      sections.set(section, []);
      continue;
    }
    if (h && h[1] === '###' && section === 'values') {
      value = h[2].replace(/`/g, '').trim();
      values.set(value, []);
      continue;
    }
    if (section === undefined) summary.push(line);
    else if (section === 'values' && value !== undefined) values.get(value)?.push(line);
    else sections.get(section)?.push(line);
  }
  const example = sections.get('example');
  return {
    name,
    title,
    summary: trimBlock(summary),
    example: example ? trimBlock(example) || undefined : undefined,
    values: new Map([...values].map(([k, v]) => [k, trimBlock(v)])),
  };
}

function trimBlock(lines: string[]): string {
  return lines.join('\n').trim();
}

/** Parses every page once; pages are small and hover asks for them on every move. */
export class ConceptLibrary {
  private readonly parsed = new Map<string, Concept>();

  constructor(private readonly texts: ConceptTexts = {}) {}

  get(name: string): Concept | undefined {
    let c = this.parsed.get(name);
    if (!c && Object.prototype.hasOwnProperty.call(this.texts, name)) {
      c = parseConcept(name, this.texts[name]);
      this.parsed.set(name, c);
    }
    return c;
  }

  names(): string[] {
    return Object.keys(this.texts);
  }
}
