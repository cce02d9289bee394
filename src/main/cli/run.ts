import fs from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { ApiResponse } from '../../shared/api'
import type { ArgsIn, MethodName, Result } from '../../shared/contract'
import { PEOPLE_SORTS } from '../../shared/schemas'
import { formatBytes } from '../../shared/format'
import { EXPORT_FORMATS, FORMAT_LABELS, IMPORT_FORMATS, IMPORT_LIMITS, importTooBigMessage, type ExportFormat } from '../../shared/imports'
import type {
  BackupInfo,
  DemoSummary,
  DoctorReport,
  PersonDetail,
  PersonRef,
  RestoreResult,
  TableCounts,
} from '../../shared/types'
import {
  CONFIDENCES,
  FAVOR_KINDS,
  FAVOR_SIZES,
  INTERACTION_KINDS,
  RELATIONSHIP_KINDS,
  STRENGTH_WORDS,
  type InteractionKind,
  type Strength,
} from '../../shared/vocab'
import { Backend } from '../backend/backend'
import { resolveDataDir } from '../backend/data-dir'
import { KithError, errorMessage } from '../backend/errors'
import { startAutoBackups } from '../backend/backups/auto'
import { createBackup } from '../backend/backups/backups'
import { PRIVATE_FILE_MODE } from '../backend/files'
import { restoreFrom } from '../backend/backups/handlers'
import { LOGIN_CODE_TTL_MS, findRendererDir, startServer } from '../serve'
import { openBrowser } from './open-browser'
import { ask, introduce, introsAnswer, introsList, introsMove, introsShow, introsUndo } from './commands/intros'
import { orgsList, orgsMerge, orgsMerges, orgsUndo } from './commands/orgs'
import { peopleEdit } from './commands/people-edit'
import { profileSet, profileShow } from './commands/profile'
import { tasksAdd, tasksDone, tasksList } from './commands/tasks'
import {
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
  OPTIONS,
  UsageError,
  optionsFor,
  emit,
  oneOf,
  required,
  text,
  texts,
  wholeNumber,
  type CliIo,
  type Command,
  type CommandContext,
  type OptionName,
  type OptionValues,
} from './common'
import { commandHelp } from './help'
import { FIELDS } from './fields'
import { inUserWords, lowerFirst } from './user-words'

export { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliIo }

export const USAGE = `Usage: kith [--data DIR] <command> [options]

People are named by id, exact name, alias or email.

Commands:
  me NAME                          set who you are (creates the person if needed)
  people add NAME [--company C] [--title T] [--email E]... [--phone P]... [--alias A]...
             [--tag T]... [--need N]... [--offer O]... [--location L] [--note TEXT] [--allow-duplicate]
                                   someone with the same name, an email or LinkedIn is refused
                                   unless --allow-duplicate
  people list [--tag T] [--company C] [--sort name|lastInteraction|strength] [--archived] [--limit N]
  people show PERSON
  people edit PERSON [--name N] [--company C] [--title T] [--location L] [--note TEXT] [--linkedin URL]
             [--email E]... [--phone P]... [--alias A]... [--tag T]... [--untag T]... [--need N]... [--offer O]...
                                   change a person; list options add to their lists, --untag removes a tag
  know A B --strength 1-5 [--context TEXT]... [--kind K] [--confidence firsthand|believed|inferred]
  log KIND PERSON... [--date YYYY-MM-DD] [--note TEXT] [--without-me]
                                   KIND: meeting, call, email, message, event, other
  favor GIVER RECEIVER --kind K --size small|medium|large [--date YYYY-MM-DD] [--note TEXT]
                                   K: introduction, advice, referral, help, gift, other
  ask --via C1[,C2] --to TARGET [--why TEXT] [--offer TEXT]
                                   ask C1 (who asks C2) to introduce you to TARGET; drafts the note and blurb
  introduce A B [--context TEXT]   introduce two people: starts by asking each (double opt-in)
  suggest [--week YYYY-Www]        introductions you could make this week
  intros list [--state S]          introductions: asks and the ones you make
  intros show ID                   one introduction: drafts, history, tasks, the states it can move to
  intros move ID STATE [--date YYYY-MM-DD] [--confirm]
                                   move it on (STATE: asked, agreed, "no reply", introduced, …)
  intros answer ID PERSON yes|no|none
                                   record one side's answer to a double opt-in
  intros undo ID                   take its last move back
  tasks [list] [--due]             follow-ups (--due: overdue and today)
  tasks add PERSON TITLE --due YYYY-MM-DD [--intro ID]
                                   add a follow-up
  tasks done ID                    mark a follow-up done
  search QUERY [--limit N]         typo-tolerant search
  paths (--to PERSON | --company NAME | --tag TAG) [--limit K] [--max-hops 3|4] [--all]
                                   who can introduce you, ranked, with the reasons
  orgs list [QUERY]                organisations, with other names, domains and people
  orgs merge KEEP MERGE            fold one organisation into another (by id or name)
  orgs merges                      past merges of organisations
  orgs undo ID                     take a merge back
  profile                          who you are in drafts: name, role, organisation, credibility, sign-off
  profile set [--name N] [--role R] [--org O] [--credibility TEXT] [--sign-off TEXT]
                                   change your profile (the fields not given stay)
  doctor                           check the database: integrity, foreign keys, schema, counts
  backup [--to FILE]               copy the database (online backup, then an integrity check)
  restore FILE [--confirm]         replace the data with a backup (a copy of the current data is kept);
                                   --confirm restores a file that holds no people
  import FILE [--format linkedin|google|vcard|relationships|json] [--dry-run] [--strength 1-5|none]
                                   import contacts or who-knows-whom; --dry-run shows what would happen
  imports list                     past imports
  imports undo ID                  take an import back (a backup is taken first)
  export FILE [--format json|csv|vcard]   everything (json), or people (csv, vcard)
  demo                             load the sample network into an empty database
  serve [--port N] [--no-open]     browser mode on 127.0.0.1

Options:
  --data DIR   the data folder (default: KITH_DATA_DIR, else the desktop app's folder)
  --json       print one JSON document on stdout
  --help       show this help; kith COMMAND --help (or kith help COMMAND) shows one command's`

function countsLine(counts: TableCounts): string {
  return `${counts.people} people, ${counts.relationships} relationships, ${counts.interactions} interactions, ${counts.favors} favors`
}

function describePerson(p: PersonDetail): string {
  const lines = [`${p.name}${p.isMe ? ' (me)' : ''}  #${p.id}${p.archivedAt === null ? '' : '  [archived]'}`]
  const role = [p.title, p.company].filter((x) => x !== null).join(' at ')
  if (role !== '') lines.push(`  ${role}`)
  if (p.location !== null) lines.push(`  ${p.location}`)
  if (p.emails.length > 0) lines.push(`  Email: ${p.emails.join(', ')}`)
  if (p.phones.length > 0) lines.push(`  Phone: ${p.phones.join(', ')}`)
  if (p.aliases.length > 0) lines.push(`  Also known as: ${p.aliases.join(', ')}`)
  if (p.tags.length > 0) lines.push(`  Tags: ${p.tags.join(', ')}`)
  if (p.needs.length > 0) lines.push(`  Looking for: ${p.needs.join(', ')}`)
  if (p.offers.length > 0) lines.push(`  Can help with: ${p.offers.join(', ')}`)
  if (p.lastInteraction !== null) lines.push(`  Last talked: ${p.lastInteraction.date} (${p.lastInteraction.kind})`)
  if (p.balance !== null) {
    lines.push(`  Favors: you gave ${p.balance.givenByMe}, received ${p.balance.receivedByMe} (balance ${p.balance.balance >= 0 ? '+' : ''}${p.balance.balance} points)`)
  }
  if (p.relationships.length > 0) {
    lines.push(`  Knows ${p.relationships.length}:`)
    for (const r of p.relationships.slice(0, 15)) {
      lines.push(`    ${r.other.name} - ${STRENGTH_WORDS[r.strength as Strength]} (${r.strength}/5), ${r.kind}`)
    }
    if (p.relationships.length > 15) lines.push(`    … and ${p.relationships.length - 15} more`)
  }
  return lines.join('\n')
}

const COMMANDS: Record<string, Command> = {
  me: {
    options: ['json'],
    positionals: 1,
    async run(ctx) {
      const me = await ctx.call('me.set', { name: ctx.positionals[0] ?? '' })
      emit(ctx, me, `You are ${me.name} (#${me.id}).`)
      return EXIT_OK
    },
  },
  people: {
    options: ['json', 'company', 'title', 'email', 'phone', 'alias', 'tag', 'need', 'offer', 'location', 'note', 'sort', 'archived', 'limit', 'allow-duplicate'],
    positionals: [1, 2],
    async run(ctx) {
      const [sub, arg] = ctx.positionals
      if (sub === 'add') {
        if (arg === undefined) throw new UsageError('people add needs a NAME.')
        const person = await ctx.call('people.create', {
          name: arg,
          company: text(ctx.values, 'company') ?? null,
          title: text(ctx.values, 'title') ?? null,
          emails: texts(ctx.values, 'email') ?? [],
          phones: texts(ctx.values, 'phone') ?? [],
          aliases: texts(ctx.values, 'alias') ?? [],
          tags: texts(ctx.values, 'tag') ?? [],
          needs: texts(ctx.values, 'need') ?? [],
          offers: texts(ctx.values, 'offer') ?? [],
          location: text(ctx.values, 'location') ?? null,
          notes: text(ctx.values, 'note') ?? null,
          allowDuplicate: ctx.values['allow-duplicate'] === true,
        }).catch((err: unknown) => {
          if (err instanceof KithError && err.details?.duplicates !== undefined) {
            throw new KithError(err.code, `${err.message} If this is someone else, add them with --allow-duplicate.`, err.details)
          }
          throw err
        })
        emit(ctx, person, `Added ${person.name} (#${person.id}).`)
        return EXIT_OK
      }
      if (sub === 'list') {
        if (arg !== undefined) throw new UsageError('people list takes no NAME; filter with --tag or --company.')
        const tag = texts(ctx.values, 'tag')
        const list = await ctx.call('people.list', {
          sort: oneOf(ctx.values, 'sort', PEOPLE_SORTS) ?? 'name',
          descending: ctx.values.sort !== undefined && ctx.values.sort !== 'name',
          tag: tag?.[0] ?? null,
          company: text(ctx.values, 'company') ?? null,
          archived: ctx.values.archived === true,
          limit: wholeNumber(ctx.values, 'limit') ?? 200_000,
        })
        const lines = list.people.map(
          (p) =>
            `#${String(p.id).padEnd(6)} ${p.name.padEnd(28)} ${(p.company ?? '').padEnd(22)} ${p.myStrength === null ? ' ' : String(p.myStrength)}  ${p.lastInteractionOn ?? ''}`,
        )
        emit(ctx, list, [...lines, `${list.people.length} of ${list.total} people`].join('\n'))
        return EXIT_OK
      }
      if (sub === 'show') {
        if (arg === undefined) throw new UsageError('people show needs a PERSON.')
        const person = await ctx.call('people.get', { id: (await ctx.person(arg)).id })
        emit(ctx, person, describePerson(person))
        return EXIT_OK
      }
      throw new UsageError(`people takes add, list or show, not "${sub ?? ''}".`)
    },
  },
  know: {
    options: ['json', 'strength', 'context', 'kind', 'confidence'],
    positionals: 2,
    async run(ctx) {
      const [aRef, bRef] = ctx.positionals
      const strength = required(wholeNumber(ctx.values, 'strength'), 'strength')
      const a = await ctx.person(aRef ?? '')
      const b = await ctx.person(bRef ?? '')
      const record = await ctx.call('relationships.set', {
        a: a.id,
        b: b.id,
        strength,
        kind: oneOf(ctx.values, 'kind', RELATIONSHIP_KINDS) ?? 'other',
        confidence: oneOf(ctx.values, 'confidence', CONFIDENCES) ?? 'firsthand',
        contexts: texts(ctx.values, 'context') ?? [],
      })
      emit(ctx, record, `${record.updated ? 'Updated' : 'Recorded'}: ${record.a.name} and ${record.b.name} - ${STRENGTH_WORDS[record.strength as Strength]} (${record.strength}/5).`)
      return EXIT_OK
    },
  },
  log: {
    options: ['json', 'date', 'note', 'without-me'],
    positionals: [2, 201],
    async run(ctx) {
      const [kindText, ...refs] = ctx.positionals
      if (!(INTERACTION_KINDS as readonly string[]).includes(kindText ?? '')) {
        throw new UsageError(`KIND must be one of ${INTERACTION_KINDS.join(', ')}, not "${kindText ?? ''}".`)
      }
      const people: number[] = []
      for (const ref of refs) people.push((await ctx.person(ref)).id)
      const interaction = await ctx.call('interactions.log', {
        date: text(ctx.values, 'date') ?? ctx.backend.today(),
        kind: kindText as InteractionKind,
        people,
        note: text(ctx.values, 'note') ?? null,
        withMe: ctx.values['without-me'] !== true,
      })
      emit(ctx, interaction, `Logged a ${interaction.kind} on ${interaction.date} with ${interaction.people.map((p) => p.name).join(', ')}.`)
      return EXIT_OK
    },
  },
  favor: {
    options: ['json', 'kind', 'size', 'date', 'note'],
    positionals: 2,
    async run(ctx) {
      const [giverRef, receiverRef] = ctx.positionals
      const kind = required(oneOf(ctx.values, 'kind', FAVOR_KINDS), 'kind')
      const size = required(oneOf(ctx.values, 'size', FAVOR_SIZES), 'size')
      const giver = await ctx.person(giverRef ?? '')
      const receiver = await ctx.person(receiverRef ?? '')
      const favor = await ctx.call('favors.log', {
        giverId: giver.id,
        receiverId: receiver.id,
        kind,
        size,
        date: text(ctx.values, 'date') ?? ctx.backend.today(),
        note: text(ctx.values, 'note') ?? null,
      })
      emit(ctx, favor, `Logged a ${favor.size} ${favor.kind} from ${favor.giver.name} to ${favor.receiver.name} on ${favor.date}.`)
      return EXIT_OK
    },
  },
  paths: {
    options: ['json', 'to', 'company', 'tag', 'limit', 'max-hops', 'all'],
    positionals: 0,
    async run(ctx) {
      const to = text(ctx.values, 'to')
      const company = text(ctx.values, 'company')
      const tag = texts(ctx.values, 'tag')
      const given = [to, company, tag].filter((v) => v !== undefined).length
      if (given !== 1) throw new UsageError('give exactly one of --to PERSON, --company NAME or --tag TAG.')
      if (tag !== undefined && tag.length !== 1) throw new UsageError('give one --tag.')
      const hops = text(ctx.values, 'max-hops')
      if (hops !== undefined && hops !== '3' && hops !== '4') throw new UsageError(`--max-hops must be 3 or 4, not "${hops}".`)
      const result = await ctx.call('paths.find', {
        ...(to !== undefined ? { to: (await ctx.person(to)).id } : company !== undefined ? { company } : { tag: tag?.[0] ?? '' }),
        limit: wholeNumber(ctx.values, 'limit') ?? 10,
        maxHops: hops === '4' ? 4 : 3,
        all: ctx.values.all === true,
      })
      const json = {
        target: result.target,
        direct: result.direct,
        paths: result.paths.map((p) => ({ score: p.score, people: p.people, steps: p.steps, factors: p.factors, beforeYouAsk: p.beforeYouAsk })),
      }
      const what = result.target.kind === 'person' ? result.target.name : `${result.target.kind} "${result.target.name}" (${result.targets} people)`
      const lines = [`Ways to ${what}:`]
      for (const d of result.direct) {
        lines.push(`  You already know ${d.name} (${STRENGTH_WORDS[d.strength as Strength].toLowerCase()}, ${d.strength}/5)${d.hint === null ? '' : `: ${d.hint}`}.`)
      }
      result.paths.forEach((p, i) => {
        // "~>" marks a step Kith infers (colleagues), "->" one somebody recorded.
        const chain = p.people.map((q, k) => (k === 0 ? q.name : `${p.steps[k - 1]?.kind === 'colleague' ? ' ~> ' : ' -> '}${q.name}`)).join('')
        lines.push(`${i + 1}. ${chain}  score ${p.score.toFixed(4)}`)
        for (const f of p.factors) lines.push(`     x${f.value.toFixed(2)}  ${f.label}`)
      })
      if (result.paths.length === 0) lines.push('  No path within reach. Try --max-hops 4, or record who knows whom.')
      emit(ctx, json, lines.join('\n'))
      return EXIT_OK
    },
  },
  suggest: {
    options: ['json', 'week'],
    positionals: 0,
    async run(ctx) {
      const week = text(ctx.values, 'week')
      const view = await ctx.call('week.get', week === undefined ? {} : { week })
      const json = {
        week: view.week,
        suggestions: view.suggestions.map((s) => ({ a: s.a, b: s.b, score: s.score, reasons: s.reasons, status: s.status })),
      }
      const lines = [`Introductions you could make, ${view.week}:`]
      view.suggestions.forEach((s, i) => {
        lines.push(`${i + 1}. ${s.a.name} and ${s.b.name}  score ${s.score.toFixed(3)}${s.status === 'open' ? '' : `  (${s.status})`}`)
        for (const r of s.reasons) lines.push(`     x${r.value.toFixed(2)}  ${r.label}`)
      })
      if (view.suggestions.length === 0) lines.push('  None this week: record what people need and offer to get suggestions.')
      emit(ctx, json, lines.join('\n'))
      return EXIT_OK
    },
  },
  search: {
    options: ['json', 'limit'],
    positionals: 1,
    async run(ctx) {
      const hits = await ctx.call('search', { query: ctx.positionals[0] ?? '', limit: wholeNumber(ctx.values, 'limit') ?? 10 })
      const lines = hits.map((h) => `#${String(h.id).padEnd(6)} ${h.name}${h.company === null ? '' : `  (${h.company})`}`)
      emit(ctx, hits, hits.length === 0 ? 'No one matches.' : lines.join('\n'))
      return EXIT_OK
    },
  },
  doctor: {
    options: ['json'],
    positionals: 0,
    async run(ctx) {
      const report: DoctorReport = await ctx.call('doctor', {})
      const lines = [
        `Data folder:    ${report.dataDir}`,
        `Database:       ${report.dbPath}`,
        `Schema:         ${report.schemaVersion} (this Kith: ${report.appSchemaVersion})`,
        `SQLite:         ${report.sqliteVersion}, journal ${report.journalMode}`,
        `Integrity:      ${report.integrity.join('; ')}`,
        `Foreign keys:   ${report.foreignKeyProblems.length === 0 ? 'ok' : `${report.foreignKeyProblems.length} problems`}`,
        `Contents:       ${countsLine(report.counts)}`,
        `Stored values:  ${report.storedValueProblems.length === 0 ? 'ok' : `${report.storedValueProblems.length} do not fit`}`,
        ...report.storedValueProblems.map((p) => `  ${p.table}.${p.column} row ${p.rowid}: ${p.problem}`),
        report.ok ? 'All good.' : 'Problems found: restore a backup with "kith restore FILE".',
      ]
      emit(ctx, report, lines.join('\n'))
      return report.ok ? EXIT_OK : EXIT_FAILURE
    },
  },
  backup: {
    options: ['json', 'to'],
    positionals: 0,
    async run(ctx) {
      // The CLI's user may name any file; the page never can (it has no --to).
      const to = typeof ctx.values.to === 'string' ? path.resolve(ctx.values.to) : undefined
      const info: BackupInfo = await createBackup(ctx.backend, to)
      const where = to ?? path.join(ctx.backend.backupDir, info.name)
      emit(ctx, { ...info, file: where }, `Backed up to ${where} (${formatBytes(info.bytes)}, integrity ok).`)
      return EXIT_OK
    },
  },
  restore: {
    options: ['json', 'confirm'],
    positionals: 1,
    async run(ctx) {
      const file = path.resolve(ctx.positionals[0] ?? '')
      const result: RestoreResult = await restoreFrom(ctx.backend, { file }, ctx.values.confirm === true)
      const kept = path.join(ctx.backend.backupDir, result.safetyCopy.name)
      emit(
        ctx,
        { ...result, restoredFrom: file, safetyCopy: { ...result.safetyCopy, file: kept } },
        `Restored ${file}: ${countsLine(result.counts)}.\n` + `The data it replaced is kept at ${kept}.`,
      )
      return EXIT_OK
    },
  },
  import: {
    options: ['json', 'format', 'dry-run', 'strength'],
    positionals: 1,
    async run(ctx) {
      const file = path.resolve(ctx.positionals[0] ?? '')
      const format = oneOf(ctx.values, 'format', IMPORT_FORMATS) ?? null
      const strengthText = text(ctx.values, 'strength')
      if (strengthText !== undefined && !/^([1-5]|none)$/.test(strengthText)) throw new UsageError(`--strength must be 1 to 5, or none, not "${strengthText}".`)
      const bytes = await readImportFile(file)
      let status = await ctx.call('imports.start', { fileName: path.basename(file), data: Buffer.from(bytes).toString('base64'), format })
      while (status.phase === 'reading' || status.phase === 'matching') {
        await new Promise((resolve) => setTimeout(resolve, 20))
        status = await ctx.call('imports.job', { jobId: status.jobId })
      }
      const preview = status.preview
      if (preview === null) {
        const message = status.error ?? 'the file could not be read'
        const report = { format, created: 0, updated: 0, skipped: 0, errors: [{ line: status.errorLine ?? 0, message }] }
        emit(ctx, report, `kith import: ${message}`)
        return EXIT_FAILURE
      }
      const strength = strengthText === undefined ? preview.defaultStrength : strengthText === 'none' ? null : Number(strengthText)
      const c = preview.counts
      const outcome =
        ctx.values['dry-run'] === true
          ? {
              dryRun: true,
              created: c.new + c.relationshipsNew + c.peopleCreatedForRelationships,
              updated: c.matches - c.unchanged + c.relationshipsUpdated,
              skipped: c.unchanged + c.ignored,
              errors: preview.errors,
            }
          : await ctx.call('imports.apply', { jobId: preview.jobId, strength, decisions: [] })
      if (ctx.values['dry-run'] === true) await ctx.call('imports.cancel', { jobId: preview.jobId })
      const report = {
        format: preview.format,
        created: outcome.created,
        updated: outcome.updated,
        skipped: outcome.skipped,
        errors: outcome.errors,
        warnings: preview.warnings,
        ...('batchId' in outcome ? { importId: outcome.batchId } : { dryRun: true }),
      }
      const lines = [
        `${ctx.values['dry-run'] === true ? 'Would import' : 'Imported'} ${path.basename(file)} (${FORMAT_LABELS[preview.format]}): ${report.created} created, ${report.updated} updated, ${report.skipped} skipped.`,
        ...preview.notes,
        ...(report.errors.length === 0 ? [] : [`${report.errors.length} record(s) could not be read:`, ...report.errors.slice(0, 50).map((e) => `  line ${e.line}: ${e.message}`)]),
        ...(preview.warnings.length === 0 ? [] : [`${preview.warnings.length} value(s) left out:`, ...preview.warnings.slice(0, 20).map((e) => `  line ${e.line}: ${e.message}`)]),
        ...('batchId' in outcome && outcome.batchId !== null ? [`Undo with: kith imports undo ${outcome.batchId}`] : []),
      ]
      emit(ctx, report, lines.join('\n'))
      return EXIT_OK
    },
  },
  imports: {
    options: ['json'],
    positionals: [1, 2],
    async run(ctx) {
      const [sub, arg] = ctx.positionals
      if (sub === 'list') {
        const batches = await ctx.call('imports.list', {})
        const lines = batches.map(
          (b) =>
            `#${String(b.id).padEnd(4)} ${b.createdAt.slice(0, 16).replace('T', ' ')}  ${b.fileName} (${b.format}): ${b.created} created, ${b.updated} updated${b.undoneAt === null ? '' : `, undone ${b.undoneAt.slice(0, 10)}`}`,
        )
        emit(ctx, batches, lines.length === 0 ? 'No imports yet.' : lines.join('\n'))
        return EXIT_OK
      }
      if (sub === 'undo') {
        const id = Number(arg)
        if (arg === undefined || !/^\d+$/.test(arg)) throw new UsageError('imports undo needs the ID of an import (see kith imports list).')
        const undone = await ctx.call('imports.undo', { id })
        emit(
          ctx,
          undone,
          `Undid import #${id}: ${undone.peopleDeleted} people deleted, ${undone.peopleRestored} restored, ${undone.relationshipsDeleted} relationships deleted, ${undone.relationshipsRestored} restored.\nA backup from before is at ${path.join(ctx.backend.backupDir, undone.backup)}.`,
        )
        return EXIT_OK
      }
      throw new UsageError(`imports takes list or undo, not "${sub ?? ''}".`)
    },
  },
  export: {
    options: ['json', 'format'],
    positionals: 1,
    async run(ctx) {
      const file = path.resolve(ctx.positionals[0] ?? '')
      const byExtension: Record<string, ExportFormat> = { '.json': 'json', '.csv': 'csv', '.vcf': 'vcard', '.vcard': 'vcard' }
      const format = oneOf(ctx.values, 'format', EXPORT_FORMATS) ?? byExtension[path.extname(file).toLowerCase()]
      if (format === undefined) throw new UsageError('export needs --format json, csv or vcard (or a FILE ending in .json, .csv or .vcf).')
      const exported = await ctx.call('export.create', { format })
      // Written beside the target, then renamed: a reader never sees half a file.
      const partial = `${file}.partial-${process.pid}`
      // Readable by its owner only, like everything Kith writes: it is the whole address book.
      await fs.writeFile(partial, exported.content, { encoding: 'utf8', mode: PRIVATE_FILE_MODE })
      await fs.chmod(partial, PRIVATE_FILE_MODE)
      await fs.rename(partial, file)
      const skipped = exported.skipped ?? []
      const missing = skipped.length === 0 ? '' : `\nThe database is damaged; these could not be read and are missing:\n  ${skipped.join('\n  ')}`
      emit(ctx, { file, format, people: exported.people, ...(skipped.length > 0 ? { skipped } : {}) }, `Exported ${exported.people} people to ${file}.${missing}`)
      return EXIT_OK
    },
  },
  demo: {
    options: ['json'],
    positionals: 0,
    async run(ctx) {
      const summary: DemoSummary = await ctx.call('demo.load', {})
      emit(ctx, summary, `Loaded the sample network: ${countsLine(summary.counts)}.`)
      return EXIT_OK
    },
  },
  serve: {
    options: ['port', 'no-open'],
    positionals: 0,
    async run(ctx) {
      const portText = typeof ctx.values.port === 'string' ? ctx.values.port : '0'
      const port = Number(portText)
      if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${portText}".`)
      const staticDir = findRendererDir()
      if (staticDir === null) {
        throw new KithError('not_found', 'The renderer is not built: run "npm run build" (npm run serve does it for you).')
      }
      const server = await startServer({ backend: ctx.backend, staticDir, port })
      const stopBackups = startAutoBackups(ctx.backend, (message) => ctx.io.err(`kith serve: the automatic backup failed: ${message}`))
      // The full address, token included, goes only to this terminal (the user's own output).
      ctx.io.out(`Kith browser mode: ${server.url}`)
      ctx.io.out(`Data folder: ${ctx.backend.dataDir}. Press Ctrl+C to stop.`)
      const closeOpener = ctx.values['no-open'] === true ? () => undefined : openBrowser(server.loginUrl(), ctx.backend.dataDir, ctx.io, LOGIN_CODE_TTL_MS)
      await (ctx.io.untilStopped?.() ?? new Promise<void>(() => undefined))
      closeOpener()
      stopBackups()
      await server.close()
      return EXIT_OK
    },
  },
}

async function readImportFile(file: string): Promise<Uint8Array> {
  let size: number
  try {
    size = (await fs.stat(file)).size
  } catch {
    throw new KithError('not_found', `There is no file at ${file}.`)
  }
  if (size > IMPORT_LIMITS.bytes) {
    throw new KithError('bad_request', importTooBigMessage(path.basename(file), size))
  }
  return fs.readFile(file)
}

function unwrap(res: ApiResponse<unknown>): unknown {
  if (res.ok) return res.data
  const { code, message, ...details } = res.error
  throw new KithError(code, message, details)
}

/** Every command by its words: one ("ask") or two ("tasks add"); two-word keys win. */
const REGISTRY: Readonly<Record<string, Command>> = {
  ...COMMANDS,
  'people edit': peopleEdit,
  ask,
  introduce,
  'intros list': introsList,
  'intros show': introsShow,
  'intros move': introsMove,
  'intros answer': introsAnswer,
  'intros undo': introsUndo,
  tasks: tasksList,
  'tasks list': tasksList,
  'tasks add': tasksAdd,
  'tasks done': tasksDone,
  'orgs list': orgsList,
  'orgs merge': orgsMerge,
  'orgs merges': orgsMerges,
  'orgs undo': orgsUndo,
  profile: profileShow,
  'profile set': profileSet,
}

/** Every command's words, one or two ("tasks add"). */
export function commandKeys(): string[] {
  return Object.keys(REGISTRY)
}

const own = (key: string): boolean => Object.prototype.hasOwnProperty.call(REGISTRY, key)

/** The command the words name: two words first ("tasks add"), then one ("tasks"). */
function findCommand(words: readonly string[]): { key: string; command: Command } | undefined {
  const [first, second] = words
  if (first === undefined) return undefined
  for (const key of second === undefined ? [first] : [`${first} ${second}`, first]) {
    const command = REGISTRY[key]
    if (command !== undefined && own(key)) return { key, command }
  }
  return undefined
}

/** The two-word commands under a first word ("orgs" → orgs list, orgs merge, …). */
function subcommands(first: string): string[] {
  return Object.keys(REGISTRY).filter((k) => k.startsWith(`${first} `))
}

function helpFor(key: string): string {
  return commandHelp(USAGE, key, REGISTRY[key]?.help)
}

/** `kith --help`, `kith help`, `kith COMMAND --help`, `kith help COMMAND`. */
function showHelp(words: readonly string[], io: CliIo): number {
  if (words.length === 0) {
    io.out(USAGE)
    return EXIT_OK
  }
  const found = findCommand(words)
  if (found !== undefined) {
    io.out(helpFor(found.key))
    return EXIT_OK
  }
  const first = words[0] ?? ''
  if (subcommands(first).length > 0) {
    io.out(commandHelp(USAGE, first, undefined))
    return EXIT_OK
  }
  io.err(`kith: unknown command "${first}".\n\n${USAGE}`)
  return EXIT_USAGE
}

/** Runs one CLI command; returns the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // First find which command this is (leniently), then read its options as that command takes them.
  const loose = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: false })
  const words = loose.positionals
  if (loose.values.help === true || words[0] === 'help') return showHelp(words[0] === 'help' ? words.slice(1) : words, io)
  const [name] = words
  if (name === undefined) {
    try {
      parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true })
    } catch (err) {
      io.err(`kith: ${errorMessage(err)}\n\n${USAGE}`)
      return EXIT_USAGE
    }
    io.err(`kith: no command given.\n\n${USAGE}`)
    return EXIT_USAGE
  }
  const found = findCommand(words)
  if (found === undefined) {
    const subs = subcommands(name)
    if (subs.length > 0) {
      const said = words[1] === undefined ? '' : ` "${words[1]}" is not one of them;`
      io.err(`kith ${name}:${said} choose one of ${subs.map((s) => `kith ${s}`).join(', ')}.\n\n${commandHelp(USAGE, name, undefined)}`)
      return EXIT_USAGE
    }
    io.err(`kith: unknown command "${name}".\n\n${USAGE}`)
    return EXIT_USAGE
  }
  const { key, command } = found
  const usage = helpFor(key)
  let values: OptionValues
  let rest: string[]
  try {
    const parsed = parseArgs({ args: [...argv], options: optionsFor(command), allowPositionals: true, strict: true })
    values = parsed.values
    rest = parsed.positionals.slice(key.split(' ').length)
  } catch (err) {
    io.err(`kith ${key}: ${errorMessage(err)}\n\n${usage}`)
    return EXIT_USAGE
  }
  const given = (Object.keys(values) as OptionName[]).filter((o) => o !== 'data' && o !== 'help')
  const stray = given.find((o) => !command.options.includes(o))
  if (stray !== undefined) {
    io.err(`kith ${key}: --${stray} does not apply here.\n\n${usage}`)
    return EXIT_USAGE
  }
  const [min, max] = typeof command.positionals === 'number' ? [command.positionals, command.positionals] : command.positionals
  if (rest.length < min || rest.length > max) {
    const expected = min === max ? `${min}` : `${min} to ${max}`
    const subs = subcommands(name)
    const hint = max === 0 && subs.length > 0 && key === name ? ` ("${rest[0] ?? ''}" is not one of ${subs.map((s) => `kith ${s}`).join(', ')})` : ''
    io.err(`kith ${key}: expected ${expected} argument(s), got ${rest.length}${hint}.\n\n${usage}`)
    return EXIT_USAGE
  }

  const fields = command.fields ?? FIELDS[key] ?? {}
  let backend: Backend | undefined
  try {
    backend = await Backend.open({ dataDir: resolveDataDir(text(values, 'data'), env) })
    const opened = backend
    if (opened.damage.length > 0) {
      io.err('kith: Kith found damage in your data and changes nothing until it is repaired. See "kith doctor"; save what can be read with "kith export FILE", or "kith restore FILE".')
    }
    const ctx: CommandContext = {
      backend: opened,
      values,
      positionals: rest,
      io,
      call: async <M extends MethodName>(method: M, args: ArgsIn<M>) =>
        unwrap(await opened.dispatch(method, args)) as Result<M>,
      person: async (ref: string, label?: string) => {
        const res = await opened.dispatch('people.resolve', { ref })
        if (res.ok) return res.data as PersonRef
        // "Invalid arguments for people.resolve: ref: name someone" → "--to: name someone"
        const said = inUserWords(res.error.message, { ref: label ?? 'PERSON' })
        throw new KithError(res.error.code, label === undefined || said.startsWith(`${label}: `) ? said : `${label}: ${lowerFirst(said)}`)
      },
    }
    return await command.run(ctx)
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`kith ${key}: ${err.message}\nSee: kith ${key} --help`)
      return EXIT_USAGE
    }
    const raw = err instanceof KithError ? err.toApiError() : { code: 'internal' as const, message: errorMessage(err) }
    const error = raw.code === 'bad_request' ? { ...raw, message: inUserWords(raw.message, fields) } : raw
    if (values.json === true) io.out(JSON.stringify({ ok: false, error }, null, 2))
    io.err(`kith ${key}: ${error.message.replace(/\s*\n\s*/g, ' ')}`)
    return EXIT_FAILURE
  } finally {
    await backend?.close()
  }
}
