import { test as setup } from "@playwright/test";
import { signIn, storageStateFor, type Role } from "./support/fixtures";

for (const role of ["admin", "responder", "responder2", "viewer"] as Role[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, role);
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
