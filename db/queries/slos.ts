export { getSlo, listSlos } from "./catalogue/slos";
export { createSlo, deleteSlo, updateSlo } from "../commands/catalogue/slos";
