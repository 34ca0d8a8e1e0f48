import type { Rule } from '../types';
import cfnMissingResources from './missing-resources';
import cfnBadFindInMap from './bad-findinmap';
import cfnUnknownGetAtt from './unknown-getatt';
import cfnImportOwnExport from './import-own-export';
import cfnHardcodedAccount from './hardcoded-account';
import cfnUnescapedPolicyVariable from './unescaped-policy-variable';
import cfnDuplicateExport from './duplicate-export';
import cfnRefInsteadOfArn from './ref-instead-of-arn';

/** The cfn rules, in id order. */
export const cfnRules: readonly Rule[] = [
  cfnMissingResources,
  cfnBadFindInMap,
  cfnUnknownGetAtt,
  cfnImportOwnExport,
  cfnHardcodedAccount,
  cfnUnescapedPolicyVariable,
  cfnDuplicateExport,
  cfnRefInsteadOfArn,
];
