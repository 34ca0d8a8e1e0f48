import type { Rule } from '../types';
import expressIntegrationPattern from './express-integration-pattern';
import legacyElasticsearch from './legacy-elasticsearch';

/** The serverless rules, in id order. */
export const serverlessRules: readonly Rule[] = [
  expressIntegrationPattern,
  legacyElasticsearch,
];
