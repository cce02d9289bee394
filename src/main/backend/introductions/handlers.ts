import type { Handler } from '../handlers'
import { addTask, answerOptIn, connectPeople, getIntroduction, listIntroductions, listTasks, moveIntroduction, setTaskDone, snoozeTask, undoMove, updateDetails } from './service'

export const introHandlers = {
  'introductions.list': ((args, backend) => listIntroductions(backend, args.state, args.personId)) satisfies Handler<'introductions.list'>,
  'introductions.get': ((args, backend) => getIntroduction(backend, args.id)) satisfies Handler<'introductions.get'>,
  'introductions.connect': ((args, backend) => connectPeople(backend, args.a, args.b, args.context)) satisfies Handler<'introductions.connect'>,
  'introductions.update': ((args, backend) => updateDetails(backend, args.id, args.details)) satisfies Handler<'introductions.update'>,
  'introductions.answer': ((args, backend) => answerOptIn(backend, args.id, args.side, args.answer)) satisfies Handler<'introductions.answer'>,
  'introductions.move': ((args, backend) => moveIntroduction(backend, args.id, args.to, args.date, args.confirmed)) satisfies Handler<'introductions.move'>,
  'tasks.list': ((args, backend) => listTasks(backend, args.due, args.includeDone)) satisfies Handler<'tasks.list'>,
  'tasks.done': ((args, backend) => setTaskDone(backend, args.id, args.done)) satisfies Handler<'tasks.done'>,
  'tasks.add': ((args, backend) => addTask(backend, args)) satisfies Handler<'tasks.add'>,
  'introductions.undoMove': ((args, backend) => undoMove(backend, args.id)) satisfies Handler<'introductions.undoMove'>,
  'tasks.snooze': ((args, backend) => snoozeTask(backend, args.id, args.until)) satisfies Handler<'tasks.snooze'>,
}
