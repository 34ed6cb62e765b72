// Drives the QTrust page in headless Chromium; any failed expectation or browser error exits 1.
// Waits use locators, not page functions: the page's Content-Security-Policy forbids eval.
"use strict";
const { chromium } = require("playwright-core");
const fs = require("fs");

const [base, executablePath, certificateFile, screenshot] = process.argv.slice(2);
const AT = "2019-10-01T00:00:00Z";

function expect(condition, what) {
  if (!condition) throw new Error("expected: " + what);
  console.log("ok - " + what);
}

(async () => {
  const browser = await chromium.launch({ executablePath, headless: true, args: ["--no-sandbox"] });
  const errors = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
    page.on("pageerror", e => errors.push("page error: " + e.message));
    let expecting400 = false; // the deliberately broken chain below is answered 400, which Chromium logs as an error
    page.on("console", m => {
      if (m.type() === "error" && !(expecting400 && m.text().includes("status of 400"))) errors.push("console: " + m.text());
    });

    await page.goto(base + "/");
    // The server's clock is today: the 2019 lists are not current now, and the page says so.
    await page.locator("#not-current", { hasText: "not current now" }).waitFor();
    const lastCurrent = await page.getAttribute("#judge-last-current", "data-at");
    expect(/^20\d\d-\d\d-\d\dT/.test(lastCurrent || ""), "the notice offers the last time the lists were current (" + lastCurrent + ")");
    await page.click("#judge-last-current");
    await page.locator("#snapshot-info", { hasText: "judged at " + lastCurrent }).waitFor();
    expect((await page.locator("#lotl").innerText()).includes("accepted"), "one click judges the lists at that time: the LOTL is accepted");
    expect(await page.inputValue("#judge-at") === lastCurrent, "the time field shows it");

    await page.fill("#judge-at", AT);
    await page.click("#time-form button");
    await page.locator("#snapshot-info", { hasText: "judged at 2019-10-01" }).waitFor();
    const rows = await page.locator("#lists tbody tr").count();
    expect(rows === 31, "the page lists the 31 lists the LOTL points to (got " + rows + ")");
    expect((await page.locator('#lists tr[data-territory="AT"]').innerText()).includes("accepted"), "AT is accepted on 2019-10-01");
    expect((await page.locator('#lists tr[data-territory="NL"]').innerText()).includes("list_expired"), "NL is shown as expired");
    const lotes = page.locator("#lotes tbody tr");
    expect(await lotes.count() === 1, "the page shows the list of trusted entities the server was started with");
    expect((await lotes.first().innerText()).includes("EUPIDProvidersList"), "it is the EU PID providers list");

    await page.click('#lists tr[data-territory="FR"]');
    await page.locator("#territory-title", { hasText: /^FR — / }).waitFor();
    const services = await page.locator("#providers .service").count();
    const periods = await page.locator("#providers .timeline .period").count();
    expect(services > 10, "FR shows its services (" + services + ")");
    expect(periods >= services, "each service has a status-history timeline (" + periods + " periods)");
    expect(await page.locator("text=Universign CA hardware").count() > 0, "a known FR service is listed");

    await page.fill("#certificate", fs.readFileSync(certificateFile, "ascii"));
    await page.fill("#certificate-at", AT);
    await page.click("#certificate-submit");
    await page.waitForSelector("#verdict-head");
    const head = await page.locator("#verdict-head").innerText();
    expect(head.includes("trusted") && !head.includes("not trusted") && head.includes("ok"), "the certificate is trusted (" + head + ")");
    expect(await page.locator("#verdict ol li").count() > 5, "the verdict shows its trace");
    expect((await page.locator("#verdict dl").innerText()).includes("QuoVadis"), "the verdict names the provider");
    await page.fill("#chain", "*** not a certificate ***");
    expecting400 = true;
    await page.click("#certificate-submit");
    await page.locator("#verdict", { hasText: "invalid_certificate" }).waitFor();
    expecting400 = false;
    expect((await page.locator("#verdict").innerText()).includes("chain[0]"), "the chain field is sent as the request's chain");
    await page.fill("#chain", fs.readFileSync(certificateFile, "ascii") + fs.readFileSync(certificateFile, "ascii"));
    await page.click("#certificate-submit");
    await page.locator("#verdict-head", { hasText: "ok" }).waitFor();
    expect(!(await page.locator("#verdict-head").innerText()).includes("not trusted"), "a pasted PEM bundle in the chain field is accepted");
    await page.fill("#chain", "");
    await page.click("#certificate-submit");
    await page.locator("#verdict-head", { hasText: "ok" }).waitFor();
    await page.screenshot({ path: screenshot });
    console.log("screenshot: " + screenshot);

    await page.click("#tab-credential");
    await page.fill("#presentation", "eyJhbGciOiJFUzI1NiJ9.e30.sig~");
    await page.fill("#credential-aud", "https://rp.example");
    await page.fill("#credential-nonce", "n-0S6");
    await page.click("#credential-form button");
    await page.locator("#verdict", { hasText: "malformed_credential" }).waitFor();
    expect(true, "the credential form reports the verdict on a presentation that is not an SD-JWT");

    expect(errors.length === 0, "no browser errors (" + errors.join("; ") + ")");
  } finally {
    await browser.close();
  }
})().catch(e => {
  console.error("browser test FAILED: " + e.message);
  process.exit(1);
});
