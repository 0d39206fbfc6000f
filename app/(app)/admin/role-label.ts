/** "admin" → "Admin". */
export const roleLabel = (role: string) => (role ? role[0]!.toUpperCase() + role.slice(1) : role);
