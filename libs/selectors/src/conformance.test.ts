// Every case of the shared Kubernetes conformance file becomes one test.
// Source: kubernetes/apimachinery pkg/labels/selector_test.go and
// pkg/apis/meta/v1/helpers_test.go (see the file's `source` block).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  SelectorParseError,
  labelSelectorAsMap,
  labelSelectorToSelector,
  matches,
  matchesEverything,
  newRequirement,
  parseSelector,
  selectorFromSet,
  selectorOf,
  selectorToString,
  type LabelSelector,
  type Operator,
  type Selector,
} from './index.js';

type Labels = Record<string, string>;
interface RequirementCase {
  key: string;
  operator: string;
  values: string[];
}
interface Cases {
  match_cases: { selector: string; selectorFromSet?: Labels; labels: Labels; matches: boolean; test: string }[];
  parse_cases: {
    selector: string;
    valid: boolean;
    canonical?: string;
    requirements?: RequirementCase[];
    matchesNothing?: boolean;
    test: string;
  }[];
  label_selector_struct_cases: {
    labelSelector: LabelSelector | null;
    result?: 'Nothing' | 'Everything';
    selectorString?: string;
    error?: boolean;
  }[];
  label_selector_as_map_cases: { labelSelector: LabelSelector; map?: Labels; error?: string }[];
  requirement_constructor_cases: (RequirementCase & { valid: boolean })[];
  requirements_to_string_cases: { requirements: RequirementCase[]; string: string }[];
  set_to_selector_string_cases: { set: Labels; string: string }[];
}

// A copy of shared/conformance/selector-cases.json (its `source` block names the
// Kubernetes tests it was transcribed from), kept in the repo so the test runs anywhere.
const casesUrl = new URL('../fixtures/selector-cases.json', import.meta.url);
const cases = JSON.parse(readFileSync(casesUrl, 'utf8')) as Cases;

const show = (value: unknown) => JSON.stringify(value);
const shorten = (text: string) => (text.length > 40 ? `${text.slice(0, 37)}...` : text);
const plain = (selector: Selector) => selector.requirements.map(({ key, operator, values }) => ({ key, operator, values }));
const build = (r: RequirementCase) => newRequirement(r.key, r.operator as Operator, r.values);

cases.match_cases.forEach((c, i) => {
  const source = c.selectorFromSet ? `selectorFromSet(${show(c.selectorFromSet)})` : show(c.selector);
  test(`match_cases[${i}] ${source} ${c.matches ? 'matches' : 'does not match'} ${show(c.labels)}`, () => {
    const selector = c.selectorFromSet ? selectorFromSet(c.selectorFromSet) : parseSelector(c.selector);
    if (c.selectorFromSet) assert.equal(selectorToString(selector), c.selector);
    assert.equal(matches(selector, c.labels), c.matches);
  });
});

cases.parse_cases.forEach((c, i) => {
  test(`parse_cases[${i}] ${show(c.selector)} is ${c.valid ? 'valid' : 'invalid'} (${c.test.split(' ')[0]})`, () => {
    if (!c.valid) {
      assert.throws(() => parseSelector(c.selector), SelectorParseError);
      return;
    }
    const selector = parseSelector(c.selector);
    if (c.canonical !== undefined) assert.equal(selectorToString(selector), c.canonical);
    if (c.requirements !== undefined) assert.deepEqual(plain(selector), c.requirements);
    if (c.matchesNothing !== undefined) assert.equal(selector.matchesNothing, c.matchesNothing);
  });
});

cases.label_selector_struct_cases.forEach((c, i) => {
  const outcome = c.error ? 'is rejected' : (c.result ?? show(c.selectorString));
  test(`label_selector_struct_cases[${i}] ${show(c.labelSelector)} → ${outcome}`, () => {
    if (c.error) {
      assert.throws(() => labelSelectorToSelector(c.labelSelector), SelectorParseError);
      return;
    }
    const selector = labelSelectorToSelector(c.labelSelector);
    if (c.result === 'Nothing') {
      assert.equal(selector.matchesNothing, true);
      assert.equal(matches(selector, {}), false);
      assert.equal(matches(selector, { foo: 'bar' }), false);
    }
    if (c.result === 'Everything') {
      assert.equal(matchesEverything(selector), true);
      assert.equal(matches(selector, { foo: 'bar' }), true);
    }
    if (c.selectorString !== undefined) assert.equal(selectorToString(selector), c.selectorString);
  });
});

cases.label_selector_as_map_cases.forEach((c, i) => {
  const outcome = c.error ? `error "${c.error}"` : show(c.map);
  test(`label_selector_as_map_cases[${i}] ${show(c.labelSelector)} → ${outcome}`, () => {
    if (c.error !== undefined) {
      assert.throws(
        () => labelSelectorAsMap(c.labelSelector),
        (err: unknown) => err instanceof SelectorParseError && err.message.includes(c.error!),
      );
      return;
    }
    assert.deepEqual(labelSelectorAsMap(c.labelSelector), c.map);
  });
});

cases.requirement_constructor_cases.forEach((c, i) => {
  const values = c.values.map(shorten);
  test(`requirement_constructor_cases[${i}] ${shorten(c.key)} ${c.operator} ${show(values)} is ${c.valid ? 'valid' : 'invalid'}`, () => {
    if (c.valid) {
      const requirement = build(c);
      assert.deepEqual({ ...requirement, values: [...requirement.values] }, { key: c.key, operator: c.operator, values: [...c.values].sort() });
    } else {
      assert.throws(() => build(c), SelectorParseError);
    }
  });
});

cases.requirements_to_string_cases.forEach((c, i) => {
  test(`requirements_to_string_cases[${i}] → ${show(c.string)}`, () => {
    assert.equal(selectorToString(selectorOf(c.requirements.map(build))), c.string);
  });
});

cases.set_to_selector_string_cases.forEach((c, i) => {
  test(`set_to_selector_string_cases[${i}] ${show(c.set)} → ${show(c.string)}`, () => {
    assert.equal(selectorToString(selectorFromSet(c.set)), c.string);
  });
});

test('conformance file: every section is non-empty', () => {
  for (const [section, list] of Object.entries(cases)) {
    if (Array.isArray(list)) assert.ok(list.length > 0, section);
  }
});
