import type { Args, MethodName, Result } from '../../shared/contract'
import { appHandlers } from './status/handlers'
import type { Backend } from './backend'
import { backupHandlers } from './backup/handlers'
import { demoHandlers } from './demo/handlers'
import { graphHandlers } from './relationships/handlers'
import { importHandlers } from './imports/handlers'
import { introHandlers } from './introductions/handlers'
import { orgHandlers } from './orgs/handlers'
import { profileHandlers } from './profile/handlers'
import { pathHandlers } from './paths/handlers'
import { weeklyHandlers } from './week/handlers'
import { peopleHandlers } from './people/handlers'

export type Handler<M extends MethodName> = (args: Args<M>, backend: Backend) => Result<M> | Promise<Result<M>>

export type Handlers = { [M in MethodName]: Handler<M> }

/** Every method of the contract, each implemented by its domain. */
export const handlers: Handlers = {
  ...appHandlers,
  ...backupHandlers,
  ...demoHandlers,
  ...graphHandlers,
  ...pathHandlers,
  ...importHandlers,
  ...introHandlers,
  ...weeklyHandlers,
  ...peopleHandlers,
  ...orgHandlers,
  ...profileHandlers,
}
