export { SETTING_KEYS, readSetting, saveSetting, readRequiredSeverities as getRequiredSeverities, readOrgTimeZone as getOrgTimeZone, readUpdateCadence as getUpdateCadence } from "../access/settings";
export { setRequiredSeverities, setOrgTimeZone, setUpdateCadence } from "../commands/admin/settings";
