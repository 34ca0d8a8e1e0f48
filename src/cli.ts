// Placeholder until the CLI lands.
process.stdout.write('iac-notes\n');
