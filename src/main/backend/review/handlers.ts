import type { Handler } from '../handlers'
import { acceptReview, editReview, listReview, rejectReview } from './service'

export const reviewHandlers = {
  'review.list': ((_args, backend) => listReview(backend)) satisfies Handler<'review.list'>,
  'review.accept': ((args, backend) => acceptReview(backend, 'all' in args ? 'all' : args.ids)) satisfies Handler<'review.accept'>,
  'review.reject': ((args, backend) => rejectReview(backend, args.ids)) satisfies Handler<'review.reject'>,
  'review.edit': ((args, backend) => editReview(backend, args)) satisfies Handler<'review.edit'>,
}
