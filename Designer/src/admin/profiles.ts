/** The policy profiles' parameters and articles: their order, the rule each parameter serves, what a save sends. */

/** Parameters in the order of the processes (sharing first), as the Host names them. */
export const parameterOrder = [
  'sharing.answerDays',
  'catalog.changeDays',
  'catalog.extensionDays',
  'catalog.reviewDays',
  'dispute.tierDays',
  'objection.verifyDays',
  'acceptance.submitDays',
  'acceptance.reviewDays',
  'openData.answerDays',
  'rectification.days',
] as const;

/** The rule (article key) whose deadline a parameter sets. */
export const ruleOfParameter: Record<string, string> = {
  'sharing.answerDays': 'sharing.answer',
  'catalog.changeDays': 'catalog.change',
  'catalog.extensionDays': 'catalog.extension',
  'catalog.reviewDays': 'catalog.review',
  'dispute.tierDays': 'dispute',
  'objection.verifyDays': 'objection',
  'acceptance.submitDays': 'acceptance',
  'acceptance.reviewDays': 'acceptance',
  'openData.answerDays': 'openData',
  'rectification.days': 'rectification',
};

/** A profile's parameters, known ones first in process order, then any the Host adds later. */
export function orderedParameters(days: Record<string, number>): string[] {
  const known = parameterOrder.filter((name) => name in days);
  const others = Object.keys(days)
    .filter((name) => !(parameterOrder as readonly string[]).includes(name))
    .sort();
  return [...known, ...others];
}

/** The article a parameter's rule applies, e.g. 《抚州市…》第十八条; null when the regulation names none. */
export function articleOfParameter(parameter: string, regulation: string | undefined, articles: Record<string, string> | undefined): string | null {
  const rule = ruleOfParameter[parameter];
  const article = rule ? articles?.[rule] : undefined;
  return article ? `${regulation ?? ''}${article}` : null;
}

/** The PATCH body: only the values that differ from the stored ones. */
export function changedDays(stored: Record<string, number>, edited: Record<string, number | null | undefined>): Record<string, number> {
  const changes: Record<string, number> = {};
  for (const [name, value] of Object.entries(edited)) {
    if (value !== null && value !== undefined && value !== stored[name]) changes[name] = value;
  }
  return changes;
}
