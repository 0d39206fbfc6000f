export { addResponder, removeResponder } from "../commands/incidents/people";
