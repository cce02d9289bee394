import { SimpleGrid, Text } from '@mantine/core'
import { format, parseISO } from 'date-fns'
import type { ReactNode } from 'react'
import type { PersonDetail } from '../../../../../shared/types'
import { Section } from '../../../components/Section'
import { EmailAddress, ExternalLink, Field, Labels, PersonLink } from './parts'

/** '1990-03-14' as '14 March 1990'; '--03-14' (no year) as '14 March'. */
function formatBirthday(value: string): string {
  if (value.startsWith('--')) return format(parseISO(`2000${value.slice(1)}`), 'd MMMM')
  return format(parseISO(value), 'd MMMM yyyy')
}

export function ProfileSection({ p, open }: { p: PersonDetail; open: (id: number) => void }): ReactNode {
  return (
    <Section title="Profile">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        <Field label="Email">
          {p.emails.length === 0 ? <Text c="dimmed">—</Text> : p.emails.map((e) => <div key={e}><EmailAddress address={e} /></div>)}
        </Field>
        <Field label="Phone">{p.phones.length === 0 ? <Text c="dimmed">—</Text> : p.phones.map((ph) => <div key={ph}>{ph}</div>)}</Field>
        <Field label="Location">{p.location ?? <Text c="dimmed">—</Text>}</Field>
        <Field label="Looking for">
          <Labels items={p.needs} />
        </Field>
        <Field label="Can help with">
          <Labels items={p.offers} />
        </Field>
        <Field label="Tags">
          <Labels items={p.tags} />
        </Field>
        <Field label="How we met">{p.howWeMet ?? <Text c="dimmed">—</Text>}</Field>
        <Field label="Introduced by">{p.introducedBy === null ? <Text c="dimmed">—</Text> : <PersonLink person={p.introducedBy} onOpen={open} />}</Field>
        <Field label="Links">
          {p.linkedinUrl === null && p.website === null && <Text c="dimmed">—</Text>}
          {p.linkedinUrl !== null && <div><ExternalLink href={p.linkedinUrl}>LinkedIn</ExternalLink></div>}
          {p.website !== null && <div><ExternalLink href={p.website}>{p.website.replace(/^https?:\/\//, '')}</ExternalLink></div>}
        </Field>
        {p.birthday !== null && <Field label="Birthday">{formatBirthday(p.birthday)}</Field>}
        {p.aliases.length > 0 && <Field label="Also known as">{p.aliases.join(', ')}</Field>}
      </SimpleGrid>
      {p.notes !== null && (
        <Field label="Notes">
          <Text style={{ whiteSpace: 'pre-wrap' }}>{p.notes}</Text>
        </Field>
      )}
      {p.employment.length > 0 && (
        <Field label="Work history">
          {p.employment.map((e) => (
            <Text key={e.id} size="sm">
              {[e.title, e.company].filter((x) => x !== null).join(' at ')}
              {(e.startDate !== null || e.endDate !== null) && (
                <Text span c="dimmed" size="sm">
                  {' '}
                  ({e.startDate?.slice(0, 4) ?? '?'}–{e.endDate?.slice(0, 4) ?? 'now'})
                </Text>
              )}
            </Text>
          ))}
        </Field>
      )}
    </Section>
  )
}
