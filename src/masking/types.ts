/** The `mask:` section of an image definition, resolved: one rule per column or emptied table. */
export interface MaskDefinition {
  /** The NAME of the environment variable holding the secret; never the secret itself. */
  secretVariable: string;
  /** Fail before any work when that variable is unset or empty. */
  deterministic: boolean;
  /** Owned by `dataclone image classify`: fail the build when it finds a suspect column without a rule. */
  require?: 'classified';
  rules: MaskRule[];
  /** sha256 over the rules as written (never the secret): the image's `dataclone.mask.digest` label. */
  digest: string;
}

export const DEFAULT_SECRET_VARIABLE = 'DATACLONE_MASK_SECRET';

export type MaskStrategyName =
  | 'email'
  | 'first-name'
  | 'last-name'
  | 'full-name'
  | 'phone'
  | 'street-address'
  | 'city'
  | 'postcode'
  | 'company'
  | 'iban'
  | 'credit-card'
  | 'ip-address'
  | 'uuid'
  | 'date-of-birth'
  | 'hash'
  | 'null'
  | 'value'
  | 'partial'
  | 'shuffle'
  | 'noise'
  | 'expression';

export interface MaskOptions {
  min?: string;
  max?: string;
  value?: string | number | boolean;
  keepFirst?: number;
  keepLast?: number;
  amount?: number;
  days?: number;
  sql?: string;
}

interface RuleSite {
  database: string;
  /** As written: `table`, or `schema.table` on PostgreSQL. */
  table: string;
  /** `file:line:column` of the rule in the definition, for errors found once the instance is restored. */
  location: string;
}

export interface ColumnRule extends RuleSite {
  kind: 'column';
  column: string;
  strategy: MaskStrategyName;
  options: MaskOptions;
  /** Asked for in the rule; a column with a unique index in the instance is kept unique as well. */
  unique: boolean;
  keepNulls: boolean;
}

export interface EmptyTableRule extends RuleSite {
  kind: 'empty';
}

export type MaskRule = ColumnRule | EmptyTableRule;
