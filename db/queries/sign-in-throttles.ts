export { listSignInThrottles, requireSignInThrottleAdmin } from "./admin/sign-in-throttles";
export type { SignInThrottle } from "./admin/sign-in-throttles";
export { clearSignInThrottle } from "../commands/admin/sign-in-throttles";
