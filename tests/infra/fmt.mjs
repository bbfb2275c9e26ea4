// Formats (--write) or lists unformatted .tf/.tfvars/.hcl files with hclwrite's
// Format, the formatter `terraform fmt` is built on.
import { writeFileSync } from 'node:fs';
import { format } from '@cdktf/hcl-tools';
import { listFiles, read, rel, terraformRoot } from './lib/repo.mjs';

const write = process.argv.includes('--write');
let bad = 0;
for (const file of listFiles(terraformRoot, ['.tf', '.tfvars', '.hcl'])) {
  const src = read(file);
  const formatted = await format(src);
  if (formatted !== src) {
    bad++;
    if (write) writeFileSync(file, formatted);
    console.log(`${write ? 'formatted' : 'unformatted'}: ${rel(file)}`);
  }
}
if (!write && bad) process.exit(1);
