import { endpoints } from "@ascent/contract";
import { startTestServer } from "../support/test-server.ts";
import { launchBrowser, collectPageErrors } from "../support/browser.ts";
import { HttpSession, signInAsFirstAdmin } from "../support/http-session.ts";
const server = await startTestServer();
const browser = await launchBrowser();
try {
  const admin = await signInAsFirstAdmin(server);
  const mia = await admin.client.call(endpoints.people.create, { body: { name: "Mia Member", email: "mia@x.example.com", title: "Product Manager", levelId: "pm", team: "Payments" } });
  const link = await admin.client.call(endpoints.auth.createLink, { params: { id: mia.id }, body: { purpose: "invite" } });
  await new HttpSession(server.url).redeem(link.path, "pw-for-debugging-1");
  const miaS = await new HttpSession(server.url).login("mia@x.example.com", "pw-for-debugging-1");
  const d = await miaS.client.call(endpoints.assessments.start, { body: { subjectId: mia.id, relation: "self" } });
  await miaS.client.call(endpoints.assessments.saveRatings, { params: { assessmentId: d.id }, body: { ratings: [{ competencyId: "strategic-thinking", score: 3, evidence: "" }, { competencyId: "leadership", score: 2, evidence: "" }] } });
  await miaS.client.call(endpoints.assessments.submit, { params: { assessmentId: d.id } });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = collectPageErrors(page);
  page.on("console", (m) => console.log("console", m.type(), m.text()));
  await page.goto(`${server.url}/login?next=${encodeURIComponent("/growth")}`);
  await page.getByLabel("Email").fill("mia@x.example.com");
  await page.getByLabel("Password").fill("pw-for-debugging-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForTimeout(4000);
  console.log("url", page.url());
  await page.screenshot({ path: "/tmp/ascent-shots/dbg-1.png", fullPage: true });
  for (const y of [0, 900, 1800, 2700]) await page.screenshot({ path: `/tmp/ascent-shots/dbg-y${y}.png`, clip: { x: 0, y, width: 1280, height: 900 }, fullPage: true });
  console.log(errors);
} finally { await browser.close(); await server.stop(); }
