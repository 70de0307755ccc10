/**
 * A quick client-side check of what is typed into the properties panel, so that a mistake shows while typing.
 * It is not the expression language (docs/expressions.md): only the shape — `${…}` wrappers, balanced quotes and
 * brackets — is checked here; the server's validator (校验) parses every expression for real.
 * Each check answers null when the text looks right, else a problem code, read as `designer.check.<code>`.
 */
export type CheckProblem =
  | 'empty'
  | 'unclosedExpression'
  | 'emptyExpression'
  | 'unclosedQuote'
  | 'unbalancedBrackets'
  | 'mixedText'
  | 'badDays'
  | 'badOffset'
  | 'badFraction'
  | 'badDate'
  | 'badDayKind';

/** A profile parameter name: dotted lower-camel-case segments such as `sharing.answerDays`. */
export const parameterName = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/;

interface Scan {
  /** Index of the `}` closing the wrapper opened at `start`, or -1. */
  end: number;
  problem: CheckProblem | null;
}

/** Scans an expression body from `start` (just after `${`) to its closing brace, minding quotes and brackets. */
function scanExpression(text: string, start: number, wrapped: boolean): Scan {
  const stack: string[] = [];
  let quote: string | null = null;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '(' || c === '[' || c === '{') stack.push(c);
    else if (c === ')' || c === ']' || c === '}') {
      if (c === '}' && wrapped && stack.length === 0) return { end: i, problem: null };
      const open = stack.pop();
      if ((c === ')' && open !== '(') || (c === ']' && open !== '[') || (c === '}' && open !== '{')) return { end: -1, problem: 'unbalancedBrackets' };
    }
  }
  if (quote) return { end: -1, problem: 'unclosedQuote' };
  if (wrapped) return { end: -1, problem: 'unclosedExpression' };
  return { end: text.length, problem: stack.length > 0 ? 'unbalancedBrackets' : null };
}

function opensExpression(text: string, index: number): boolean {
  return (text[index] === '$' || text[index] === '#') && text[index + 1] === '{' && text[index - 1] !== '\\';
}

/** Checks an always-an-expression text (a condition): bare, or wrapped once in `${…}` / `#{…}`. */
export function checkCondition(value: string | undefined | null): CheckProblem | null {
  const text = (value ?? '').trim();
  if (text.length === 0) return 'empty';
  if (opensExpression(text, 0)) {
    const scan = scanExpression(text, 2, true);
    if (scan.problem) return scan.problem;
    if (text.slice(2, scan.end).trim().length === 0) return 'emptyExpression';
    if (scan.end !== text.length - 1) return 'mixedText';
    return null;
  }
  if ([...text].some((_, index) => opensExpression(text, index))) return 'mixedText';
  return scanExpression(text, 0, false).problem;
}

/**
 * Checks a literal-or-expression attribute (candidate department, role, assignee, sf:dueFrom): plain text, or a
 * single `${…}` with nothing around it. Blank is fine (the attribute is then absent).
 */
export function checkLiteralOrExpression(value: string | undefined | null): CheckProblem | null {
  const text = (value ?? '').trim();
  if (text.length === 0) return null;
  const first = [...text].findIndex((_, index) => opensExpression(text, index));
  if (first < 0) return null;
  if (first > 0) return 'mixedText';
  return checkCondition(text);
}

/** sf:dueDays, sf:days, sf:extendDays: a whole number from `min` to 3650, or a profile parameter name. */
export function checkDays(value: string | undefined | null, min = 1): CheckProblem | null {
  const text = (value ?? '').trim();
  if (text.length === 0) return null;
  if (parameterName.test(text)) return null;
  if (!/^\d+$/.test(text)) return 'badDays';
  const days = Number(text);
  return days < min || days > 3650 ? 'badDays' : null;
}

/** sf:offsetDays: a signed whole number. */
export function checkOffset(value: string | undefined | null): CheckProblem | null {
  const text = (value ?? '').trim();
  if (text.length === 0) return null;
  return /^[+-]?\d+$/.test(text) && Math.abs(Number(text)) <= 3650 ? null : 'badOffset';
}

/** sf:fraction: a decimal strictly between 0 and 1. */
export function checkFraction(value: string | undefined | null): CheckProblem | null {
  const text = (value ?? '').trim();
  if (text.length === 0) return null;
  if (!/^(0?\.\d+|0|1)(\.0*)?$/.test(text) && !/^0?\.\d+$/.test(text)) return 'badFraction';
  const fraction = Number(text);
  return fraction > 0 && fraction < 1 ? null : 'badFraction';
}

/** sf:dueFrom: a real `yyyy-MM-dd` date or an expression. */
export function checkDueFrom(value: string | undefined | null): CheckProblem | null {
  const text = (value ?? '').trim();
  if (text.length === 0) return null;
  if (text.includes('${') || text.includes('#{')) return checkLiteralOrExpression(text);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return 'badDate';
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]) ? null : 'badDate';
}

/** sf:dueDayKind: `working`, `calendar`, or an expression giving one of them. */
export function checkDayKind(value: string | undefined | null): CheckProblem | null {
  const text = (value ?? '').trim();
  if (text.length === 0 || text === 'working' || text === 'calendar') return null;
  if (opensExpression(text, 0)) return checkCondition(text);
  return 'badDayKind';
}
