// Lexer cases from TestLexer / TestLexerSequence in apimachinery pkg/labels/selector_test.go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize, type TokenKind } from './selector-lexer.js';

const kinds = (text: string) => tokenize(text).map((t) => t.kind);

test('single tokens, longest symbol first', () => {
  const cases: [string, TokenKind][] = [
    ['', 'EndOfString'],
    [',', 'Comma'],
    ['notin', 'NotIn'],
    ['in', 'In'],
    ['=', 'Equals'],
    ['==', 'DoubleEquals'],
    ['>', 'GreaterThan'],
    ['<', 'LessThan'],
    ['!', 'DoesNotExist'],
    ['!=', 'NotEquals'],
    ['(', 'OpenPar'],
    [')', 'ClosedPar'],
    ['~', 'Identifier'],
    ['||', 'Identifier'],
  ];
  for (const [text, kind] of cases) {
    const [first] = tokenize(text);
    assert.equal(first!.kind, kind, text);
    assert.equal(first!.literal, text, text);
  }
});

test('token sequences', () => {
  assert.deepEqual(kinds('key in ( value1, value2 )'), ['Identifier', 'In', 'OpenPar', 'Identifier', 'Comma', 'Identifier', 'ClosedPar', 'EndOfString']);
  assert.deepEqual(kinds('!key'), ['DoesNotExist', 'Identifier', 'EndOfString']);
  assert.deepEqual(kinds('x in (),y'), ['Identifier', 'In', 'OpenPar', 'ClosedPar', 'Comma', 'Identifier', 'EndOfString']);
  assert.deepEqual(kinds('== != (), = notin'), ['DoubleEquals', 'NotEquals', 'OpenPar', 'ClosedPar', 'Comma', 'Equals', 'NotIn', 'EndOfString']);
  assert.deepEqual(kinds('key>2'), ['Identifier', 'GreaterThan', 'Identifier', 'EndOfString']);
  assert.deepEqual(kinds('===!=='), ['DoubleEquals', 'Equals', 'NotEquals', 'Equals', 'EndOfString']);
});

test('tokens record where they start', () => {
  assert.deepEqual(
    tokenize(' ab\t!= c').map((t) => t.position),
    [1, 4, 7, 8],
  );
});
