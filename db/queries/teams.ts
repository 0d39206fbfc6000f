export { readTeams as listTeams } from "../access/teams";
export type { TeamWithMembers } from "../access/teams";
export { createTeam, renameTeam, deleteTeam, setTeamMember } from "../commands/admin/teams";
