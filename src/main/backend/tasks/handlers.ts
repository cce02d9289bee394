import type { Handler } from '../handlers'
import { addTask, listTasks, setTaskDone, snoozeTask } from './service'

export const taskHandlers = {
  'tasks.list': ((args, backend) => listTasks(backend, args)) satisfies Handler<'tasks.list'>,
  'tasks.done': ((args, backend) => setTaskDone(backend, args.id, args.done)) satisfies Handler<'tasks.done'>,
  'tasks.snooze': ((args, backend) => snoozeTask(backend, args.id, args.until)) satisfies Handler<'tasks.snooze'>,
  'tasks.add': ((args, backend) => addTask(backend, args)) satisfies Handler<'tasks.add'>,
}
