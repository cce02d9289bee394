import type { Handler } from '../handlers'
import { listMerges, listOrganisations, mergeOrganisations, undoMerge, updateOrganisation } from './service'

export const orgHandlers = {
  'orgs.list': ((args, backend) => listOrganisations(backend, args.query)) satisfies Handler<'orgs.list'>,
  'orgs.update': ((args, backend) => updateOrganisation(backend, args.id, args.patch)) satisfies Handler<'orgs.update'>,
  'orgs.merge': ((args, backend) => mergeOrganisations(backend, args.keepId, args.mergeId)) satisfies Handler<'orgs.merge'>,
  'orgs.merges': ((_args, backend) => listMerges(backend)) satisfies Handler<'orgs.merges'>,
  'orgs.undoMerge': ((args, backend) => undoMerge(backend, args.id)) satisfies Handler<'orgs.undoMerge'>,
}
