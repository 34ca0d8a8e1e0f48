import type { Rule } from '../types';
import appspecVersion from './version';
import appspecUnknownEvent from './unknown-event';
import appspecReservedEvent from './reserved-event';
import appspecWrongPlatformEvent from './wrong-platform-event';
import appspecHookOrder from './hook-order';
import appspecScriptTimeout from './script-timeout';
import appspecEventTotalTimeout from './event-total-timeout';
import appspecMalformedServerHook from './malformed-server-hook';
import appspecMalformedFunctionHook from './malformed-function-hook';
import appspecOs from './os';
import appspecIncompleteResource from './incomplete-resource';
import appspecApplicationStop from './application-stop';
import appspecTrafficHooksWithoutLoadBalancer from './traffic-hooks-without-load-balancer';
import appspecForeignSection from './foreign-section';

/** The appspec rules, in id order. */
export const appspecRules: readonly Rule[] = [
  appspecVersion,
  appspecUnknownEvent,
  appspecReservedEvent,
  appspecWrongPlatformEvent,
  appspecHookOrder,
  appspecScriptTimeout,
  appspecEventTotalTimeout,
  appspecMalformedServerHook,
  appspecMalformedFunctionHook,
  appspecOs,
  appspecIncompleteResource,
  appspecApplicationStop,
  appspecTrafficHooksWithoutLoadBalancer,
  appspecForeignSection,
];
