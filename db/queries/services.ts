export { getService, listServices, serviceIncidents } from "./catalogue/services";
export type { ServiceDetail, ServiceLink, ServiceSummary } from "./catalogue/services";
export { findServiceBySlug } from "../access/services";
export { createService, updateService } from "../commands/catalogue/services";
