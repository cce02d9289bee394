/**
 * The composition root: the backend's state and the one dispatch every door
 * uses, put together with the handler of every method. Only the doors (the
 * desktop app, browser mode, the CLI) and tests import this module; the
 * domains import `state.ts`, so nothing here imports itself back.
 */
import type { ApiResponse } from '../../shared/api'
import type { ArgsIn, MethodName, Result } from '../../shared/contract'
import { backupHandlers } from './backup/handlers'
import { colleagueHandlers } from './colleagues/handlers'
import { demoHandlers } from './demo/handlers'
import { dispatch } from './dispatch'
import { doctorHandlers } from './doctor/handlers'
import { KithError } from './errors'
import { exportHandlers } from './export/handlers'
import { favorHandlers } from './favors/handlers'
import { handlerRegistry } from './handlers'
import { importHandlers } from './imports/handlers'
import { reviewHandlers } from './review/handlers'
import { interactionHandlers } from './interactions/handlers'
import { introductionHandlers } from './introductions/handlers'
import { meHandlers } from './me/handlers'
import { networkHandlers } from './network/handlers'
import { orgHandlers } from './orgs/handlers'
import { pathHandlers } from './paths/handlers'
import { peopleHandlers } from './people/handlers'
import { profileHandlers } from './profile/handlers'
import { reciprocityHandlers } from './reciprocity/handlers'
import { relationshipHandlers } from './relationships/handlers'
import { searchHandlers } from './search/handlers'
import { settingsHandlers } from './settings/handlers'
import { BackendState, type BackendOptions } from './state'
import { statusHandlers } from './status/handlers'
import { suggestionHandlers } from './suggestions/handlers'
import { taskHandlers } from './tasks/handlers'
import { weekHandlers } from './week/handlers'

export type { BackendOptions, FilePicker } from './state'

/** Every domain's handlers; `foo.bar` is in `backend/foo/handlers.ts`. */
export const DOMAIN_HANDLERS = [
  statusHandlers,
  doctorHandlers,
  backupHandlers,
  demoHandlers,
  importHandlers,
  exportHandlers,
  meHandlers,
  peopleHandlers,
  relationshipHandlers,
  interactionHandlers,
  favorHandlers,
  pathHandlers,
  settingsHandlers,
  introductionHandlers,
  weekHandlers,
  suggestionHandlers,
  reciprocityHandlers,
  taskHandlers,
  profileHandlers,
  orgHandlers,
  colleagueHandlers,
  searchHandlers,
  reviewHandlers,
  networkHandlers,
] as const

/** Built when the module loads: a method handled twice, or not at all, stops Kith at start-up. */
const HANDLERS = handlerRegistry(DOMAIN_HANDLERS)

/** Kith's backend: the open database and the one `dispatch` every door uses. */
export class Backend extends BackendState {
  static async open(options: BackendOptions): Promise<Backend> {
    return new Backend(options, await BackendState.openFile(options))
  }

  dispatch(method: unknown, args: unknown): Promise<ApiResponse<unknown>> {
    return dispatch(HANDLERS, this, method, args)
  }

  /**
   * A call from inside the process (the desktop app's main process, the CLI,
   * the benchmarks), typed from the contract: the same dispatch as every door,
   * its data as the method's result, and its error thrown as a KithError.
   */
  async call<M extends MethodName>(method: M, args: ArgsIn<M>): Promise<Result<M>> {
    const res = await this.dispatch(method, args)
    if (!res.ok) throw KithError.from(res.error)
    // Dispatch ran `method`'s own handler, whose return type the contract declares (handlers.ts checks it).
    return res.data as Result<M>
  }
}
