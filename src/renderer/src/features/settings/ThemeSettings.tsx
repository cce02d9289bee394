import { Group, Radio, useMantineColorScheme } from '@mantine/core'
import type { ReactNode } from 'react'
import { Section } from '../../components/Section'
import { SCHEMES } from '../../lib/color-scheme'

/** Light, dark, or whatever the system uses; kept on this computer and applied at once. */
export function ThemeSettings(): ReactNode {
  const { colorScheme, setColorScheme } = useMantineColorScheme()
  return (
    <Section title="Appearance">
      <Radio.Group
        label="Theme"
        value={colorScheme}
        onChange={(value) => {
          const chosen = SCHEMES.find((s) => s.value === value)
          if (chosen !== undefined) setColorScheme(chosen.value)
        }}
      >
        <Group mt="xs">
          {SCHEMES.map((s) => (
            <Radio key={s.value} value={s.value} label={s.label} />
          ))}
        </Group>
      </Radio.Group>
    </Section>
  )
}
