export { search } from "./incidents/search";
