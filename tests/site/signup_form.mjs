// A reader's browser on the newsletter's pages: headless Chromium (Debian's /usr/bin/chromium)
// with JavaScript OFF, driven by Playwright's playwright-core (no browsers of its own), as
// tests/e2e/serve_browser.sh uses it against nginx in front of `pipeline serve`.
//
//   node tests/site/signup_form.mjs signup  PAGE_URL EMAIL SCREENSHOT.png [HTML_DIR]
//   node tests/site/signup_form.mjs confirm LINK_URL EMAIL SCREENSHOT.png [HTML_DIR]
//
// signup: opens PAGE_URL (a generated page, e.g. the home page), checks the footer's sign-up
//   form is there (POST to .../subscribe, the #signup-email input, the empty honeypot
//   #signup-website, a Subscribe button), types EMAIL into #signup-email, clicks Subscribe and
//   waits for the navigation. The POST must be answered 303 and the browser must land, on
//   PAGE_URL's origin, at /subscribe/check-inbox/ (200), whose h1 says "Check your inbox".
// confirm: opens LINK_URL (the confirmation mail's link): 200, the h1 says "You are subscribed"
//   and the page names EMAIL.
// Either way: a full-page screenshot to SCREENSHOT.png; with HTML_DIR, the bytes of each page
//   as the server sent them (home.html, check-inbox.html / confirmed.html) for the Nu Html
//   Checker; one JSON line on stdout saying what the browser saw. No cookie may be set.
//
// The browser is $TV_CHROMIUM, else /usr/bin/chromium.
// playwright-core is resolved with require() from NODE_PATH (CommonJS resolution honours it;
// ESM `import` does not): NODE_PATH=build/node-tools/node_modules (scripts/install-node-tools.sh).
// Exit status: 0 every check passed; 1 a check failed (each listed on stderr, the JSON line is
// still printed); 2 bad usage or playwright-core / chromium missing.
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const usage = () => {
  process.stderr.write('usage: signup_form.mjs signup|confirm URL EMAIL SCREENSHOT.png [HTML_DIR]\n');
  process.exit(2);
};
const [mode, url, email, shot, htmlDir] = process.argv.slice(2);
if (!['signup', 'confirm'].includes(mode) || !url || !email || !shot) usage();

let chromium;
try {
  ({ chromium } = createRequire(import.meta.url)('playwright-core'));
} catch (e) {
  process.stderr.write(`signup_form: playwright-core not found (NODE_PATH=${process.env.NODE_PATH ?? ''}): ` +
                       `run scripts/install-node-tools.sh\n${e.message}\n`);
  process.exit(2);
}

const problems = [];
const expect = (ok, what) => { if (!ok) problems.push(what); return ok; };
const saw = { mode };
const keep = (name, body) => {
  if (!htmlDir) return;
  mkdirSync(htmlDir, { recursive: true });
  writeFileSync(join(htmlDir, name), body);
};

const browser = await chromium.launch({
  executablePath: process.env.TV_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
  timeout: 30000,
});
try {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1024, height: 768 } });
  context.setDefaultTimeout(15000);
  context.setDefaultNavigationTimeout(15000);
  const page = await context.newPage();
  const setCookies = [];
  page.on('response', async (r) => {
    const c = await r.headerValue('set-cookie').catch(() => null);
    if (c) setCookies.push(`${r.url()}: ${c}`);
  });
  saw.browser = browser.version();

  if (mode === 'signup') {
    const home = await page.goto(url);
    saw.home = { url: page.url(), status: home?.status() };
    expect(home?.status() === 200, `${url} answered ${home?.status()}, not 200`);
    if (home) keep('home.html', await home.body());
    const form = page.locator('form[method="post"]').filter({ has: page.locator('#signup-email') });
    const forms = await form.count();
    saw.home.forms = forms;
    if (expect(forms === 1, `${forms} sign-up form(s) on ${url}, not 1`)) {
      const action = await form.getAttribute('action');
      const input = form.locator('#signup-email');
      const honeypot = form.locator('#signup-website');
      const button = form.getByRole('button', { name: 'Subscribe' });
      saw.home.action = action;
      saw.home.input = { type: await input.getAttribute('type'), required: await input.getAttribute('required') !== null,
                         label: (await page.locator('label[for="signup-email"]').textContent())?.trim() };
      saw.home.honeypot = await honeypot.count() === 1 ? await honeypot.inputValue() : null;
      expect(action && new URL(action, url).pathname === '/subscribe', `the form posts to ${action}, not /subscribe`);
      expect(action && new URL(action, url).origin === new URL(url).origin,
             `the form posts to ${action}, another origin than the page's (site.base_url?)`);
      expect(saw.home.input.type === 'email' && saw.home.input.required, 'the address field is not a required type=email');
      expect(saw.home.honeypot === '', 'the honeypot field is missing or not empty');
      expect(await button.count() === 1, 'no Subscribe button in the form');

      await input.fill(email);
      const posted = page.waitForResponse((r) => r.request().method() === 'POST' &&
                                                 new URL(r.url()).pathname === '/subscribe');
      const landed = page.waitForNavigation({ waitUntil: 'load' });
      await button.click();
      const post = await posted;
      const final = await landed;
      saw.post = { status: post.status(), location: await post.headerValue('location'),
                   body: post.request().postData() };
      const got = new URLSearchParams(saw.post.body ?? '');
      expect(post.status() === 303, `POST /subscribe answered ${post.status()}, not 303`);
      expect(got.get('email') === email, `the form sent email=${got.get('email')}, not ${email}`);
      expect(got.has('website') && got.get('website') === '', 'the form did not send the empty honeypot');
      const landedAt = new URL(page.url());
      const h1 = (await page.locator('h1').first().textContent())?.trim();
      saw.landed = { url: page.url(), status: final?.status(), h1, title: await page.title() };
      expect(landedAt.origin === new URL(url).origin, `landed on ${landedAt.origin}, not ${new URL(url).origin}`);
      expect(landedAt.pathname === '/subscribe/check-inbox/', `landed on ${landedAt.pathname}, not /subscribe/check-inbox/`);
      expect(final?.status() === 200, `the landing page answered ${final?.status()}, not 200`);
      expect(h1 === 'Check your inbox', `the landing page's h1 says "${h1}", not "Check your inbox"`);
      if (final) keep('check-inbox.html', await final.body());
    }
  } else {
    const resp = await page.goto(url);
    const h1 = (await page.locator('h1').first().textContent().catch(() => null))?.trim();
    const text = await page.locator('body').innerText().catch(() => '');
    saw.confirmed = { url: page.url(), status: resp?.status(), h1, title: await page.title(),
                      names_address: text.includes(email) };
    expect(resp?.status() === 200, `the confirmation link answered ${resp?.status()}, not 200`);
    expect(h1 === 'You are subscribed', `the confirmation page's h1 says "${h1}", not "You are subscribed"`);
    expect(saw.confirmed.names_address, `the confirmation page does not name ${email}`);
    if (resp) keep('confirmed.html', await resp.body());
  }

  await page.screenshot({ path: shot, fullPage: true });
  saw.screenshot = shot;
  saw.cookies = (await context.cookies()).length;
  expect(saw.cookies === 0 && setCookies.length === 0, `cookies were set: ${setCookies.join('; ')}`);
  await context.close();
} catch (e) {
  problems.push(`the browser failed: ${e.message.split('\n')[0]}`);
} finally {
  await browser.close();
}
saw.ok = problems.length === 0;
saw.problems = problems;
process.stdout.write(JSON.stringify(saw) + '\n');
for (const p of problems) process.stderr.write(`signup_form: ${p}\n`);
process.exit(problems.length ? 1 : 0);
