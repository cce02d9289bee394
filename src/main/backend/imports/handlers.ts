import type { Handler } from '../handlers'
import { importJobs } from './service'
import { listImports, undoImport } from './undo'

const start: Handler<'imports.start'> = (args, backend) =>
  importJobs(backend).start(args.fileName, Buffer.from(args.data, 'base64'), args.format)

const job: Handler<'imports.job'> = (args, backend) => importJobs(backend).status(args.jobId)

const apply: Handler<'imports.apply'> = (args, backend) => importJobs(backend).apply(args.jobId, args.strength, args.decisions)

const cancel: Handler<'imports.cancel'> = (args, backend) => importJobs(backend).cancel(args.jobId)

const list: Handler<'imports.list'> = (_args, backend) => listImports(backend)

const undo: Handler<'imports.undo'> = (args, backend) => undoImport(backend, args.id)

export const importHandlers = {
  'imports.start': start,
  'imports.job': job,
  'imports.apply': apply,
  'imports.cancel': cancel,
  'imports.list': list,
  'imports.undo': undo,
}
