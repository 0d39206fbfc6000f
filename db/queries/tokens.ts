export { authenticateToken } from "../access/tokens";
export { listTokens, selectTokens } from "./admin/tokens";
export { insertToken, createToken, revokeToken, revokeTokenRow } from "../commands/admin/tokens";
