import type { Handler } from '../handlers'
import { moveIntroduction } from './moves'
import { getIntroduction, listIntroductions } from './read'
import { answerOptIn, connectPeople, requestIntroduction, updateDetails } from './service'
import { undoMove } from './undo'

export const introductionHandlers = {
  'introductions.request': ((args, backend) => requestIntroduction(backend, args.path)) satisfies Handler<'introductions.request'>,
  'introductions.list': ((args, backend) => listIntroductions(backend, args.state, args.personId)) satisfies Handler<'introductions.list'>,
  'introductions.get': ((args, backend) => getIntroduction(backend, args.id)) satisfies Handler<'introductions.get'>,
  'introductions.connect': ((args, backend) => connectPeople(backend, args.a, args.b, args.context, args.confirmed)) satisfies Handler<'introductions.connect'>,
  'introductions.update': ((args, backend) => updateDetails(backend, args.id, args.details)) satisfies Handler<'introductions.update'>,
  'introductions.answer': ((args, backend) => answerOptIn(backend, args.id, args.side, args.answer)) satisfies Handler<'introductions.answer'>,
  'introductions.move': ((args, backend) => moveIntroduction(backend, args.id, args.to, args.date, args.confirmed)) satisfies Handler<'introductions.move'>,
  'introductions.undoMove': ((args, backend) => undoMove(backend, args.id)) satisfies Handler<'introductions.undoMove'>,
}
