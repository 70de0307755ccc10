import { describe, expect, it } from 'vitest';
import { checkCondition, checkDayKind, checkDays, checkDueFrom, checkFraction, checkLiteralOrExpression, checkOffset } from '../../src/designer/bpmn/expressions';

describe('condition check', () => {
  it.each([
    "${decision == 'approve'}",
    "decision == 'approve'",
    '#{approved}',
    "${policy.rules.x ? 'calendar' : 'working'}",
    "${m['key-with-}'] == 'a'}",
    "  ${ items[0] == (a + b) }  ",
    "${name == 'it\\'s'}",
    '${a in [1, 2]}',
  ])('accepts %s', (text) => expect(checkCondition(text)).toBeNull());

  it.each([
    ['', 'empty'],
    ['${}', 'emptyExpression'],
    ["${decision == 'approve'", 'unclosedExpression'],
    ["${decision == 'approve}", 'unclosedQuote'],
    ['${(a == b}', 'unbalancedBrackets'],
    ['${a == b)}', 'unbalancedBrackets'],
    ["x ${a}", 'mixedText'],
    ["${a} == ${b}", 'mixedText'],
    ["decision == 'approve", 'unclosedQuote'],
  ])('rejects %s as %s', (text, problem) => expect(checkCondition(text)).toBe(problem));
});

describe('literal-or-expression check', () => {
  it('accepts a literal, an expression and nothing', () => {
    expect(checkLiteralOrExpression('provider-reviewer')).toBeNull();
    expect(checkLiteralOrExpression('${providerDepartment}')).toBeNull();
    expect(checkLiteralOrExpression('')).toBeNull();
  });
  it('rejects text mixed with an expression, and broken expressions', () => {
    expect(checkLiteralOrExpression('dept-${code}')).toBe('mixedText');
    expect(checkLiteralOrExpression('${code}-x')).toBe('mixedText');
    expect(checkLiteralOrExpression('${code')).toBe('unclosedExpression');
  });
});

describe('attribute value checks', () => {
  it('takes whole days or a profile parameter', () => {
    expect(checkDays('15')).toBeNull();
    expect(checkDays('sharing.answerDays')).toBeNull();
    expect(checkDays('0')).toBe('badDays');
    expect(checkDays('0', 0)).toBeNull();
    expect(checkDays('3651')).toBe('badDays');
    expect(checkDays('1.5')).toBe('badDays');
    expect(checkDays('answerDays')).toBe('badDays');
    expect(checkDays('Sharing.answerDays')).toBe('badDays');
  });
  it('takes signed offsets, fractions between 0 and 1, dates and day kinds', () => {
    expect(checkOffset('-2')).toBeNull();
    expect(checkOffset('+3')).toBeNull();
    expect(checkOffset('-2.5')).toBe('badOffset');
    expect(checkFraction('0.5')).toBeNull();
    expect(checkFraction('.25')).toBeNull();
    expect(checkFraction('1')).toBe('badFraction');
    expect(checkFraction('0')).toBe('badFraction');
    expect(checkFraction('half')).toBe('badFraction');
    expect(checkDueFrom('2026-10-08')).toBeNull();
    expect(checkDueFrom('2026-02-30')).toBe('badDate');
    expect(checkDueFrom('${eventDate}')).toBeNull();
    expect(checkDueFrom('8 Oct')).toBe('badDate');
    expect(checkDayKind('working')).toBeNull();
    expect(checkDayKind("${x ? 'calendar' : 'working'}")).toBeNull();
    expect(checkDayKind('weekdays')).toBe('badDayKind');
  });
});
