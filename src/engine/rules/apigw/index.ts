import type { Rule } from '../types';
import apigwIntegrationTimeoutRange from './integration-timeout-range';
import apigwIntegrationTimeoutRaised from './integration-timeout-raised';
import apigwLambdaPost from './lambda-post';
import apigwCustomWithoutResponseMapping from './custom-without-response-mapping';
import apigwUsagePlanNonRest from './usage-plan-non-rest';
import apigwAuthorizerType from './authorizer-type';
import apigwPrivateApiPolicy from './private-api-policy';
import apigwDefaultEndpointType from './default-endpoint-type';
import apigwApiKeyWithoutUsagePlan from './api-key-without-usage-plan';
import apigwCorsWithProxy from './cors-with-proxy';
import apigwCustomLambdaWithoutRequestTemplate from './custom-lambda-without-request-template';

/** The apigw rules, in id order. */
export const apigwRules: readonly Rule[] = [
  apigwIntegrationTimeoutRange,
  apigwIntegrationTimeoutRaised,
  apigwLambdaPost,
  apigwCustomWithoutResponseMapping,
  apigwUsagePlanNonRest,
  apigwAuthorizerType,
  apigwPrivateApiPolicy,
  apigwDefaultEndpointType,
  apigwApiKeyWithoutUsagePlan,
  apigwCorsWithProxy,
  apigwCustomLambdaWithoutRequestTemplate,
];
