import { z } from "zod";

// Runs in the browser before the app's own modules. Zod's object schemas probe `new Function`
// to decide whether to compile a fast path; under our nonce-based CSP (no 'unsafe-eval') the
// probe fails harmlessly but is reported as a CSP violation. Jitless mode skips the probe.
z.config({ jitless: true });
