/** Follow-ups: `kith tasks [list] [--due]`, `kith tasks add`, `kith tasks done`. */
import type { TaskView } from '../../../shared/types'
import { EXIT_OK, UsageError, emit, idArgument, text, type Command } from '../common'

function taskLine(t: TaskView): string {
  const snoozed = t.snoozedUntil !== null && t.snoozedUntil > t.dueOn ? t.snoozedUntil : null
  return `#${String(t.id).padEnd(5)} ${snoozed ?? t.dueOn}  ${t.status.padEnd(8)} ${t.title}${t.person === null ? '' : `  (${t.person.name})`}${snoozed === null ? '' : `  (snoozed; was due ${t.dueOn})`}`
}

export const tasksList: Command = {
  name: 'tasks',
  aliases: ['tasks list'],
  usage: `tasks [list] [--due]             follow-ups (--due: overdue and today)`,
  options: ['json', 'due'],
  positionals: 0,
  help: 'Open follow-ups, overdue first. --due: only what is overdue or due today. "kith tasks list" is the same.',
  async run(ctx) {
    const tasks = await ctx.call('tasks.list', { due: ctx.values.due === true })
    const lines = tasks.map(taskLine)
    emit(ctx, tasks, tasks.length === 0 ? (ctx.values.due === true ? 'Nothing due.' : 'No open tasks.') : lines.join('\n'))
    return EXIT_OK
  },
}

export const tasksAdd: Command = {
  name: 'tasks add',
  usage: `tasks add PERSON TITLE --due YYYY-MM-DD [--intro ID]
                                 add a follow-up`,
  options: ['json', 'due', 'intro'],
  positionals: 2,
  types: { due: 'string' },
  fields: { personId: 'PERSON', title: 'TITLE', due: '--due', introductionId: '--intro' },
  help: `Adds a follow-up about PERSON, due on --due (a date like 2026-03-14). --intro ID ties it to an
introduction (see kith intros list). Tick it off with "kith tasks done ID".`,
  async run(ctx) {
    const [ref = '', title = ''] = ctx.positionals
    const due = text(ctx.values, 'due')
    if (due === undefined) throw new UsageError('--due is required: when it is due, as a date like 2026-03-14.')
    const introText = text(ctx.values, 'intro')
    const introductionId = introText === undefined ? null : idArgument(introText, '--intro', 'an introduction (see kith intros list)')
    const person = await ctx.person(ref, 'PERSON')
    const task = await ctx.call('tasks.add', { personId: person.id, title, due, introductionId })
    emit(ctx, task, `Added task #${task.id}, due ${task.dueOn}: ${task.title}`)
    return EXIT_OK
  },
}

export const tasksDone: Command = {
  name: 'tasks done',
  usage: `tasks done ID                    mark a follow-up done`,
  options: ['json'],
  positionals: 1,
  fields: { id: 'ID' },
  help: 'Marks a task done (its ID is in "kith tasks").',
  async run(ctx) {
    const id = idArgument(ctx.positionals[0], 'ID', 'a task (see kith tasks)')
    const task = await ctx.call('tasks.done', { id })
    emit(ctx, task, `Done: #${task.id} ${task.title}`)
    return EXIT_OK
  },
}
