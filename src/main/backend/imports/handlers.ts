import path from 'node:path'
import { KithError } from '../errors'
import type { Handler } from '../handlers'
import { archiveJobs } from './archive/jobs'
import { importJobs } from './service'
import { listImports, undoImport } from './undo'

const start: Handler<'imports.start'> = (args, backend) =>
  importJobs(backend).start(args.fileName, Buffer.from(args.data, 'base64'), args.format)

const job: Handler<'imports.job'> = (args, backend) => importJobs(backend).status(args.jobId)

const apply: Handler<'imports.apply'> = (args, backend) => importJobs(backend).apply(args.jobId, args.strength, args.decisions)

const cancel: Handler<'imports.cancel'> = (args, backend) => importJobs(backend).cancel(args.jobId)

const list: Handler<'imports.list'> = (_args, backend) => listImports(backend)

const undo: Handler<'imports.undo'> = (args, backend) => undoImport(backend, args.id)

/** An import of this window's backend left at its preview, a contacts file's first, then a mail archive's. */
const waiting: Handler<'imports.waiting'> = (_args, backend) => {
  const contacts = importJobs(backend).waiting()
  if (contacts !== null) return { jobId: contacts.jobId, fileName: contacts.fileName, phase: contacts.phase, kind: 'contacts' }
  const archive = archiveJobs(backend).waiting()
  return archive === null ? null : { jobId: archive.jobId, fileName: archive.fileName, phase: archive.phase, kind: 'archive' }
}

export const importHandlers = {
  'imports.waiting': waiting,
  'imports.start': start,
  'imports.job': job,
  'imports.apply': apply,
  'imports.cancel': cancel,
  'imports.list': list,
  'imports.undo': undo,
  'imports.archiveChoose': (async (args, backend) => {
    const picker = backend.filePicker
    if (picker?.openArchive === undefined) throw new KithError('forbidden', 'Choosing an archive is possible only in the desktop app. In a terminal, use: kith import PATH')
    const chosen = await picker.openArchive(args.what)
    // The page sees the file's name, never where it is.
    return chosen === null ? null : archiveJobs(backend).startPath(chosen, args.myAddresses, path.basename(chosen))
  }) satisfies Handler<'imports.archiveChoose'>,
  'imports.archiveJob': ((args, backend) => archiveJobs(backend).status(args.jobId)) satisfies Handler<'imports.archiveJob'>,
  'imports.archiveApply': ((args, backend) => archiveJobs(backend).apply(args.jobId)) satisfies Handler<'imports.archiveApply'>,
  'imports.archiveCancel': ((args, backend) => archiveJobs(backend).cancel(args.jobId)) satisfies Handler<'imports.archiveCancel'>,
  'imports.archiveReread': ((args, backend) => archiveJobs(backend).reread(args.jobId)) satisfies Handler<'imports.archiveReread'>,
}
