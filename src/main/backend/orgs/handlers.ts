import type { Handler } from '../handlers'
import { KithError } from '../errors'

const pending = (): never => {
  throw new KithError('conflict', 'Organisations are being built.')
}

export const orgHandlers = {
  'orgs.list': pending satisfies Handler<'orgs.list'>,
  'orgs.update': pending satisfies Handler<'orgs.update'>,
  'orgs.merge': pending satisfies Handler<'orgs.merge'>,
  'orgs.merges': pending satisfies Handler<'orgs.merges'>,
  'orgs.undoMerge': pending satisfies Handler<'orgs.undoMerge'>,
  'colleagues.confirm': pending satisfies Handler<'colleagues.confirm'>,
  'colleagues.reject': pending satisfies Handler<'colleagues.reject'>,
}
