export const USER_ROLES = ["viewer", "responder", "admin"] as const;
export type UserRole = (typeof USER_ROLES)[number];

const rank: Record<UserRole, number> = { viewer: 0, responder: 1, admin: 2 };

/** Roles nest: an admin can do what a responder can, a responder what a viewer can. */
export function hasRole(actual: UserRole, needed: UserRole): boolean {
  return rank[actual] >= rank[needed];
}

export const ROLE_DESCRIPTIONS: Record<UserRole, string> = {
  viewer: "Reads every incident that is not private",
  responder: "Declares and runs incidents, writes notes",
  admin: "Manages users, API tokens and settings; sees private incidents",
};
