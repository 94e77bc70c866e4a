// The OpenID provider that tests/e2e/sso.spec.ts starts on loopback, and the client the app
// under test is configured with (playwright.config.ts).
export const oidcPort = Number(process.env.E2E_OIDC_PORT ?? 5561);
export const oidcIssuer = `http://127.0.0.1:${oidcPort}`;
export const oidcClient = { id: "release-readiness", secret: "e2e-oidc-client-secret", name: "Example SSO" };
