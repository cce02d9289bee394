/**
 * Every command, in the order `kith --help` lists them. The global usage is
 * made from their own usage entries, so it cannot drift from the commands.
 */
import type { Command } from './common'
import { ask, introduce, introsAnswer, introsList, introsMove, introsShow, introsUndo } from './commands/intros'
import { backup } from './commands/backup'
import { demo } from './commands/demo'
import { doctor } from './commands/doctor'
import { exportFile } from './commands/export'
import { favor } from './commands/favor'
import { importFile } from './commands/import'
import { imports } from './commands/imports'
import { know } from './commands/know'
import { log } from './commands/log'
import { me } from './commands/me'
import { orgsList, orgsMerge, orgsMerges, orgsUndo } from './commands/orgs'
import { paths } from './commands/paths'
import { people } from './commands/people'
import { peopleEdit } from './commands/people-edit'
import { profileSet, profileShow } from './commands/profile'
import { restore } from './commands/restore'
import { reviewAccept, reviewList, reviewReject } from './commands/review'
import { search } from './commands/search'
import { serve } from './commands/serve'
import { suggest } from './commands/suggest'
import { tasksAdd, tasksDone, tasksList } from './commands/tasks'

export const COMMANDS: readonly Command[] = [
  me,
  people,
  peopleEdit,
  know,
  log,
  favor,
  ask,
  introduce,
  suggest,
  introsList,
  introsShow,
  introsMove,
  introsAnswer,
  introsUndo,
  tasksList,
  tasksAdd,
  tasksDone,
  search,
  paths,
  orgsList,
  orgsMerge,
  orgsMerges,
  orgsUndo,
  profileShow,
  profileSet,
  doctor,
  backup,
  restore,
  importFile,
  imports,
  reviewList,
  reviewAccept,
  reviewReject,
  exportFile,
  demo,
  serve,
]

/** `kith --help`: the global options, and every command's usage entry. */
export const USAGE = [
  'Usage: kith [--data DIR] <command> [options]',
  '',
  'People are named by id, exact name, alias or email.',
  '',
  'Commands:',
  ...COMMANDS.flatMap((c) => c.usage.split('\n').map((line) => `  ${line}`)),
  '',
  'Options:',
  '  --data DIR   the data folder (default: KITH_DATA_DIR, else the desktop app\'s folder)',
  '  --json       print one JSON document on stdout',
  "  --help       show this help; kith COMMAND --help (or kith help COMMAND) shows one command's",
].join('\n')

/** Every command's words, one or two ("tasks add"), aliases included. */
export function commandKeys(): string[] {
  return COMMANDS.flatMap((c) => [c.name, ...(c.aliases ?? [])])
}
