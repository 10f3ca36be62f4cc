// Why a model has no price: a code with typed arguments. The engine decides and branches on the code; the words are the
// surfaces' (the plain wording in priceText.ts for the CLI, JSON and reports; the one-line summary there for lenses and
// the status bar). `priceData` is the label of the price data in use when the model was resolved.
export type PriceProblem =
  /** No model named anywhere (flag, frontmatter, usage file, settings). */
  | { code: 'no-model' }
  /** A fallback list with no entry at all. */
  | { code: 'empty-model-list' }
  /** The price data has no entry for `model`; `earlier` is a nearest entry that is an older version, not used. */
  | { code: 'no-price'; model: string; priceData: string; earlier?: { modelId: string; written: string } }
  /** An alias table entry says the vendor retired the name. `origin` says where the table has it from. */
  | { code: 'retired'; model: string; retired: string; successor?: string; origin: string }
  /** An alias table entry says the name cannot be priced (it means different models in different places). */
  | { code: 'unknowable'; model: string; reason: string; origin: string }
  /** An alias's target has no price in the data in use; `why` is the alias's own explanation. */
  | { code: 'alias-unpriced'; model: string; target: string; why: string; priceData: string }
  /** A `-latest` name the price data does not name exactly. */
  | { code: 'moving-alias'; model: string };

export type PriceProblemCode = PriceProblem['code'];
