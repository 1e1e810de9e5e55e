// The subset of Gherkin the upstream ingress conformance features use: a Background with
// one docstring (the Ingress), and scenarios of When/Then/And steps. Enough to run
// path_rules.feature as written; an unknown step fails the scenario rather than being skipped.
export interface Scenario {
  name: string;
  steps: string[];
}
export interface Feature {
  name: string;
  background: { steps: string[]; docString: string };
  scenarios: Scenario[];
}

export function parseFeature(text: string): Feature {
  const lines = text.split('\n');
  const feature: Feature = { name: '', background: { steps: [], docString: '' }, scenarios: [] };
  let section: 'none' | 'background' | 'scenario' = 'none';
  let doc: string[] | null = null;
  let docIndent = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (doc) {
      if (line === '"""') {
        feature.background.docString = doc.join('\n');
        doc = null;
      } else doc.push(raw.slice(Math.min(docIndent, raw.length - raw.trimStart().length)));
      continue;
    }
    if (line === '"""') {
      doc = [];
      docIndent = raw.indexOf('"""');
      continue;
    }
    if (line.startsWith('Feature:')) feature.name = line.slice(8).trim();
    else if (line.startsWith('Background:')) section = 'background';
    else if (line.startsWith('Scenario:')) {
      section = 'scenario';
      feature.scenarios.push({ name: line.slice(9).trim(), steps: [] });
    } else if (/^(Given|When|Then|And|But) /.test(line)) {
      if (section === 'background') feature.background.steps.push(line);
      else if (section === 'scenario') feature.scenarios.at(-1)!.steps.push(line);
    } else if (section === 'scenario' && line.startsWith('(') && feature.scenarios.length) {
      feature.scenarios.at(-1)!.name += ` ${line}`;
    }
  }
  return feature;
}
