import { Button, NumberInput, Paper, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core'
import { notify } from '../../lib/notify'
import { type ReactNode } from 'react'
import { DEFAULT_SCORING, scoringSettings, type ScoringSettings as Settings } from '../../../../shared/scoring'
import { STRENGTHS } from '../../../../shared/vocab'
import { call } from '../../lib/client'
import { FormFooter } from '../../components/FormFooter'
import { useStoredForm } from './useStoredForm'
import { strengthWord } from '../../lib/format'

/** Every default of path scoring (docs/paths.md), editable. */
export function ScoringSettings(): ReactNode {
  const { form, error, save, showSaved } = useStoredForm<Settings>({
    initial: DEFAULT_SCORING,
    schema: scoringSettings,
    load: () => call('settings.scoring.get', {}),
    store: (values) => call('settings.scoring.set', values),
    savedMessage: 'Path scoring saved.',
    othersRead: true,
  })
  const reset = async (): Promise<void> => {
    showSaved(await call('settings.scoring.reset', {}))
    notify({ color: 'teal', message: 'Path scoring back to its defaults.' })
  }
  const num = (label: string, path: string, props: { min?: number; max?: number; step?: number; decimalScale?: number } = {}) => (
    <NumberInput label={label} step={0.05} decimalScale={3} min={0} {...props} {...form.getInputProps(path)} />
  )

  return (
    <Paper withBorder p="lg" component="form" onSubmit={save} noValidate aria-label="Path scoring">
      <Stack gap="md">
        <Title order={3} size="h4">
          Path scoring
        </Title>
        <Text size="sm" c="dimmed">
          A path’s score is the product of these factors. Change them to match how your network behaves.
        </Text>
        <Text fw={600} size="sm">
          Chance a relationship carries an ask, by strength
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          {STRENGTHS.map((s, i) => (
            <div key={s}>{num(`${s} · ${strengthWord(s)}`, `base.${i}`, { max: 1 })}</div>
          ))}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {num('Recency half-life (days)', 'halfLifeDays', { min: 1, max: 3650, step: 1, decimalScale: 0 })}
          {num('Recency when you never logged talking', 'neverLoggedRecency', { max: 1 })}
          {num('Recency between others, nothing logged', 'unknownRecency', { max: 1 })}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {num('Known firsthand', 'confidence.firsthand', { max: 1 })}
          {num('Believed to know each other', 'confidence.believed', { max: 1 })}
          {num('Inferred', 'confidence.inferred', { max: 1 })}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          {num('Reciprocity base', 'reciprocity.base', { max: 2 })}
          {num('Per favor point', 'reciprocity.perPoint', { max: 1, step: 0.01 })}
          {num('Reciprocity at least', 'reciprocity.min', { max: 2 })}
          {num('Reciprocity at most', 'reciprocity.max', { max: 2 })}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          {num('Asks count for (days)', 'fatigueWindowDays', { min: 1, max: 3650, step: 1, decimalScale: 0 })}
          {num('Each relationship beyond two', 'hopPenalty', { max: 1 })}
          {num('Chance at least', 'floor', { max: 1, step: 0.01 })}
          {num('Chance at most', 'ceiling', { max: 1, step: 0.01 })}
        </SimpleGrid>
        <Text fw={600} size="sm">
          Colleagues: people whose time at one organisation overlapped
        </Text>
        <Text size="sm" c="dimmed">
          An inferred colleague tie counts as the strength below, known “inferred”, times min(1, scale ÷ people Kith has there), and less again
          when they overlapped only briefly. You always know your own colleagues: Kith never infers ties for you.
        </Text>
        <Switch label="Treat colleagues as people who may know each other" {...form.getInputProps('colleagues.enabled', { type: 'checkbox' })} />
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          {num('Colleague strength (1–5)', 'colleagues.strength', { min: 1, max: 5, step: 1, decimalScale: 0 })}
          {num('Size scale (people)', 'colleagues.sizeScale', { min: 1, max: 10000, step: 1, decimalScale: 0 })}
          {num('A short overlap is under (days)', 'colleagues.shortOverlapDays', { min: 0, max: 3650, step: 1, decimalScale: 0 })}
          {num('A short overlap counts', 'colleagues.shortOverlapFactor', { max: 1 })}
        </SimpleGrid>
        <FormFooter
          error={error}
          submit="Save scoring"
          disabled={!form.isDirty()}
          justify="flex-start"
          extra={
            <Button variant="default" onClick={() => void reset()}>
              Reset to defaults
            </Button>
          }
        />
      </Stack>
    </Paper>
  )
}
