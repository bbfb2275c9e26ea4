// Runs the Postman collection against a running dev host: COVACHA_URL (default http://127.0.0.1:8080).
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import newman from 'newman';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'postman');
const baseUrl = (process.env.COVACHA_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
// The SMTP sink's web address (maildev), where the collection reads the verification mail.
const mailUrl = (process.env.COVACHA_MAIL_URL || 'http://127.0.0.1:55080').replace(/\/$/, '');

newman.run({
  collection: join(root, 'covacha.postman_collection.json'),
  environment: join(root, 'covacha.local.postman_environment.json'),
  envVar: [{ key: 'baseUrl', value: baseUrl }, { key: 'mailUrl', value: mailUrl }],
  reporters: ['cli'],
  timeoutRequest: 10000,
}, (err, summary) => {
  if (err) {
    console.error(err);
    process.exit(1);
  }
  const failures = summary.run.failures.length;
  const assertions = summary.run.stats.assertions;
  console.log(`newman against ${baseUrl}: ${assertions.total - assertions.failed} passed, ${assertions.failed} failed`);
  process.exit(failures > 0 || summary.run.error ? 1 : 0);
});
