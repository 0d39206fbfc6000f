import type { ApiOperation } from "../operation";
import { actionItemsOperations } from "./action-items";
import { adminOperations } from "./admin";
import { incidentsOperations } from "./incidents";
import { insightsOperations } from "./insights";
import { integrationsOperations } from "./integrations";
import { metaOperations } from "./meta";
import { playbooksOperations } from "./playbooks";
import { postmortemsOperations } from "./postmortems";
import { servicesOperations } from "./services";
import { usersOperations } from "./users";
import { webhooksOperations } from "./webhooks";

/**
 * Every documented /api/v1 operation: one import and one spread per `operations/<area>.ts`
 * (alphabetical). The coverage test fails when an area file is not spread here, or a route has
 * no operation.
 */
export const apiOperations: readonly ApiOperation[] = [
  ...actionItemsOperations,
  ...adminOperations,
  ...incidentsOperations,
  ...insightsOperations,
  ...integrationsOperations,
  ...metaOperations,
  ...playbooksOperations,
  ...postmortemsOperations,
  ...servicesOperations,
  ...usersOperations,
  ...webhooksOperations,
];
