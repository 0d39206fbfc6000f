export { findUserByEmail, findUserById, readActiveUsers as listActiveUsers } from "../access/users";
export { listUsers, findActiveUserByEmail } from "./admin/users";
export type { PublicUser } from "./admin/users";
export { insertUser, createUser, updateUser, resetUserPassword, changeOwnPassword } from "../commands/admin/users";
