import { DatacloneError } from '../core/errors.js';
import { mysqlMasking } from '../engines/mysql/masking.js';
import { postgresMasking } from '../engines/postgres/masking.js';
import type { MaskingEngine } from './masking-engine.js';

/** The masking facet of an engine, by the engine's name. */
export function maskingEngineFor(engine: string): MaskingEngine {
  if (engine === 'postgres') return postgresMasking;
  if (engine === 'mysql' || engine === 'mariadb') return mysqlMasking;
  throw new DatacloneError(`engine '${engine}' cannot mask data yet`, 'Remove mask from the definition.');
}
