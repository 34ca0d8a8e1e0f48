import type { Rule } from '../types';
import elasticacheAuthWithoutTransit from './auth-without-transit-encryption';
import elasticacheAuthTokenFormat from './auth-token-format';
import elasticacheAuthTokenPlaintext from './auth-token-plaintext';
import elasticacheFailoverWithoutReplica from './failover-without-replica';

/** The elasticache rules, in id order. */
export const elasticacheRules: readonly Rule[] = [
  elasticacheAuthWithoutTransit,
  elasticacheAuthTokenFormat,
  elasticacheAuthTokenPlaintext,
  elasticacheFailoverWithoutReplica,
];
