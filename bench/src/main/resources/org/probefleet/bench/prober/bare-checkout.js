// The ecosystem baseline for `fleet bench prober`: the bench checkout straight on playwright-core
// in Node, a fresh context per run, one run at a time, in the Chromium the agent drives.
// Arguments: a JSON object {chromium, args, baseUrl, email, card, warmUp, runs}.
// Prints one JSON line {"playwright": version, "millis": [...]} (the measured runs), or exits 3 when
// node cannot resolve playwright-core (from NODE_PATH, its own global modules or npm's).
'use strict';
const path = require('path');

function playwrightCore() {
  const places = ['playwright-core', path.resolve(process.execPath, '..', '..', 'lib', 'node_modules', 'playwright-core')];
  try {
    places.push(path.join(require('child_process').execSync('npm root -g', {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim(),
        'playwright-core'));
  } catch (noNpm) {
    // node without npm: the places above are all there is
  }
  for (const place of places) {
    try {
      return {core: require(place), version: require(place + '/package.json').version};
    } catch (notThere) {
      // try the next place
    }
  }
  return null;
}

async function main() {
  const settings = JSON.parse(process.argv[2]);
  const found = playwrightCore();
  if (found === null) {
    process.stderr.write('playwright-core is not resolvable by node\n');
    process.exit(3);
  }
  const browser = await found.core.chromium.launch({headless: true, executablePath: settings.chromium, args: settings.args});
  const millis = [];
  try {
    for (let run = -settings.warmUp; run < settings.runs; run++) {
      const start = process.hrtime.bigint();
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(settings.baseUrl + '/');
      await page.getByRole('button', {name: 'Add to cart'}).click();
      await page.getByRole('link', {name: 'Checkout'}).click();
      await page.getByLabel('Email').fill(settings.email);
      await page.getByLabel('Card number').fill(settings.card);
      await page.getByRole('button', {name: 'Pay now'}).click();
      await page.getByText('Order confirmed').waitFor();
      await context.close();
      if (run >= 0) {
        millis.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify({playwright: found.version, millis}) + '\n');
}

main().catch(error => {
  process.stderr.write(String(error && error.stack || error) + '\n');
  process.exit(1);
});
