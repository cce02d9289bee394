import { Stack } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import { BackButton } from '../../components/BackButton'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Section } from '../../components/Section'
import { call } from '../../lib/client'
import { useDataVersion } from '../../lib/data-version'
import { useNav } from '../../lib/nav'
import { notify } from '../../lib/notify'
import { undoNotice } from '../../lib/undo-notice'
import { useRememberPerson } from '../../lib/recent-people'
import { useAction } from '../../lib/useAction'
import { useApi } from '../../lib/useApi'
import { useDocumentTitle } from '../../lib/title'
import { Neighbourhood } from './Neighbourhood'
import { DeletePersonModal } from './person/DeletePersonModal'
import { FavorsSection } from './person/FavorsSection'
import { FollowUpsSection } from './person/FollowUpsSection'
import { InteractionsSection } from './person/InteractionsSection'
import { IntroductionsSection } from './person/IntroductionsSection'
import { useCapped, type RemoveRow } from './person/parts'
import { PersonHeader } from './person/PersonHeader'
import { ProfileSection } from './person/ProfileSection'
import { RelationshipsSection } from './person/RelationshipsSection'
import { Busy } from '../../components/Busy'

export function PersonPage({ id }: { id: number }): ReactNode {
  const { version, changed } = useDataVersion()
  const { go } = useNav()
  const person = useApi('people.get', { id }, String(version))
  const hood = useApi('people.neighbourhood', { id }, String(version))
  const me = useApi('me.get', {}, String(version))
  const intros = useApi('introductions.list', { personId: id }, String(version))
  const tasks = useApi('tasks.list', { personId: id }, String(version))
  const [confirmDelete, setConfirmDelete] = useState(false)
  const { error, run } = useAction()
  const relationships = useCapped(person.data?.relationships ?? [])
  const interactions = useCapped(person.data?.interactions ?? [])
  const favors = useCapped([...(person.data?.favors ?? [])].reverse())
  useRememberPerson(person.data?.id === id ? person.data : undefined)
  useDocumentTitle(person.data?.id === id ? person.data.name : 'Person')

  if (person.data === undefined || person.data.id !== id) {
    return person.error === undefined ? <Busy label="Loading" /> : <ErrorNotice error={person.error} title="This person could not be loaded" />
  }
  const p = person.data
  const open = (other: number): void => go({ page: 'person', id: other })
  const archive = (): Promise<boolean> =>
    run(async () => {
      await call('people.archive', { id })
      changed()
      undoNotice({
        message: `Archived ${p.name}.`,
        undo: async () => {
          await call('people.unarchive', { id })
          changed()
        },
        undone: `Restored ${p.name}.`,
      })
    })
  const unarchive = (): Promise<boolean> =>
    run(async () => {
      await call('people.unarchive', { id })
      changed()
      notify({ message: `Restored ${p.name}.`, color: 'teal' })
    })
  const remove = (): Promise<boolean> =>
    run(async () => {
      setConfirmDelete(false)
      await call('people.delete', { id })
      changed()
      notify({ message: `Deleted ${p.name} for good.`, color: 'gray' })
      go({ page: 'people' })
    })
  const removeRow: RemoveRow = async (what, rowId, done, putBack) => {
    await run(async () => {
      await call(what, { id: rowId })
      changed()
      undoNotice({
        message: done,
        undo: async () => {
          await putBack()
          changed()
        },
        undone: 'Put back.',
      })
    })
  }

  return (
    <Stack gap="lg" maw={1100}>
      <BackButton />
      <PersonHeader
        p={p}
        meRef={me.data ?? null}
        onArchive={() => void archive()}
        onUnarchive={() => void unarchive()}
        onDelete={() => setConfirmDelete(true)}
      />
      <ErrorNotice error={error} />
      <ProfileSection p={p} open={open} />
      <FollowUpsSection p={p} tasks={tasks.data} />
      <RelationshipsSection p={p} relationships={relationships} open={open} removeRow={removeRow} />
      <Section title="Neighbourhood">{hood.data !== undefined && hood.data.center.id === id ? <Neighbourhood hood={hood.data} onOpen={open} /> : <Busy size="sm" label="Drawing" />}</Section>
      <InteractionsSection p={p} interactions={interactions} open={open} removeRow={removeRow} />
      <FavorsSection p={p} favors={favors} open={open} removeRow={removeRow} />
      <IntroductionsSection p={p} list={intros.data} />
      <DeletePersonModal name={p.name} opened={confirmDelete} onClose={() => setConfirmDelete(false)} onConfirm={() => void remove()} />
    </Stack>
  )
}
