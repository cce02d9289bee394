import type { Handler } from '../handlers'
import { readScoring, writeScoring } from '../settings/service'
import { findPaths } from './service'
import { requestIntroduction } from '../introductions/service'

export const pathHandlers = {
  'paths.find': ((args, backend) => findPaths(backend, args)) satisfies Handler<'paths.find'>,
  'settings.scoring.get': ((_args, backend) => readScoring(backend)) satisfies Handler<'settings.scoring.get'>,
  'settings.scoring.set': ((args, backend) => writeScoring(backend, args)) satisfies Handler<'settings.scoring.set'>,
  'settings.scoring.reset': ((_args, backend) => writeScoring(backend, null)) satisfies Handler<'settings.scoring.reset'>,
  'introductions.request': ((args, backend) => requestIntroduction(backend, args.path, args.score)) satisfies Handler<'introductions.request'>,
}
