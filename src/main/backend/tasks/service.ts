import { compareCodeUnits } from '../../../shared/text'
import type { Args } from '../../../shared/contract'
import type { TaskStatus, TaskView } from '../../../shared/types'
import type { BackendState } from '../state'
import { requireWithinPlanning } from '../dates'
import { KithError, fieldError } from '../errors'
import { row } from '../introductions/rows'
import { names, requirePerson } from '../people/records'

function taskStatus(t: { due_on: string; snoozed_until: string | null; done_at: string | null }, today: string): TaskStatus {
  if (t.done_at !== null) return 'done'
  const due = t.snoozed_until !== null && t.snoozed_until > t.due_on ? t.snoozed_until : t.due_on
  return due < today ? 'overdue' : due === today ? 'today' : 'upcoming'
}

/**
 * Follow-ups by due day: all, one introduction's, one person's, or the one with `id`; open ones
 * only unless `includeDone`; only overdue and today's when `due`.
 */
export async function tasksFor(
  backend: BackendState,
  where: { id?: number; introductionId?: number; personId?: number; due?: boolean; includeDone?: boolean },
): Promise<TaskView[]> {
  const today = backend.today()
  let q = backend.db.selectFrom('task').selectAll()
  if (where.id !== undefined) q = q.where('id', '=', where.id)
  if (where.introductionId !== undefined) q = q.where('introduction_id', '=', where.introductionId)
  if (where.personId !== undefined) {
    const person = where.personId
    // Theirs, and those of an introduction they are part of that name no one (a nudge to both sides of an opt-in).
    q = q.where((eb) =>
      eb.or([
        eb('person_id', '=', person),
        eb.and([
          eb('person_id', 'is', null),
          eb(
            'introduction_id',
            'in',
            eb
              .selectFrom('introduction')
              .select('id')
              .where((i) => i.or([i('person_a_id', '=', person), i('person_b_id', '=', person), i('connector_id', '=', person), i('target_id', '=', person)])),
          ),
        ]),
      ]),
    )
  }
  if (where.includeDone !== true) q = q.where('done_at', 'is', null)
  const rows = await q.orderBy('due_on').orderBy('id').execute()
  const people = await names(backend.db, rows.flatMap((r) => (r.person_id === null ? [] : [r.person_id])))
  const views = rows.map((r) => ({
    id: r.id,
    introductionId: r.introduction_id,
    person: r.person_id === null ? null : { id: r.person_id, name: people.get(r.person_id) ?? '' },
    kind: r.kind,
    title: r.title,
    dueOn: r.due_on,
    snoozedUntil: r.snoozed_until,
    doneAt: r.done_at,
    status: taskStatus(r, today),
  }))
  return where.due === true ? views.filter((t) => t.status === 'overdue' || t.status === 'today') : views
}

/** Follow-ups, overdue first, then by due day; one person's when `personId` is given. */
export async function listTasks(backend: BackendState, where: { due: boolean; includeDone: boolean; personId?: number | null }): Promise<TaskView[]> {
  if (where.personId !== undefined && where.personId !== null) await requirePerson(backend.db, where.personId)
  const tasks = await tasksFor(backend, { due: where.due, includeDone: where.includeDone, ...(where.personId === undefined || where.personId === null ? {} : { personId: where.personId }) })
  const order: Record<TaskStatus, number> = { overdue: 0, today: 1, upcoming: 2, done: 3 }
  // By the day each is due now: a snoozed one by the day it was snoozed to.
  const due = (t: TaskView): string => (t.snoozedUntil !== null && t.snoozedUntil > t.dueOn ? t.snoozedUntil : t.dueOn)
  return tasks.sort((a, b) => order[a.status] - order[b.status] || compareCodeUnits(due(a), due(b)) || a.id - b.id)
}

async function taskView(backend: BackendState, id: number): Promise<TaskView> {
  const [found] = await tasksFor(backend, { id, includeDone: true })
  if (found === undefined) throw new KithError('not_found', `There is no task with id ${id}.`)
  return found
}

export async function setTaskDone(backend: BackendState, id: number, done: boolean): Promise<TaskView> {
  await taskView(backend, id)
  await backend.write('nothing', (trx) => trx.updateTable('task').set({ done_at: done ? backend.now().toISOString() : null }).where('id', '=', id).execute())
  return taskView(backend, id)
}

export async function snoozeTask(backend: BackendState, id: number, until: string): Promise<TaskView> {
  const task = await taskView(backend, id)
  const today = backend.today()
  if (until <= today) throw fieldError('until', 'snooze to a day after today')
  // Snoozing puts a follow-up off: never earlier than the day it is due now.
  const dueNow = task.snoozedUntil !== null && task.snoozedUntil > task.dueOn ? task.snoozedUntil : task.dueOn
  if (until <= dueNow) throw fieldError('until', `it is already due on ${dueNow}: snooze to a later day`)
  requireWithinPlanning('until', until, today)
  await backend.write('nothing', (trx) => trx.updateTable('task').set({ snoozed_until: until }).where('id', '=', id).execute())
  return taskView(backend, id)
}

/**
 * A follow-up the user adds by hand. Its kind is 'other', the task table's
 * kind for tasks outside the introduction workflow.
 *
 * A due date before today is refused: a new task that is overdue the moment
 * it is written only adds noise to "due", and what has already happened is
 * logged as an interaction, not planned as a task. Today is allowed.
 */
export async function addTask(backend: BackendState, args: Args<'tasks.add'>): Promise<TaskView> {
  const today = backend.today()
  if (args.due < today) throw fieldError('due', `${args.due} is before today; a new task is due today or later`)
  requireWithinPlanning('due', args.due, today)
  const id = await backend.write('nothing', async (trx) => {
    if (args.personId !== null) await requirePerson(trx, args.personId)
    if (args.introductionId !== null) await row(trx, args.introductionId)
    const created = await trx
      .insertInto('task')
      .values({
        introduction_id: args.introductionId,
        person_id: args.personId,
        kind: 'other',
        title: args.title,
        due_on: args.due,
        snoozed_until: null,
        done_at: null,
        created_at: backend.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return created.id
  })
  return taskView(backend, id)
}
