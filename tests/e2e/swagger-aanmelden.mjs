// Signs in to Swagger UI with its Authorize button (authorization code + PKCE at the local OIDC provider, idp.mjs) in
// Debian's chromium, then runs GET /api/v1/casussen from Swagger UI. Usage: node swagger-aanmelden.mjs <api origin>
// Exit code 0 when that request was answered 200 with the token Swagger UI obtained.
import { chromium } from "playwright-core";

const [api] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage();
  page.setDefaultTimeout(20000);
  await page.goto(`${api}/swagger/index.html`);
  await page.click("button.authorize");
  const oidc = page.locator(".auth-container", { hasText: "oidc-0" });
  await oidc.locator("input[type=checkbox]").evaluateAll((boxes) => boxes.forEach((b) => { if (!b.checked) b.click(); }));
  const [popup] = await Promise.all([page.waitForEvent("popup"), oidc.locator("button.authorize").click()]);
  await popup.fill("input[name=login]", "c.devries");
  await popup.fill("input[name=password]", "any");
  await popup.click("button[type=submit]");
  await popup.click("button[type=submit]");   // consent
  await oidc.getByText("Authorized", { exact: true }).waitFor();
  await page.click("button.close-modal");

  await page.click("#operations-Casussen-casussen-zoeken .opblock-summary");
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().startsWith(`${api}/api/v1/casussen`) && r.request().method() === "GET"),
    page.click("#operations-Casussen-casussen-zoeken button.execute"),
  ]);
  const authorization = await response.request().headerValue("authorization");
  console.log(`GET /api/v1/casussen from Swagger UI: ${response.status()} (bearer token: ${authorization?.startsWith("Bearer ey") ? "a JWT" : authorization})`);
  process.exitCode = response.status() === 200 && authorization?.startsWith("Bearer ey") ? 0 : 1;
} finally {
  await browser.close();
}
