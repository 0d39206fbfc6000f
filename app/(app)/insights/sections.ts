/** The dashboard's sections in page order: anchor, short name for the in-page navigation, heading. */
export const INSIGHTS_SECTIONS = [
  { id: "overview", nav: "Overview", title: "At a glance" },
  { id: "speed", nav: "Speed", title: "Are incidents getting shorter?" },
  { id: "where", nav: "Volume and where", title: "How many incidents, and where?" },
  { id: "causes", nav: "Causes", title: "Why do they happen, and do they come back?" },
  { id: "follow-through", nav: "Follow-through", title: "Do we follow through?" },
  { id: "people", nav: "People", title: "Who carries the load?" },
] as const;

export type InsightsSectionId = (typeof INSIGHTS_SECTIONS)[number]["id"];

export const sectionTitle = (id: InsightsSectionId) => INSIGHTS_SECTIONS.find((s) => s.id === id)!.title;
