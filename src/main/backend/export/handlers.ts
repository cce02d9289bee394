import type { Handler } from '../handlers'
import { exportFile } from './service'

const create: Handler<'export.create'> = (args, backend) => exportFile(backend.sqlite, args.format, backend.today())

export const exportHandlers = { 'export.create': create }
