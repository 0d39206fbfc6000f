export { listTimeline } from "./incidents/timeline";
export { addNote, setHighlighted } from "../commands/incidents/timeline";
