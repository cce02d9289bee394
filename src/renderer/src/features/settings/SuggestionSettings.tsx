import { ActionIcon, Button, Group, MultiSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useMemo, type ReactNode } from 'react'
import { DEFAULT_SUGGESTION_SETTINGS, isSourceTag, suggestionSettings, type SuggestionSettings as Settings } from '../../../../shared/suggestions'
import { call } from '../../lib/client'
import { FormFooter } from '../../components/FormFooter'
import { useStoredForm } from './useStoredForm'
import { useDataVersion } from '../../lib/data-version'
import { useApi } from '../../lib/useApi'

/**
 * What counts as a gain when Kith suggests introductions: the tags that are
 * interests, and the roles that complement each other (docs/suggestions.md).
 */
export function SuggestionSettings(): ReactNode {
  const { version } = useDataVersion()
  const facets = useApi('people.facets', {}, String(version))
  const { form, error, save } = useStoredForm<Settings>({
    initial: DEFAULT_SUGGESTION_SETTINGS,
    schema: suggestionSettings,
    load: () => call('settings.suggestions.get', {}),
    store: (values) => call('settings.suggestions.set', values),
    savedMessage: 'Introduction suggestion settings saved. They apply from next week’s list.',
  })

  // Existing tags, import tags left out (they say where someone came from), and any interest already chosen.
  const tagOptions = useMemo(() => {
    const tags = (facets.data?.tags ?? []).filter((t) => !isSourceTag(t.label))
    const known = new Set(tags.map((t) => t.label))
    return [
      ...tags.map((t) => ({ value: t.label, label: t.label })),
      ...form.values.interests.filter((i) => !known.has(i)).map((i) => ({ value: i, label: i })),
    ]
  }, [facets.data, form.values.interests])

  return (
    <Paper withBorder p="lg" component="form" onSubmit={save} noValidate aria-label="Introduction suggestions">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Introduction suggestions
        </Title>
        <Text size="sm" c="dimmed">
          Kith suggests introducing two people only when each gains something: a need the other offers, an interest both share, or
          roles that complement each other. Changes apply from next week’s list.
        </Text>
        <MultiSelect
          label="Interests"
          description="Two people who both carry one of these tags share an interest (worth half a need met)."
          placeholder={form.values.interests.length === 0 ? 'Pick tags' : undefined}
          data={tagOptions}
          searchable
          clearable
          hidePickedOptions
          nothingFoundMessage="No tag by that name"
          {...form.getInputProps('interests')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="complementary-roles">
            Complementary roles
          </Text>
          <Text size="xs" c="dimmed">
            People holding these two roles gain from meeting each other (worth half a need met). Someone holds a role when they have a tag
            equal to it, or their title contains it as a whole word: “Co-founder & CEO” is a founder.
          </Text>
        </Stack>
        <Stack gap="xs" role="group" aria-labelledby="complementary-roles">
          {form.values.complementaryRoles.length === 0 && (
            <Text size="sm" c="dimmed">
              No pairs of roles.
            </Text>
          )}
          {form.values.complementaryRoles.map((pair, i) => (
            <Group key={i} align="flex-start" gap="xs" wrap="nowrap">
              <TextInput label={`Role ${i + 1}`} style={{ flex: 1 }} {...form.getInputProps(`complementaryRoles.${i}.a`)} />
              <Text size="sm" pt={30} aria-hidden>
                ↔
              </Text>
              <TextInput label={`Complements role ${i + 1}`} style={{ flex: 1 }} {...form.getInputProps(`complementaryRoles.${i}.b`)} />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mt={26}
                aria-label={`Remove the pair ${pair.a === '' ? 'blank' : pair.a} and ${pair.b === '' ? 'blank' : pair.b}`}
                onClick={() => form.removeListItem('complementaryRoles', i)}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button variant="subtle" size="xs" onClick={() => form.insertListItem('complementaryRoles', { a: '', b: '' })} disabled={form.values.complementaryRoles.length >= 20}>
              Add a pair of roles
            </Button>
          </Group>
        </Stack>
        <FormFooter
          error={error}
          submit="Save suggestion settings"
          disabled={!form.isDirty()}
          justify="flex-start"
          extra={
            <Button variant="default" onClick={() => form.setValues(DEFAULT_SUGGESTION_SETTINGS)}>
              Back to the defaults
            </Button>
          }
        />
      </Stack>
    </Paper>
  )
}
