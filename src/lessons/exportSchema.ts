// `npm run lesson:schema`: write assets/lessons/lesson.schema.json from the zod schema (schema.ts).
// `--check` exits 1 when the file on disk is out of date (the test in schema.test.ts does the same).
import { readFileSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { lessonJsonSchema } from './schema.ts'
import { SCHEMA_FILE } from './files.ts'

export function lessonSchemaText(): string {
  return JSON.stringify(lessonJsonSchema(), null, 2) + '\n'
}

if (process.argv[1] && basename(process.argv[1]) === 'exportSchema.ts') {
  const text = lessonSchemaText()
  if (process.argv.includes('--check')) {
    let current = ''
    try { current = readFileSync(SCHEMA_FILE, 'utf8') } catch { /* missing: out of date */ }
    if (current !== text) { process.stderr.write(`${SCHEMA_FILE} is out of date: run npm run lesson:schema\n`); process.exitCode = 1 }
    else process.stdout.write(`${SCHEMA_FILE} is up to date\n`)
  } else {
    writeFileSync(SCHEMA_FILE, text)
    process.stdout.write(`wrote ${SCHEMA_FILE}\n`)
  }
}
