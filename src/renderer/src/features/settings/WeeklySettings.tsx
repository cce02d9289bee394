import { Button, Group, Paper, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core'
import { notify } from '../../lib/notify'
import { useEffect, useState, type ReactNode } from 'react'
import { DEFAULT_WEEKLY, weeklySettings, type WeeklySettings as Settings } from '../../../../shared/schemas'
import { call } from '../../lib/client'
import { errorText } from '../../lib/errors'

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

/** When Kith announces the week's list. */
export function WeeklySettings(): ReactNode {
  const [value, setValue] = useState<Settings>(DEFAULT_WEEKLY)
  const [error, setError] = useState<string>()
  useEffect(() => {
    call('settings.weekly.get', {})
      .then(setValue)
      .catch((err: unknown) => setError(errorText(err)))
  }, [])
  const save = async (): Promise<void> => {
    const parsed = weeklySettings.safeParse(value)
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message)
      return
    }
    setError(undefined)
    setValue(await call('settings.weekly.set', parsed.data))
    notify({ color: 'teal', message: 'Weekly review settings saved.' })
  }
  return (
    <Paper withBorder p="lg" component="section" aria-label="Weekly review">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Weekly review
        </Title>
        <Text size="sm" c="dimmed">
          Kith tells you when the week’s list of introductions you could make is ready.
        </Text>
        <Switch label="Tell me when the week’s list is ready" checked={value.enabled} onChange={(e) => setValue({ ...value, enabled: e.currentTarget.checked })} />
        <Group align="flex-start">
          <Select label="Day" data={DAYS.map((d, i) => ({ value: String(i + 1), label: d }))} value={String(value.day)} allowDeselect={false} onChange={(d) => setValue({ ...value, day: Number(d ?? 1) })} disabled={!value.enabled} w={180} />
          <TextInput label="Time" type="time" value={value.time} onChange={(e) => setValue({ ...value, time: e.currentTarget.value })} error={error} disabled={!value.enabled} w={140} />
        </Group>
        <Group>
          <Button onClick={() => void save()}>Save weekly review</Button>
        </Group>
      </Stack>
    </Paper>
  )
}
