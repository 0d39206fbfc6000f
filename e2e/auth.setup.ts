import { test as setup } from "@playwright/test";
import { saveSignedInState, type Role } from "./support/fixtures";

for (const role of ["admin", "responder", "responder2", "viewer"] as Role[]) {
  setup(`sign in as ${role}`, async ({ browser, baseURL }) => {
    await saveSignedInState(browser, baseURL, role);
  });
}
