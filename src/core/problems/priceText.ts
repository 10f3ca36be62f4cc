// The wording of a missing price: in full (what the CLI prints, what JSON and MCP answers carry as `priceError`, the
// warning in a unit's problems) and as the one line a lens or the status bar has room for.
import type { PriceProblem } from './prices';

export function priceProblemText(problem: PriceProblem): string {
  switch (problem.code) {
    case 'no-model':
      return 'no model given — set one with --model, frontmatter or .burnrate.yaml';
    case 'empty-model-list':
      return 'empty model list';
    case 'no-price': {
      const hint = noPriceHint(problem.model, problem.priceData);
      if (!problem.earlier) return hint;
      return (
        `${hint}\nThe price data's nearest entry, ${problem.earlier.modelId}, is an earlier version than ` +
        `"${problem.earlier.written}" and is not used for it (prices in use: ${problem.priceData}; "burnrate prices update" fetches newer data).`
      );
    }
    case 'retired': {
      const successor = problem.successor ? `; its successor is ${problem.successor}` : '';
      return (
        `"${problem.model}" was retired by its vendor on ${problem.retired} — requests to it fail${successor} (${problem.origin}). ` +
        `Name the model it should be, or map it in .burnrate.yaml (aliases: {${problem.model}: <model>})`
      );
    }
    case 'unknowable':
      return `"${problem.model}" cannot be priced: ${problem.reason} (${problem.origin}). Name the model, or map it in .burnrate.yaml (aliases: {${problem.model}: <model>})`;
    case 'alias-unpriced':
      return `${aliasUnpriced(problem)}:`;
    case 'moving-alias':
      return (
        `"${problem.model}" is a moving alias: Burnrate cannot know which model its vendor serves under it today. Name the dated ` +
        `model, or map it in .burnrate.yaml (aliases: {${problem.model}: <model>})`
      );
  }
}

/** One line for a lens or the status bar: `no price for "x" — add one in .burnrate.yaml` (no example block). */
export function priceProblemSummary(problem: PriceProblem): string {
  if (problem.code === 'no-price') return `no price for "${problem.model}" — add one in .burnrate.yaml`;
  if (problem.code === 'alias-unpriced') return aliasUnpriced(problem);
  return priceProblemText(problem);
}

/** The full text ends `… aliases:` (the usage file's key); the one-line summary leaves the colon out. */
function aliasUnpriced(problem: Extract<PriceProblem, { code: 'alias-unpriced' }>): string {
  return (
    `${problem.why}. The price data in use (${problem.priceData}) has no price for ${problem.target}, so "${problem.model}" is not priced rather than ` +
    `priced as another model. Run "burnrate prices update" (or "Burnrate: Update Prices"), add a price for ${problem.target} in ` +
    `.burnrate.yaml prices:, or map the alias to a priced model in .burnrate.yaml aliases`
  );
}

/** `no price for "x"` with the usage-file lines that would give it one. */
function noPriceHint(model: string, priceData: string): string {
  return (
    `no price for "${model}" — add one in .burnrate.yaml:\n` +
    `  prices:\n    - model: ${model}\n      inputPerMTok: 1.00   # USD per million input tokens\n      outputPerMTok: 4.00\n` +
    `(or the burnrate.prices.overrides setting; prices in use: ${priceData})`
  );
}
